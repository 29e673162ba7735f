#!/usr/bin/env bash
# Lighthouse on the built site: for one page of each kind, the median of 3
# runs of the four category scores (0-100) and of the timings behind the
# performance score. A benchmark, not a test: it prints figures and fails only
# when Lighthouse cannot run.
#
#   benchmarks/lighthouse.sh [--runs N] [--uncompressed] [PAGE ...]
#
# Builds the site (make site) and runs benchmarks/lighthouse.py on it, which
# serves it on 127.0.0.1 gzip-compressed, as static hosts do (--uncompressed:
# as the files lie on disk), and runs Lighthouse 12 (pinned in
# benchmarks/package.json and its lock file, installed into
# benchmarks/node_modules on first use; 12 runs on Node 20, 13 would need
# Node 22) with Debian's Chromium, in its default mobile emulation.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

if [ ! -x "$here/node_modules/.bin/lighthouse" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
build_log="$(mktemp)"
if ! make -C "$root" --no-print-directory site >"$build_log" 2>&1; then
  cat "$build_log" >&2; rm -f "$build_log"; exit 1
fi
rm -f "$build_log"

cd "$root"
exec .venv/bin/python -m benchmarks.lighthouse site "$@"
