"""Tests of the gates themselves: each gate, run on the deliberately broken fixture site
(Tests/Fixtures/broken-a11y), reports the defect planted for it, and passes the fixture's clean page."""
import os

import pytest

from gates import axe, fileurl, keyboard, printing, validity
from gates.crawl import crawl


def url(server, page: str) -> str:
    return server.base_url + page + ("/index.html" if page else "index.html")


def rules(driver, axe_js, server, page):
    result = axe.run_axe(driver, axe_js, url(server, page), 1280)
    assert result["version"].startswith("4.")
    return {v["id"] for v in result["violations"]}


def test_clean_fixture_page_passes_every_gate(driver, axe_js, broken_server, broken_site, tmp_path):
    home = url(broken_server, "")
    assert rules(driver, axe_js, broken_server, "") == set()
    assert keyboard.check_page(driver, home) == []
    assert keyboard.check_reflow(driver, home) == []
    assert validity.validate([os.path.join(broken_site, "index.html")])[0] == []
    assert fileurl.check_file_page(driver, os.path.join(broken_site, "index.html")) == []
    assert printing.check_print(driver, home, str(tmp_path / "home.pdf")) == []


@pytest.mark.parametrize("page, rule", [("missing-alt", "image-alt"), ("low-contrast", "color-contrast")])
def test_axe_gate_reports_the_defect(driver, axe_js, broken_server, page, rule):
    assert rules(driver, axe_js, broken_server, page) == {rule}


def test_link_gate_reports_missing_fragment_missing_page_and_escape(broken_server):
    result = crawl(broken_server.base_url)
    assert sorted(result.problems) == [
        "missing-fragment/index.html: <a> '/elsewhere/index.html' leaves the site's folder /policies/ (resolves to /elsewhere/index.html)",
        "missing-fragment/index.html: link '../index.html#no-such-clause' points to #no-such-clause, which index.html does not have",
        "missing-fragment/index.html: link '../no-such-page/index.html' is broken: no-such-page/index.html answers HTTP 404",
    ]
    assert len(result.pages) == 8


def test_html_gate_reports_invalid_nesting(broken_site):
    errors, _ = validity.validate([os.path.join(broken_site, "invalid-nesting", "index.html")])
    assert len(errors) == 1
    assert "Element “p” not allowed as child of element “ul”" in errors[0]
    assert errors[0].split(":")[1:3] == ["17", "1"]  # line 17, column 1 of the fixture page


def test_keyboard_gate_reports_each_defect(driver, broken_server):
    problems = keyboard.check_page(driver, url(broken_server, "keyboard"))
    expected = [
        "the first Tab stop is not a skip link",
        "a[href=\"../index.html\"] \"Home\": no visible focus indicator",
        "expected one footer (contentinfo) landmark, found 0",
        "expected exactly one h1, found 2",
        "heading level skipped: h2 \"A section\" is followed by h4",
    ]
    for e in expected:
        assert any(e in p for p in problems), f"no problem mentions {e!r}: {problems}"
    assert len(problems) == len(expected), problems
    reflow = keyboard.check_reflow(driver, url(broken_server, "keyboard"))
    assert len(reflow) == 1 and reflow[0].endswith("px wide and scrolls sideways"), reflow


def test_print_gate_reports_navigation_and_letter_paper(driver, broken_server, tmp_path):
    problems = printing.check_print(driver, url(broken_server, "print-nav"), str(tmp_path / "p.pdf"))
    text = "\n".join(problems)
    assert "prints on 612 x 792 pt paper, not A4" in text
    assert "navigation is printed: nav" in text
    assert "the PDF contains the navigation label 'Home'" in text


def test_file_url_gate_reports_server_only_links(driver, broken_site):
    problems = fileurl.check_file_page(driver, os.path.join(broken_site, "file-links", "index.html"))
    text = "\n".join(problems)
    assert "the stylesheet is not applied" in text
    assert "/site/missing-alt/ is a folder" in text
    assert "link to /policies/assets/fixture.css is missing" in text
    assert len(problems) == 3, problems
