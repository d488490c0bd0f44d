/* policy-site search: runs in the browser from the static index under search/ (see
   Sources/PolicySiteKit/Search/SearchIndex.swift for the format). No external requests, no
   inline script; without JavaScript the page's list of policies is the way in. */
(function () {
  'use strict';
  var form = document.querySelector('form.search-form');
  if (!form || !window.fetch || !window.Map) return;
  var root = form.getAttribute('data-root') || '';
  var scope = form.getAttribute('data-scope') || 'search/';
  var input = form.querySelector('input[name="q"]');
  var status = document.getElementById('search-status');
  var section = document.getElementById('search-results');
  var list = document.getElementById('search-result-list');
  var more = document.getElementById('search-more');
  var noScript = document.getElementById('search-nojs');
  if (noScript) noScript.hidden = true;

  var PAGE = 10;
  var WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019][\p{L}\p{N}\p{M}]+)*/gu;
  var FINAL = '0123456789abcdefghijklmnopqrstuv';
  var MORE = 'wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  var files = {};
  var shards = {};
  var generation = 0;
  var current = null;

  /* The same folding as SearchText.normalize in the generator. */
  function normalize(word) {
    return word.replace(/['\u2019]/g, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }

  function queryWords(text, stop) {
    var seen = {};
    var words = [];
    (text.match(WORD) || []).forEach(function (w) {
      var t = normalize(w);
      if (t && !stop[t] && !seen[t]) { seen[t] = true; words.push(t); }
    });
    return words;
  }

  function load(path, asJSON) {
    if (!files[path]) {
      files[path] = fetch(root + path).then(function (response) {
        if (!response.ok) throw new Error(path + ' ' + response.status);
        return asJSON ? response.json() : response.text();
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }

  /* A small scope's whole term list is in meta.json ("terms"); a larger one's is in shards. */
  function shard(meta, index) {
    if (!shards[index]) {
      var file = typeof meta.terms === 'string' ? Promise.resolve(meta.terms) : load(scope + 't-' + index + '.txt', false);
      shards[index] = file.then(function (text) {
        var terms = [];
        var postings = [];
        var previous = '';
        text.split('\n').forEach(function (line) {
          if (!line) return;
          var space = line.indexOf(' ');
          var term = previous.slice(0, parseInt(line.charAt(0), 36)) + line.slice(1, space);
          terms.push(term);
          postings.push(line.slice(space + 1));
          previous = term;
        });
        return { terms: terms, postings: postings };
      });
      shards[index].catch(function () { delete shards[index]; });
    }
    return shards[index];
  }

  function decode(code) {
    var out = [];
    var value = 0;
    var previous = -1;
    for (var i = 0; i < code.length; i++) {
      var d = MORE.indexOf(code.charAt(i));
      if (d >= 0) { value = value * 32 + d; continue; }
      previous += value * 32 + FINAL.indexOf(code.charAt(i)) + 1;
      out.push(previous);
      value = 0;
    }
    return out;
  }

  /* Compares by Unicode code point, the order of the index (plain < compares UTF-16 units,
     which puts characters beyond U+FFFF before U+E000–U+FFFF). */
  function compare(a, b) {
    var n = Math.min(a.length, b.length);
    for (var i = 0; i < n; i++) {
      var x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x === y) continue;
      if (x >= 0xD800 && x <= 0xDFFF) x += 0x2000; else if (x >= 0xE000) x -= 0x800;
      if (y >= 0xD800 && y <= 0xDFFF) y += 0x2000; else if (y >= 0xE000) y -= 0x800;
      return x - y;
    }
    return a.length - b.length;
  }

  /* Index of the last entry of sorted `firsts` that is <= key (numbers compare as numbers). */
  function lastAtMost(firsts, key) {
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      var before = typeof key === 'number' ? firsts[mid] <= key : compare(firsts[mid], key) <= 0;
      if (before) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  function matches(term, word) {
    return term === word || (word.length >= 3 && term.lastIndexOf(word, 0) === 0);
  }

  /* Record number -> best weight of the terms that match `word`. */
  function lookUp(meta, word, total) {
    var prefix = word.length >= 3;
    var from = lastAtMost(meta.shards, word);
    var to = prefix ? lastAtMost(meta.shards, word + '\udbff\udfff') : from;
    var wanted = [];
    for (var i = from; i <= to; i++) wanted.push(shard(meta, i));
    return Promise.all(wanted).then(function (loaded) {
      var weights = new Map();
      loaded.forEach(function (s) {
        if (!s.terms.length) return;
        var i = lastAtMost(s.terms, word);
        if (compare(s.terms[i], word) < 0) i++;
        for (; i < s.terms.length && matches(s.terms[i], word); i++) {
          var records = decode(s.postings[i]);
          var weight = Math.log(1 + total / records.length) * (s.terms[i] === word ? 1 : 0.5);
          records.forEach(function (r) { if ((weights.get(r) || 0) < weight) weights.set(r, weight); });
        }
      });
      return weights;
    });
  }

  function search(text) {
    var mine = ++generation;
    return load(scope + 'meta.json', true).then(function (meta) {
      var stop = {};
      meta.stop.forEach(function (w) { stop[w] = true; });
      var words = queryWords(text, stop);
      if (!words.length) return { words: words, meta: meta, hits: [] };
      var total = meta.publishers.reduce(function (n, p) { return n + p.records; }, 0);
      return Promise.all(words.map(function (w) { return lookUp(meta, w, total); })).then(function (perWord) {
        var hits = [];
        perWord[0].forEach(function (weight, record) {
          var score = weight;
          for (var k = 1; k < perWord.length; k++) {
            var w = perWord[k].get(record);
            if (w === undefined) return;
            score += w;
          }
          hits.push({ record: record, score: score });
        });
        hits.sort(function (a, b) { return b.score - a.score || a.record - b.record; });
        return { words: words, meta: meta, hits: hits };
      });
    }).then(function (found) {
      if (mine !== generation) return;
      current = { text: text, words: found.words, meta: found.meta, hits: found.hits, shown: 0 };
      list.textContent = '';
      if (!found.words.length) {
        section.hidden = true;
        status.textContent = text.trim() ? 'Those words are too common to search for; add a less common word.' : '';
        return;
      }
      section.hidden = false;
      var n = found.hits.length;
      status.textContent = (n === 0 ? 'No clauses contain ' : n + (n === 1 ? ' clause contains ' : ' clauses contain ')) +
        (found.words.length > 1 ? 'all of ' : '') + '“' + text.trim() + '”.';
      return showMore();
    }).catch(function (error) {
      if (mine !== generation) return;
      section.hidden = true;
      status.textContent = 'Search could not load its index (' + error.message + '). The list below links to every policy.';
    });
  }

  /* Which publisher and chunk a record number belongs to. */
  function locate(meta, record) {
    for (var p = 0; p < meta.publishers.length; p++) {
      var pub = meta.publishers[p];
      if (record < pub.records) {
        var c = lastAtMost(pub.chunks, record);
        return { publisher: pub, chunk: c, offset: record - pub.chunks[c] };
      }
      record -= pub.records;
    }
    return null;
  }

  function showMore() {
    var state = current;
    var page = state.hits.slice(state.shown, state.shown + PAGE);
    state.shown += page.length;
    more.hidden = state.shown >= state.hits.length;
    var places = page.map(function (hit) { return locate(state.meta, hit.record); });
    return Promise.all(places.map(function (place) {
      return load('search/' + place.publisher.slug + '/r-' + place.chunk + '.json', true);
    })).then(function (chunks) {
      if (state !== current) return;
      places.forEach(function (place, i) {
        var chunk = chunks[i];
        var record = chunk.records[place.offset];
        var policy = chunk.policies[record[0]];
        list.appendChild(result(place.publisher, policy, record, state.words));
      });
    });
  }

  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function result(publisher, policy, record, words) {
    var item = element('li', 'search-result');
    item.appendChild(element('p', 'search-result-where', publisher.name + ' · ' + policy[1]));
    var heading = element('h3');
    var link = element('a', null, record[2]);
    link.href = root + publisher.slug + '/' + policy[0] + '/index.html' + (record[1] ? '#' + record[1] : '');
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(snippet(record[3], words));
    return item;
  }

  /* About 240 characters of the text around the matches, starting a little before the place
     where the most different query words are close together; matches marked. */
  function snippet(text, words) {
    var marks = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var t = normalize(m[0]);
      for (var k = 0; k < words.length; k++) {
        if (matches(t, words[k])) { marks.push([m.index, m.index + m[0].length, k]); break; }
      }
    }
    var best = 0, bestCount = 0;
    marks.forEach(function (mark, i) {
      var seen = {}, count = 0;
      for (var j = i; j < marks.length && marks[j][1] - mark[0] <= 160; j++) {
        if (!seen[marks[j][2]]) { seen[marks[j][2]] = true; count++; }
      }
      if (count > bestCount) { best = i; bestCount = count; }
    });
    var start = 0;
    var first = marks.length ? marks[best][0] : 0;
    if (first > 60) {
      start = text.indexOf(' ', first - 60) + 1;
      if (start <= 0 || start > first) start = first;
    }
    var end = Math.min(text.length, start + 240);
    if (end < text.length) {
      var space = text.lastIndexOf(' ', end);
      if (space > start) end = space;
    }
    var p = element('p', 'search-result-snippet');
    if (start > 0) p.appendChild(document.createTextNode('… '));
    var at = start;
    marks.forEach(function (range) {
      if (range[0] < at || range[1] > end) return;
      p.appendChild(document.createTextNode(text.slice(at, range[0])));
      p.appendChild(element('mark', null, text.slice(range[0], range[1])));
      at = range[1];
    });
    p.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var q = input.value;
    if (window.history && history.replaceState) {
      history.replaceState(null, '', q.trim() ? '?q=' + encodeURIComponent(q) : location.pathname);
    }
    search(q);
  });
  more.addEventListener('click', function () {
    if (!current) return;
    var first = current.shown;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector('a');
      if (link) link.focus();
    });
  });

  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();
