"""The print gate: a policy page printed to PDF by Chromium (DevTools Page.printToPDF) comes out on
A4 paper with no navigation in it: no skip link, site header, site menu, breadcrumbs or contents."""
import base64
import re
import subprocess

from .browser import load, set_media

A4_POINTS = (595.28, 841.89)

# Under print media: which navigation is still rendered, the navigation's labels, and the text of
# the main content outside any nav (a label may legitimately appear there, e.g. "Home" in a clause).
PRINT_DOM = """
const chrome = [...document.querySelectorAll('nav, [role="navigation"], .skip-link, body > header, [role="banner"]')];
const shown = chrome.filter(e => e.checkVisibility()).map(e =>
    e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''));
const labels = new Set();
for (const e of chrome) for (const a of e.querySelectorAll('a, span[aria-current]')) {
  const t = (a.textContent || '').trim().replace(/\\s+/g, ' ');
  if (t) labels.add(t);
}
for (const e of document.querySelectorAll('.skip-link')) labels.add(e.textContent.trim().replace(/\\s+/g, ' '));
const parts = [];
const main = document.querySelector('main');
if (main) {
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode())
    if (!n.parentElement.closest('nav') && n.parentElement.checkVisibility()) parts.push(n.textContent);
}
return {shown, labels: [...labels], allowed: parts.join(' ')};
"""


def normalise(text: str) -> str:
    return " ".join(text.split())


def pdf_page_size(pdf_path: str) -> tuple:
    """(width, height, pages) in points, from poppler's pdfinfo."""
    out = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True, check=True).stdout
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    pages = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return float(size.group(1)), float(size.group(2)), int(pages.group(1))


def pdf_text(pdf_path: str) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf_path, "-"], capture_output=True, text=True, check=True).stdout


def print_to_pdf(driver, url: str, pdf_path: str):
    """Prints `url` on A4 paper, as from a UK print dialog. The page's own @page size wins
    (preferCSSPageSize), so a stylesheet that forces another paper size is caught."""
    load(driver, url, 1280)
    result = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": False})
    with open(pdf_path, "wb") as f:
        f.write(base64.b64decode(result["data"]))


def check_print(driver, url: str, pdf_path: str) -> list:
    """Every print problem of one page: paper size, navigation rendered in print, nav labels in the PDF."""
    problems = []
    print_to_pdf(driver, url, pdf_path)
    width, height, pages = pdf_page_size(pdf_path)
    if abs(width - A4_POINTS[0]) > 1.5 or abs(height - A4_POINTS[1]) > 1.5:
        problems.append(f"prints on {width:.0f} x {height:.0f} pt paper, not A4 ({A4_POINTS[0]:.0f} x {A4_POINTS[1]:.0f} pt)")
    if pages < 1:
        problems.append("the PDF has no pages")
    set_media(driver, "print")
    dom = driver.execute_script(PRINT_DOM)
    set_media(driver, "")
    for element in dom["shown"]:
        problems.append(f"navigation is printed: {element} is visible in print")
    text = normalise(pdf_text(pdf_path))
    allowed = normalise(dom["allowed"])
    for label in dom["labels"]:
        label = normalise(label)
        if text.count(label) > allowed.count(label):
            problems.append(f"the PDF contains the navigation label '{label}' ({text.count(label)} times; the content has it {allowed.count(label)} times)")
    return [f"{url}: {p}" for p in problems]
