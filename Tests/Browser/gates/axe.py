"""The accessibility gate: axe-core 4.x in the real browser, WCAG 2.0, 2.1 and 2.2 A and AA rules."""
from .browser import load

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(r => done({version: axe.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def run_axe(driver, axe_js: str, url: str, width: int) -> dict:
    """Loads `url` at `width` px and returns {'version': '4.x.y', 'violations': [...]}.

    axe.min.js is injected through WebDriver, which the page's Content-Security-Policy does not
    govern, so the pages themselves still contain no script."""
    with open(axe_js, encoding="utf-8") as f:
        source = f.read()
    load(driver, url, width)
    driver.execute_script(source)
    result = driver.execute_async_script(RUN_AXE, WCAG_TAGS)
    if "error" in result:
        raise RuntimeError(f"axe failed on {url}: {result['error']}")
    return result


def describe(url: str, width: int, violations: list) -> list:
    """One readable line per failing node: page, width, rule, element and what to fix."""
    lines = []
    for v in violations:
        for n in v["nodes"]:
            summary = " ".join((n["summary"] or "").split())
            lines.append(f"{url} @{width}px: {v['id']} ({v['impact']}): {v['help']} — {n['target']}: {summary}")
    return lines
