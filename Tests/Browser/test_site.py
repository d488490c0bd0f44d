"""The quality gates on the real site: built from content/ with --base-url /policies/, served by
nginx under /policies/, every page found by crawling from the home page."""
import os
import re
import urllib.parse

import pytest

from conftest import output_folder
from gates import axe, fileurl, keyboard, printing, screenshots, validity

WIDTHS = [360, 1280]


def page_file(site: str, page) -> str:
    return os.path.join(site, page.path)


def first_page_of_each_type(pages) -> dict:
    types = {}
    for page in pages:
        types.setdefault(page.page_type, page)
    return types


def test_crawl_reaches_every_page_with_no_broken_link_or_fragment(built_site, site_crawl):
    assert site_crawl.problems == []
    built = {os.path.relpath(os.path.join(d, f), built_site)
             for d, _, files in os.walk(built_site) for f in files if f.endswith(".html")}
    crawled = {p.path for p in site_crawl.pages}
    assert crawled == built, f"pages no link leads to: {sorted(built - crawled)}"


def test_every_page_type_is_present(pages):
    assert {"home", "publisher", "policy", "accessibility"} <= {p.page_type for p in pages}
    assert "unknown" not in {p.page_type for p in pages}


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_finds_no_wcag_22_aa_violation(driver, axe_js, pages, width):
    problems, versions = [], set()
    for page in pages:
        result = axe.run_axe(driver, axe_js, page.url, width)
        versions.add(result["version"])
        problems += axe.describe(page.path or "/", width, result["violations"])
    assert len(versions) == 1 and versions.pop().startswith("4."), "axe-core must be 4.x"
    assert problems == [], "\n" + "\n".join(problems)


def test_keyboard_skip_link_focus_landmarks_and_headings(driver, pages):
    problems = []
    for page in pages:
        problems += keyboard.check_page(driver, page.url)
    assert problems == [], "\n" + "\n".join(problems)


def test_no_sideways_scrolling_at_320_px(driver, pages):
    problems = []
    for page in pages:
        problems += keyboard.check_reflow(driver, page.url, 320)
    assert problems == [], "\n" + "\n".join(problems)


def test_nu_html_checker_finds_no_error(built_site, pages):
    errors, warnings = validity.validate([page_file(built_site, p) for p in pages])
    for w in warnings:
        print("warning:", w)
    assert errors == [], "\n" + "\n".join(errors)


def test_every_page_works_from_file_url(driver, built_site, pages):
    problems = []
    for page in pages:
        problems += fileurl.check_file_page(driver, page_file(built_site, page))
    for page in first_page_of_each_type(pages).values():
        problems += fileurl.follow_first_link(driver, page_file(built_site, page))
    assert problems == [], "\n" + "\n".join(problems)


def test_policy_pages_print_on_a4_without_navigation(driver, pages):
    folder = output_folder("print")
    policies = [p for p in pages if p.page_type == "policy"]
    assert policies
    problems = []
    for page in policies:
        name = page.path.removesuffix("/index.html").replace("/", "--") + ".pdf"
        problems += printing.check_print(driver, page.url, os.path.join(folder, name))
    assert problems == [], "\n" + "\n".join(problems)


def test_screenshots_of_each_page_type(driver, pages):
    folder = output_folder("screenshots")
    for page_type, page in sorted(first_page_of_each_type(pages).items()):
        for width in WIDTHS:
            path = os.path.join(folder, f"{page_type}-{width}.png")
            screenshots.full_page_png(driver, page.url, width, path)
            w, h = screenshots.png_size(path)
            assert w == width and h > 200, f"{path} is {w}x{h}"


# The GOV.UK sample accessibility statement's headings, in order (its legally required parts and
# the optional ones this site has something to say in).
GOVUK_STATEMENT_HEADINGS = [
    (1, "Accessibility statement for"),
    (2, "How accessible this website is"),
    (2, "Feedback and contact information"),
    (2, "Reporting accessibility problems with this website"),
    (2, "Enforcement procedure"),
    (2, "Technical information about this website’s accessibility"),
    (3, "Compliance status"),
    (3, "Non-accessible content"),
    (4, "Non-compliance with the accessibility regulations"),
    (4, "Disproportionate burden"),
    (4, "Content that’s not within the scope of the accessibility regulations"),
    (2, "What we’re doing to improve accessibility"),
    (2, "Preparation of this accessibility statement"),
]

# Sentences the sample marks as legally required wording.
GOVUK_REQUIRED_WORDING = [
    "This accessibility statement applies to",
    "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies "
    "(Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’).",
    "contact the Equality Advisory and Support Service (EASS)",
    "accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
    "Accessibility Regulations 2018.",
    "compliant with the Web Content Accessibility Guidelines version 2.2 AA standard",
    "If you need information on this website in a different format",
    "If you find any problems not listed on this page or think we are not meeting accessibility requirements",
    "This statement was prepared on",
]


def test_accessibility_statement_follows_the_govuk_sample(pages):
    statement = [p for p in pages if p.page_type == "accessibility"]
    assert len(statement) == 1
    html = statement[0].html
    headings = [(int(level), " ".join(re.sub(r"<[^>]+>", "", text).split()))
                for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)]
    for (level, start), found in zip(GOVUK_STATEMENT_HEADINGS, headings):
        assert found[0] == level and found[1].startswith(start), f"expected h{level} '{start}…', found {found}"
    assert len(headings) == len(GOVUK_STATEMENT_HEADINGS), headings
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    for sentence in GOVUK_REQUIRED_WORDING:
        assert " ".join(sentence.split()) in text, f"the statement lacks: {sentence}"


def test_every_footer_links_to_the_accessibility_statement(pages):
    statement = next(p for p in pages if p.page_type == "accessibility")
    for page in pages:
        footer = re.search(r"<footer\b.*?</footer>", page.html, re.S)
        assert footer, f"{page.path} has no footer"
        targets = {urllib.parse.urljoin(page.url, href) for href in re.findall(r'href="([^"]+)"', footer.group(0))}
        assert statement.url in targets, f"{page.path}: the footer does not link to the accessibility statement"
