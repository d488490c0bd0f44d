// Clause index filter: progressive enhancement for /clauses/. Without it the page lists every
// clause; with it, typing shows only the clauses whose text (or policy or publisher) holds every
// word typed, and a status line says how many match.
(function () {
  "use strict";
  var box = document.getElementById("clause-filter");
  var input = document.getElementById("clause-filter-input");
  var status = document.getElementById("clause-filter-status");
  if (!box || !input || !status) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll(".clause-list li"));
  var texts = items.map(function (li) {
    var policy = li.closest(".clause-policy");
    var publisher = li.closest(".clause-publisher");
    var context = (policy ? policy.querySelector("h3").textContent : "") + " " + (publisher ? publisher.querySelector("h2").textContent : "");
    return (li.textContent + " " + context).toLowerCase();
  });
  var groups = Array.prototype.slice.call(document.querySelectorAll(".clause-policy, .clause-publisher"));
  var timer = null;

  function apply() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li, i) {
      var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      li.hidden = !match;
      if (match) { shown += 1; }
    });
    groups.forEach(function (group) {
      group.hidden = words.length > 0 && !group.querySelector(".clause-list li:not([hidden])");
    });
    if (words.length === 0) {
      status.textContent = "";
    } else {
      status.textContent = shown === 1 ? "1 clause matches." : shown + " clauses match.";
    }
  }

  box.hidden = false;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(apply, 150);
  });
  if (input.value) { apply(); }
}());
