#!/usr/bin/env bash
# Lighthouse on the served site: prints the four category scores (0-100) of
# a few pages. A benchmark, not a test: it prints figures and fails only when
# Lighthouse cannot run.
#
#   benchmarks/lighthouse.sh [PAGE ...]    pages as site paths (default: a few kinds)
#
# Builds the site (make site), serves it on 127.0.0.1 with Python's http.server,
# and runs Lighthouse 12 (pinned in benchmarks/package.json and its lock file,
# installed into benchmarks/node_modules on first use; 12 runs on Node 20, 13
# would need Node 22) with Debian's Chromium, in its default mobile emulation.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
chrome_flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"

if [ ! -x "$here/node_modules/.bin/lighthouse" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
build_log="$(mktemp)"
if ! make -C "$root" --no-print-directory site >"$build_log" 2>&1; then
  cat "$build_log" >&2; rm -f "$build_log"; exit 1
fi
rm -f "$build_log"

if [ "$#" -gt 0 ]; then
  pages=("$@")
else
  source_page="$(cd "$root/site" && ls sources/*.html | grep -v '/index.html$' | head -n 1)"
  topic_page="$(cd "$root/site" && ls topics/*.html | grep -v '/index.html$' | head -n 1)"
  pages=(index.html "$source_page" "$topic_page" actors/index.html)
fi

port="$("$root/.venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$root/.venv/bin/python" -m http.server "$port" --bind 127.0.0.1 --directory "$root/site" >/dev/null 2>&1 &
server=$!
reports="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null; rm -rf "$reports"' EXIT
for _ in $(seq 50); do
  if "$root/.venv/bin/python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html', timeout=1)" 2>/dev/null; then break; fi
  sleep 0.1
done

echo "Lighthouse $("$here/node_modules/.bin/lighthouse" --version), $("$CHROME_PATH" --version 2>/dev/null | head -n 1), Node $(node --version), mobile emulation"
printf '%-45s %12s %14s %15s %6s\n' page performance accessibility best-practices seo
for page in "${pages[@]}"; do
  report="$reports/$(echo "$page" | tr '/' '_').json"
  "$here/node_modules/.bin/lighthouse" "http://127.0.0.1:$port/$page" \
    --quiet --output=json --output-path="$report" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="$chrome_flags"
  "$root/.venv/bin/python" - "$page" "$report" <<'EOF'
import json, sys
page, report = sys.argv[1], json.load(open(sys.argv[2]))
scores = [report["categories"][c]["score"] for c in ("performance", "accessibility", "best-practices", "seo")]
print(f"{page:45} " + " ".join(f"{'-' if s is None else round(s * 100):>{w}}" for s, w in zip(scores, (12, 14, 15, 6))))
failed = [a["title"] for a in report["audits"].values()
          if a.get("scoreDisplayMode") == "binary" and a.get("score") == 0]
if failed:
    print("    failed audits: " + "; ".join(sorted(failed)))
EOF
done
