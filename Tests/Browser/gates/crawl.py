"""The link gate: crawls a served site over HTTP from its home page, and reports every internal link
or #fragment that does not resolve. Links that leave the site (another host, mailto:, tel:) are
collected but not followed: the tests have no network beyond this machine."""
import html.parser
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from dataclasses import dataclass, field

# Attributes that make the browser request (or navigate to) another URL.
LINK_ATTRIBUTES = {
    "a": "href", "area": "href", "link": "href", "img": "src", "script": "src",
    "source": "src", "iframe": "src", "video": "src", "audio": "src", "track": "src", "form": "action",
}


@dataclass
class ParsedPage:
    """What the link gate needs from one HTML page: its ids, its links, its body class."""
    ids: list = field(default_factory=list)
    links: list = field(default_factory=list)  # (tag, raw URL)
    body_classes: list = field(default_factory=list)


class _Parser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.page.ids.append(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.page.ids.append(attrs["name"])
        if tag == "body":
            self.page.body_classes = (attrs.get("class") or "").split()
        name = LINK_ATTRIBUTES.get(tag)
        if name and attrs.get(name) is not None:
            self.page.links.append((tag, attrs[name]))

    handle_startendtag = handle_starttag


def parse_html(text: str) -> ParsedPage:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page


@dataclass
class Page:
    """One crawled HTML page."""
    url: str               # http://127.0.0.1:PORT/policies/roe-green/index.html
    path: str              # roe-green/index.html, relative to the site root
    html: str
    parsed: ParsedPage

    @property
    def page_type(self) -> str:
        """The template that made the page (the generator marks <body class="page-policy">)."""
        for c in self.parsed.body_classes:
            if c.startswith("page-"):
                return c[len("page-"):]
        return "unknown"


@dataclass
class CrawlResult:
    pages: list            # [Page], in the order found (home page first)
    problems: list         # human-readable strings; empty when every link resolves
    external: set          # links that leave the site, not followed
    fetched: int = 0


def _canonical(url: str) -> str:
    """The URL without its fragment, with `folder/` and `folder/index.html` the same page."""
    url = urllib.parse.urldefrag(url).url
    return url + "index.html" if url.endswith("/") else url


def crawl(base_url: str, max_fetches: int = 5000) -> CrawlResult:
    """Crawls every page and file reachable from `base_url` (which ends with /) inside it."""
    base = urllib.parse.urlsplit(base_url)
    problems, external = [], set()
    pages, status, ids_by_url = [], {}, {}
    fragment_links = []  # (from page path, href, target canonical URL, fragment)
    queue = deque([(_canonical(base_url), "(start)", base_url)])
    queued = {_canonical(base_url)}
    fetched = 0

    def relative(url):
        return url[len(base_url):] if url.startswith(base_url) else url

    while queue and fetched < max_fetches:
        url, referrer, href = queue.popleft()
        fetched += 1
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type", "")
                status[url] = response.status
        except urllib.error.HTTPError as e:
            status[url] = e.code
            problems.append(f"{referrer}: link '{href}' is broken: {relative(url)} answers HTTP {e.code}")
            continue
        except OSError as e:
            status[url] = None
            problems.append(f"{referrer}: link '{href}' could not be fetched: {e}")
            continue
        if not content_type.startswith("text/html"):
            continue
        text = body.decode("utf-8", errors="replace")
        parsed = parse_html(text)
        page = Page(url=url, path=relative(url), html=text, parsed=parsed)
        pages.append(page)
        ids_by_url[url] = set(parsed.ids)
        duplicates = sorted({i for i in parsed.ids if parsed.ids.count(i) > 1})
        if duplicates:
            problems.append(f"{page.path}: duplicate ids {duplicates} make #fragments ambiguous")
        for tag, raw in parsed.links:
            target = urllib.parse.urljoin(url, raw.strip())
            parts = urllib.parse.urlsplit(target)
            if parts.scheme not in ("http", "https") or parts.netloc != base.netloc:
                if parts.scheme not in ("http", "https", "mailto", "tel"):
                    problems.append(f"{page.path}: <{tag}> '{raw}' uses a scheme the site does not publish")
                external.add(target)
                continue
            if not parts.path.startswith(base.path):
                problems.append(f"{page.path}: <{tag}> '{raw}' leaves the site's folder {base.path} (resolves to {parts.path})")
                continue
            canonical = _canonical(target)
            if parts.fragment:
                fragment_links.append((page.path, raw, canonical, urllib.parse.unquote(parts.fragment)))
            if canonical not in queued:
                queued.add(canonical)
                queue.append((canonical, page.path, raw))

    if queue:
        problems.append(f"stopped after {max_fetches} fetches; {len(queue)} links were not checked")
    for page_path, raw, target, fragment in fragment_links:
        if status.get(target) != 200:
            continue  # already reported as a broken link
        ids = ids_by_url.get(target)
        if ids is None:
            problems.append(f"{page_path}: link '{raw}' has a #fragment, but {relative(target)} is not an HTML page")
        elif fragment not in ids:
            problems.append(f"{page_path}: link '{raw}' points to #{fragment}, which {relative(target)} does not have")
    return CrawlResult(pages=pages, problems=sorted(set(problems), key=problems.index), external=external, fetched=fetched)
