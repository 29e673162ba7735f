"""Watching a browser context so that no request leaves the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Route
from playwright.sync_api import Error as PlaywrightError

# Pages read from disk are file://; what a page makes itself is data: or blob:.
_LOCAL_SCHEMES = {"file", "data", "blob", "about"}


# Page methods after which a page is the test's own: it is closed after the
# test, never lent to the next one (conftest.py marks it as ``CUSTOMISED``).
CUSTOMISING = ("on", "once", "add_init_script", "expose_function", "expose_binding", "route", "route_from_har",
               "route_web_socket", "set_extra_http_headers", "emulate_media", "set_viewport_size")
CUSTOMISED = "_dossier_customised"
# Run on the page a test leaves, before it goes blank: what the site may have
# stored (Material keeps a few settings there) is not seen by the next test.
_FORGET_STORAGE = "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (error) {} }"


class LocalOnly:
    """Every request of a context is recorded; one that would leave the
    machine is aborted (never sent) and remembered, and so is every
    uncaught script error.

    One context serves one site's tests, one test after another (tests/browser/conftest.py):
    a new page costs Chromium about three times the CPU of a page loaded in a
    tab already open, so the tab a test leaves is lent to the next test, blank,
    its storage emptied, unless the test made it its own (``CUSTOMISING``). A
    test's records start empty (``begin``)."""

    def __init__(self, context: BrowserContext, local_server: str):
        """``local_server``: the one HTTP origin allowed, e.g. http://127.0.0.1:8123/"""
        self.context = context
        self.local_server = local_server
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self._lent: list[Page] = []
        self._idle: Page | None = None
        context.route("**/*", self._route)
        context.on("request", self._record)
        context.on("weberror", lambda error: self.errors.append(str(error.error)))

    def is_local(self, url: str) -> bool:
        return urlsplit(url).scheme in _LOCAL_SCHEMES or url.startswith(self.local_server)

    def _route(self, route: Route) -> None:
        if self.is_local(route.request.url):
            route.continue_()
        else:
            route.abort("blockedbyclient")

    def _record(self, request) -> None:
        self.requests.append(request.url)
        if not self.is_local(request.url):
            self.foreign.append(request.url)

    def new_page(self) -> Page:
        """A blank page: the tab the last test left, or a new one."""
        page, self._idle = self._idle, None
        if page is None:
            page = self.context.new_page()
            page.on("websocket", lambda socket: self._record_socket(socket.url))
            setattr(page, CUSTOMISED, False)   # after `on`, which marks it: this listener is the watch's own
        self._lent.append(page)
        return page

    def begin(self) -> None:
        """A test starts: nothing recorded yet."""
        self.requests.clear()
        self.foreign.clear()
        self.errors.clear()

    def end(self) -> None:
        """A test is over: keep one tab it only used, blank, for the next; close the others."""
        kept = None
        for page in self._lent:
            if page.is_closed():
                continue
            if kept is None and not getattr(page, CUSTOMISED, True):
                try:
                    page.evaluate(_FORGET_STORAGE)
                    page.goto("about:blank")   # stops its scripts, workers and requests
                    kept = page
                    continue
                except PlaywrightError:
                    pass
            page.close()
        self._lent = []
        self._idle = kept

    def _record_socket(self, url: str) -> None:
        self.requests.append(url)
        self.foreign.append(url)   # the site opens no socket, not even a local one

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests that would leave the machine: {sorted(set(self.foreign))}"
        assert not self.errors, f"script errors: {self.errors}"
