"""Watching a browser context so that no request leaves the machine."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Route

# Pages read from disk are file://; what a page makes itself is data: or blob:.
_LOCAL_SCHEMES = {"file", "data", "blob", "about"}


class LocalOnly:
    """Every request of a context is recorded; one that would leave the
    machine is aborted (never sent) and remembered, and so is every
    uncaught script error."""

    def __init__(self, context: BrowserContext, local_server: str):
        """``local_server``: the one HTTP origin allowed, e.g. http://127.0.0.1:8123/"""
        self.context = context
        self.local_server = local_server
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
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
        page = self.context.new_page()
        page.on("websocket", lambda socket: self._record_socket(socket.url))
        return page

    def _record_socket(self, url: str) -> None:
        self.requests.append(url)
        self.foreign.append(url)   # the site opens no socket, not even a local one

    def assert_clean(self) -> None:
        assert not self.foreign, f"requests that would leave the machine: {sorted(set(self.foreign))}"
        assert not self.errors, f"script errors: {self.errors}"
