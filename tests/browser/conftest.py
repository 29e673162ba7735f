"""Fixtures for the browser tests: one Chromium per session, the built site
served over HTTP on 127.0.0.1, the offline copy unzipped for file://, and
pages whose every request is watched so that none leaves the machine."""

from __future__ import annotations

import functools
import threading
import zipfile
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from build_scripts.renderers.offline_zip import ZIP_SITE_PATH, ZIP_TOP_FOLDER

from .local_only import CUSTOMISED, CUSTOMISING, LocalOnly

# Debian's Chromium: Playwright's own browser download cannot be used here.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1280, "height": 900}


# A page's scripts start after its first paint (docs/assets/after-paint.js),
# often after the load event that Playwright's navigations wait for: a test
# that opens a page goes on once they have run, as a reader meets the page a
# moment later. window.dossierScriptsRan is false until then; a page without
# the loader, or with JavaScript off, has none.
SCRIPTS_RAN = "() => window.dossierScriptsRan !== false"


def _then_wait_for_scripts(navigate):
    @functools.wraps(navigate)
    def navigate_and_wait(page, *args, **kwargs):
        response = navigate(page, *args, **kwargs)
        if kwargs.get("wait_until", "load") in ("load", "networkidle"):
            page.wait_for_function(SCRIPTS_RAN)
        return response
    return navigate_and_wait


for _name in ("goto", "reload", "go_back", "go_forward"):
    setattr(Page, _name, _then_wait_for_scripts(getattr(Page, _name)))


def _then_never_lent_again(method):
    @functools.wraps(method)
    def customise(page, *args, **kwargs):
        setattr(page, CUSTOMISED, True)
        return method(page, *args, **kwargs)
    return customise


for _name in CUSTOMISING:
    setattr(Page, _name, _then_never_lent_again(getattr(Page, _name)))


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _served(folder: Path):
    """``folder`` served by a threaded http.server on 127.0.0.1: yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _unzipped_offline_copy(site: Path, target: Path) -> Path:
    """The offline copy that ``site`` offers for download, unzipped: what a reader gets."""
    archive = site / ZIP_SITE_PATH
    assert archive.is_file(), f"the built site offers no offline zip at {ZIP_SITE_PATH}"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(target)
    return target / ZIP_TOP_FOLDER


@pytest.fixture(scope="session")
def site_url(built_site):
    """The built site, served over HTTP; its base URL."""
    yield from _served(built_site)


@pytest.fixture(scope="session")
def fictional_url(fictional_built_site):
    """The fictional dossier's site (two sources, disagreements, corrections), served over HTTP."""
    yield from _served(fictional_built_site)


@pytest.fixture(scope="session")
def long_pages_url(long_pages_site):
    """The site of every long list at once (tests/long_pages_site.py, FICTIONAL), served over HTTP."""
    yield from _served(long_pages_site[1])


@pytest.fixture(scope="session")
def x10_url(site_x10):
    """The x10 dossier's site (tests/conftest.py, site_x10), served over HTTP."""
    yield from _served(site_x10)


@pytest.fixture(scope="session")
def offline_site(built_site, tmp_path_factory) -> Path:
    return _unzipped_offline_copy(built_site, tmp_path_factory.mktemp("offline"))


@pytest.fixture(scope="session")
def offline_served_url(offline_site):
    """The offline copy, unzipped and served over HTTP (as a reader may serve it); its base URL."""
    yield from _served(offline_site)


@pytest.fixture(scope="session")
def zensical_url(zensical_site):
    """The site built by Zensical, served over HTTP; its base URL."""
    yield from _served(zensical_site)


@pytest.fixture(scope="session")
def zensical_offline_url(zensical_site, tmp_path_factory) -> str:
    """The Zensical site's offline copy, unzipped, as a file:// URL."""
    return _unzipped_offline_copy(zensical_site, tmp_path_factory.mktemp("zensical-offline")).as_uri() + "/"


@pytest.fixture
def offline_url(offline_site) -> str:
    return offline_site.as_uri() + "/"


class WatchedContexts:
    """One watched context per site (by its base URL), for the whole session:
    lent to one test after another, its records emptied for each (LocalOnly)."""

    def __init__(self, browser):
        self.browser = browser
        self.contexts: dict[str, LocalOnly] = {}

    def lend(self, local_server: str) -> LocalOnly:
        if local_server not in self.contexts:
            context = self.browser.new_context(viewport=VIEWPORT, service_workers="block")
            self.contexts[local_server] = LocalOnly(context, local_server=local_server)
        self.contexts[local_server].begin()
        return self.contexts[local_server]

    def close(self) -> None:
        for guard in self.contexts.values():
            guard.context.close()


@pytest.fixture(scope="session")
def watched_contexts(browser):
    contexts = WatchedContexts(browser)
    yield contexts
    contexts.close()


@pytest.fixture
def watched(watched_contexts, site_url):
    """A browser context whose requests are all watched (see LocalOnly), from
    the test's start: the site's context, its records emptied.

    Tests assert on it themselves; the teardown checks once more, so that no
    browser test lets a request leave the machine unnoticed.
    """
    yield from _watched_for_one_test(watched_contexts, site_url)


@pytest.fixture
def zensical_watched(watched_contexts, zensical_url):
    """``watched``, for the site Zensical built."""
    yield from _watched_for_one_test(watched_contexts, zensical_url)


@pytest.fixture
def watch(watched_contexts):
    """``watched`` for any other site: ``watch(base_url)`` gives the watched
    context whose requests may reach that site alone (the fictional
    dossier's, the long lists', the x10 dossier's, the offline copy served:
    their ``*_url`` fixtures); each is checked after the test."""
    lent: dict[str, LocalOnly] = {}

    def watching(local_server: str) -> LocalOnly:
        if local_server not in lent:
            lent[local_server] = watched_contexts.lend(local_server)
        return lent[local_server]

    yield watching
    for guard in lent.values():
        _end_and_check(guard)


def _watched_for_one_test(contexts: WatchedContexts, local_server: str):
    guard = contexts.lend(local_server)
    yield guard
    _end_and_check(guard)


def _end_and_check(guard: LocalOnly) -> None:
    guard.end()
    guard.assert_clean()
