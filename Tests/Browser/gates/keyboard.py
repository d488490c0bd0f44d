"""The keyboard and structure gate, with real key presses: a skip link that moves focus to the main
content, a visible focus indicator on everything focusable, the page landmarks, exactly one h1,
no skipped heading levels, and no sideways scrolling at 320 px (WCAG 2.2: 2.4.1, 2.4.7, 1.3.1,
2.4.6, 1.4.10)."""
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from .browser import load

DESCRIBE_ACTIVE = """
const el = document.activeElement;
if (!el || el === document.body) return null;
const r = el.getBoundingClientRect();
const main = document.querySelector('main');
return {tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: (el.textContent || '').trim(),
        isMain: el === main, inMain: !!(main && main.contains(el) && el !== main),
        afterMain: !!(main && (main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)),
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                 && r.top < window.innerHeight && r.left < window.innerWidth};
"""

# For every element in the tab order: does focusing it change how it looks (outline, shadow,
# background, border or underline), and is it visible while focused? Runs after a real Tab key
# press, so Chromium treats programmatic focus as keyboard focus (:focus-visible).
FOCUS_INDICATORS = """
const selector = 'a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
const props = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow', 'backgroundColor',
               'borderTopColor', 'borderBottomColor', 'borderBottomWidth', 'textDecorationLine', 'textDecorationThickness', 'color'];
const style = el => { const s = getComputedStyle(el); const o = {}; for (const p of props) o[p] = s[p]; o.opacity = s.opacity; return o; };
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.getAttribute('href') ? '[href="' + el.getAttribute('href') + '"]' : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
const problems = [];
let checked = 0;
for (const el of document.querySelectorAll(selector)) {
  if (el.tabIndex < 0 || el.disabled || !el.checkVisibility({visibilityProperty: true})) continue;
  checked++;
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  const before = style(el);
  el.focus({preventScroll: false});
  if (document.activeElement !== el) { problems.push(describe(el) + ': cannot take focus'); continue; }
  const after = style(el);
  const r = el.getBoundingClientRect();
  const outline = after.outlineStyle !== 'none' && parseFloat(after.outlineWidth) >= 1 && !/rgba\\(.*, 0\\)$/.test(after.outlineColor);
  const changed = ['boxShadow', 'backgroundColor', 'borderTopColor', 'borderBottomColor', 'borderBottomWidth',
                   'textDecorationLine', 'textDecorationThickness'].some(p => before[p] !== after[p]);
  if (!outline && !changed) problems.push(describe(el) + ': no visible focus indicator (outline, shadow, background, border or underline)');
  let hidden = false;
  for (let a = el; a; a = a.parentElement) if (parseFloat(getComputedStyle(a).opacity) === 0) hidden = true;
  if (hidden) problems.push(describe(el) + ': invisible (opacity 0) while focused');
  if (r.width < 1 || r.height < 1 || r.bottom + window.scrollY < 0 || r.right + window.scrollX < 0)
    problems.push(describe(el) + ': off screen or zero-sized while focused');
  el.blur();
}
return {checked, problems};
"""

STRUCTURE = """
const sectioning = 'article, aside, main, nav, section';
const top = sel => [...document.querySelectorAll(sel)].filter(e => !e.parentElement.closest(sectioning) && e.checkVisibility());
const problems = [];
const banners = top('header, [role="banner"]'), footers = top('footer, [role="contentinfo"]');
const mains = [...document.querySelectorAll('main, [role="main"]')].filter(e => e.checkVisibility());
const navs = [...document.querySelectorAll('nav, [role="navigation"]')].filter(e => e.checkVisibility());
if (banners.length !== 1) problems.push('expected one header (banner) landmark, found ' + banners.length);
if (navs.length < 1) problems.push('no nav (navigation) landmark');
if (mains.length !== 1) problems.push('expected one main landmark, found ' + mains.length);
if (footers.length !== 1) problems.push('expected one footer (contentinfo) landmark, found ' + footers.length);
const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
  .filter(h => h.checkVisibility())
  .map(h => ({level: h.getAttribute('aria-level') ? +h.getAttribute('aria-level') : +h.tagName[1],
              text: (h.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60)}));
const h1s = headings.filter(h => h.level === 1);
if (h1s.length !== 1) problems.push('expected exactly one h1, found ' + h1s.length + (h1s.length ? ': ' + h1s.map(h => '"' + h.text + '"').join(', ') : ''));
if (headings.length && headings[0].level !== 1) problems.push('the first heading is h' + headings[0].level + ' "' + headings[0].text + '", not the h1');
for (let i = 1; i < headings.length; i++) {
  if (headings[i].level > headings[i - 1].level + 1)
    problems.push('heading level skipped: h' + headings[i - 1].level + ' "' + headings[i - 1].text + '" is followed by h' + headings[i].level + ' "' + headings[i].text + '"');
}
// Everything a reader sees sits in a landmark (the skip link, which leads into one, aside).
const landmarks = 'header, nav, main, footer, aside, [role="banner"], [role="navigation"], [role="main"], [role="contentinfo"], [role="complementary"], [role="region"][aria-label]';
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const outside = new Set();
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!n.textContent.trim() || !el.checkVisibility() || el.closest(landmarks) || el.closest('.skip-link')) continue;
  outside.add(el.tagName.toLowerCase() + ' "' + n.textContent.trim().slice(0, 40) + '"');
}
for (const o of outside) problems.push('text outside every landmark: ' + o);
return problems;
"""


def _active(driver):
    return driver.execute_script(DESCRIBE_ACTIVE)


def check_skip_link(driver) -> list:
    """The first Tab stop is a visible link to the main content; Enter moves focus there, and the
    next Tab continues inside (or after) the main content, not back in the header."""
    problems = []
    driver.execute_script("window.scrollTo(0, 0); if (document.activeElement) document.activeElement.blur();")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    first = _active(driver)
    if not first or first["tag"] != "a" or not (first["href"] or "").startswith("#"):
        return [f"the first Tab stop is not a skip link (it is {first})"]
    if not first["visible"]:
        problems.append(f"the skip link '{first['text']}' is not visible when focused")
    target = driver.execute_script(
        "const t = document.getElementById(decodeURIComponent(arguments[0].slice(1)));"
        "return t ? {isMain: t.matches('main'), inMain: !!t.closest('main')} : null;", first["href"])
    if not target or not target["inMain"]:
        problems.append(f"the skip link '{first['text']}' points to {first['href']}, which is not the main content")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    focused = _active(driver)
    if not focused or not (focused["isMain"] or focused["inMain"]):
        problems.append(f"Enter on the skip link does not move focus to the main content (focus is on {focused})")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    following = _active(driver)
    if following and not (following["inMain"] or following["afterMain"]):
        problems.append(f"after the skip link, Tab goes back before the main content (to {following})")
    return problems


def check_page(driver, url: str, width: int = 1280) -> list:
    """Every keyboard and structure problem on one page, as readable strings."""
    load(driver, url, width)
    problems = check_skip_link(driver)
    load(driver, url, width)
    ActionChains(driver).send_keys(Keys.TAB).perform()  # keyboard modality for :focus-visible
    focus = driver.execute_script(FOCUS_INDICATORS)
    if focus["checked"] == 0:
        problems.append("nothing on the page can take keyboard focus")
    problems += focus["problems"]
    problems += driver.execute_script(STRUCTURE)
    return [f"{url}: {p}" for p in problems]


def check_reflow(driver, url: str, width: int = 320) -> list:
    """At 320 CSS px the page does not scroll sideways (WCAG 1.4.10); wide tables scroll inside
    their own region instead."""
    load(driver, url, width)
    sizes = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")
    if sizes[0] > sizes[1] + 1:
        return [f"{url}: at {width}px the page is {sizes[0]}px wide and scrolls sideways"]
    return []
