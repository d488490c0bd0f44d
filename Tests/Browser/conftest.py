"""Shared fixtures: the site built with --base-url /policies/, served by nginx under /policies/,
crawled once; one headless Chromium for the whole run; the broken fixture site, served the same way.

Paths can be overridden from the environment (the Makefile sets them):
  POLICY_SITE_BIN   the generator binary (default: .build/debug/policy-site, else .build/release/)
  AXE_JS            axe-core's axe.min.js (default: .venv/axe/axe.min.js)
"""
import os
import shutil
import subprocess

import pytest

from gates.browser import chromium_driver
from gates.crawl import crawl
from gates.server import NginxServer

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.path.join(REPO, "build")
SUBPATH = "/policies/"


def generator_binary() -> str:
    explicit = os.environ.get("POLICY_SITE_BIN")
    if explicit:
        return explicit
    candidates = [os.path.join(REPO, ".build", c, "policy-site") for c in ("debug", "release")]
    existing = [c for c in candidates if os.path.exists(c)]
    if not existing:
        pytest.exit("no policy-site binary: run `swift build` first (make browser-test does)", returncode=2)
    return max(existing, key=os.path.getmtime)


@pytest.fixture(scope="session")
def axe_js() -> str:
    path = os.environ.get("AXE_JS", os.path.join(REPO, ".venv", "axe", "axe.min.js"))
    if not os.path.exists(path):
        pytest.exit(f"{path} is missing: make browser-test extracts it from the axe-playwright-python wheel", returncode=2)
    return path


@pytest.fixture(scope="session")
def built_site() -> str:
    """build/browser-site, built from content/ and templates/ for serving under /policies/."""
    output = os.path.join(BUILD, "browser-site")
    result = subprocess.run(
        [generator_binary(), "build", "--content", os.path.join(REPO, "content"),
         "--templates", os.path.join(REPO, "templates"), "--output", output, "--base-url", SUBPATH],
        capture_output=True, text=True)
    assert result.returncode == 0, f"the site did not build:\n{result.stderr}"
    return output


@pytest.fixture(scope="session")
def server(built_site):
    with NginxServer(built_site, SUBPATH) as s:
        yield s


@pytest.fixture(scope="session")
def site_crawl(server):
    return crawl(server.base_url)


@pytest.fixture(scope="session")
def pages(site_crawl):
    assert site_crawl.pages, "the crawl found no pages"
    return site_crawl.pages


@pytest.fixture(scope="session")
def broken_site() -> str:
    return os.path.join(REPO, "Tests", "Fixtures", "broken-a11y", "site")


@pytest.fixture(scope="session")
def broken_server(broken_site):
    with NginxServer(broken_site, SUBPATH) as s:
        yield s


@pytest.fixture(scope="session")
def driver():
    d = chromium_driver()
    yield d
    d.quit()


def output_folder(name: str) -> str:
    """A fresh folder under build/ for files a reviewer looks at (screenshots, PDFs)."""
    path = os.path.join(BUILD, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path
