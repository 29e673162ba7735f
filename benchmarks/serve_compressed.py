"""Serve a built site on 127.0.0.1 as a static host would: text compressed with gzip.

Python's ``http.server`` sends every file as it is on disk, while the hosts a
dossier is published on (GitHub Pages, Netlify, any nginx) compress HTML,
CSS, JavaScript, JSON and SVG for browsers that accept it. Lighthouse counts
the bytes that cross the wire, so the benchmark serves them the way readers
get them. Level 6 is gzip's and nginx's default.

    python -m benchmarks.serve_compressed SITE PORT
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import sys

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        path = self.translate_path(self.path)
        content_type = self.guess_type(path)
        if not accepts_gzip or not content_type.startswith(COMPRESSED_TYPES):
            return super().send_head()
        try:
            with open(path, "rb") as source:
                body = gzip.compress(source.read(), compresslevel=6, mtime=0)
        except (IsADirectoryError, FileNotFoundError):
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def main() -> None:
    site, port = sys.argv[1], int(sys.argv[2])
    handler = functools.partial(CompressingHandler, directory=site)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
