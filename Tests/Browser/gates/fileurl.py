"""The file:// gate: a page opened straight from the disk gets its stylesheet, and every link on it
leads to a file that exists (with the #fragment it names)."""
import os
import urllib.parse

from .browser import load
from .crawl import parse_html

# True when the page's stylesheets change how it looks: switching them off makes a difference. (A
# stylesheet that failed to load still appears in document.styleSheets, empty.)
STYLES_APPLIED = """
const props = ['fontFamily', 'color', 'backgroundColor', 'marginTop', 'paddingLeft', 'lineHeight', 'display', 'position'];
const probe = () => [...document.querySelectorAll('body, body *')].slice(0, 200)
    .map(e => { const s = getComputedStyle(e); return props.map(p => s[p]).join('|'); }).join('\\n');
const styled = probe();
for (const s of document.styleSheets) s.disabled = true;
const unstyled = probe();
for (const s of document.styleSheets) s.disabled = false;
return styled !== unstyled;
"""

LINKS = "return [...document.querySelectorAll('a[href], link[href], img[src]')].map(e => e.href || e.src);"


def file_url(path: str) -> str:
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def check_file_page(driver, file_path: str) -> list:
    """Problems with one page opened as file:///…/index.html."""
    url = file_url(file_path)
    load(driver, url, 1280)
    problems = []
    if not driver.execute_script(STYLES_APPLIED):
        sheets = driver.execute_script("return [...document.querySelectorAll('link[rel~=\"stylesheet\"]')].map(l => l.href);")
        problems.append(f"the stylesheet is not applied (stylesheets: {sheets})")
    ids_cache = {}
    for link in driver.execute_script(LINKS):
        parts = urllib.parse.urlsplit(link)
        if parts.scheme != "file":
            continue
        target = urllib.parse.unquote(parts.path)
        if not os.path.isfile(target):
            what = "a folder (a browser shows a file listing, not the page)" if os.path.isdir(target) else "missing"
            problems.append(f"link to {target} is {what}")
            continue
        if parts.fragment and target.endswith(".html"):
            if target not in ids_cache:
                with open(target, encoding="utf-8") as f:
                    ids_cache[target] = set(parse_html(f.read()).ids)
            if urllib.parse.unquote(parts.fragment) not in ids_cache[target]:
                problems.append(f"link to {target}#{parts.fragment}: no such id")
    return [f"{url}: {p}" for p in sorted(set(problems))]


def follow_first_link(driver, file_path: str) -> list:
    """Clicks the first link in the main content to another page and checks that page opens styled."""
    url = file_url(file_path)
    load(driver, url, 1280)
    href = driver.execute_script(
        "const a = [...document.querySelectorAll('main a[href]')].find(a => a.protocol === 'file:' && !a.hash && a.pathname.endsWith('.html'));"
        "if (!a) return null; a.click(); return a.href;")
    if href is None:
        return []
    state = driver.execute_script("return {url: location.href, h1: document.querySelectorAll('h1').length};")
    if state["url"] != href or state["h1"] != 1 or not driver.execute_script(STYLES_APPLIED):
        return [f"{url}: following the link to {href} did not open a styled page ({state})"]
    return []
