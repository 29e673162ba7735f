"""Command line: ``python -m build_scripts <command>``.

    check       validate content/ and seeds/, report coverage; exit 1 on problems
    generate    write the site's complete source (docs/ completed, generated pages and files) to a folder
    offline     zip a built site into itself for reading from disk (downloads/dossier-offline.zip)
    search-index  index a built site for search in pieces (Pagefind, into pagefind/)
    linkcheck   check that every internal link and anchor of a built site resolves
    new         start an actor, topic, claim, source or story from a commented skeleton
    fmt         rewrite content YAML in the one canonical style (--check: only list drift)
    schema      rewrite schema/*.schema.json from the content model (--check: only compare)

``--root`` and ``--format`` may stand before or after the command
(``python -m build_scripts check --format github``). Each command imports only
what it needs: ``check`` runs on every commit (pre-commit), and loads
neither the templates nor MkDocs nor the YAML formatter.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _common_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    # Given on the main parser and on every command's: the command's value
    # wins when both are given (SUPPRESS keeps an option left out there from
    # overwriting the main parser's).
    default = (lambda value: value) if defaults else (lambda value: argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, default=default(PROJECT_ROOT),
                        help="the project folder (default: this one)")
    parser.add_argument("--format", choices=["text", "github"], default=default("text"),
                        help="how to print problems: plain text, or GitHub Actions annotations")


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__,
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    _common_options(main_parser, defaults=True)
    commands = main_parser.add_subparsers(dest="command", required=True)

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help)
        _common_options(sub, defaults=False)
        return sub

    check_parser = command("check", "validate the content and report coverage")
    check_parser.add_argument("--today", metavar="YYYY-MM-DD|clock", default=None,
                              help="refuse 'added' and correction dates after this day; 'clock': today's date where "
                                   "it is latest (UTC+14), as `make check` and the pull-request workflow give it "
                                   "(the build never reads the clock)")
    generate_parser = command("generate", "write the site's complete source, for any renderer")
    generate_parser.add_argument("--out", type=Path, default=None,
                                 help="the folder (default: build/site-source under the project); files in it "
                                      "that this command did not write are left as they are")
    generate_parser.add_argument("--strict", action="store_true",
                                 help="write nothing while text is still a placeholder (as `mkdocs build --strict`)")
    offline_parser = command("offline", "zip a built site into itself, for reading from disk")
    offline_parser.add_argument("site", type=Path, metavar="SITE_DIR", help="a built site, e.g. site")
    search_parser = command("search-index", "index a built site for search in pieces (Pagefind)")
    search_parser.add_argument("site", type=Path, metavar="SITE_DIR", help="a built site, e.g. site-zensical")
    linkcheck_parser = command("linkcheck", "check every internal link and anchor of a built site")
    linkcheck_parser.add_argument("sites", nargs="+", type=Path, metavar="SITE_DIR", help="a built site, e.g. site")
    linkcheck_parser.add_argument("--file-urls", action="store_true",
                                  help="the site is read from disk (offline build): folder and /… links are broken")
    new_parser = command("new", "start a record from a commented skeleton")
    from build_scripts.tools import (
        scaffold,  # its options; the YAML formatter only when it writes
    )
    scaffold.add_arguments(new_parser, lambda kind_parser: _common_options(kind_parser, defaults=False))
    fmt_parser = command("fmt", "rewrite content YAML in the canonical style")
    fmt_parser.add_argument("paths", nargs="*", type=Path, help="files or folders under content/ (default: all)")
    fmt_parser.add_argument("--check", action="store_true", help="change nothing; list files that would change, exit 1 if any")
    schema_parser = command("schema", "rewrite schema/*.schema.json from the model")
    schema_parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is out of date")
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "check":
        return check(args.root, args.format, args.today)
    if args.command == "generate":
        return generate(args.root, args.out, args.format, args.strict)
    if args.command == "offline":  # reads a built site, not the content
        return offline(args.site)
    if args.command == "search-index":  # reads a built site, not the content
        return search_index(args.site)
    if args.command == "linkcheck":  # reads a built site, not the content
        from build_scripts.tools.linkcheck import main as linkcheck
        return linkcheck(args.sites, file_urls=args.file_urls)
    if args.command == "new":
        from build_scripts.tools import scaffold
        return scaffold.run(args.root, args)
    if args.command == "fmt":
        from build_scripts.tools import fmt
        return fmt.run(args.root, args.paths, args.check, args.format)
    if args.command == "schema":
        return write_schemas(args.root, args.check)
    raise AssertionError(args.command)


def check(root: Path, style: str, today: str | None = None) -> int:
    """`check`: load and check the content only; no page is rendered. Dates after ``today``
    (``clock``: the clock's, ``today_anywhere``) are refused as mistyped."""
    import datetime

    from build_scripts.content.problems import DossierError
    from build_scripts.rules.check import load_and_check, today_anywhere

    if today == "clock":
        today = today_anywhere()
    elif today is not None:
        try:
            today = datetime.date.fromisoformat(today).isoformat()
        except ValueError:
            print(f"--today {today}: give a day written YYYY-MM-DD", file=sys.stderr)
            return 2
    try:
        checked = load_and_check(root, today)
    except DossierError as error:
        print(error.report(style), file=sys.stderr)
        return 1
    print_coverage(checked, style)
    return 0


def generate(root: Path, out: Path | None, style: str, strict: bool = False) -> int:
    """`generate`: the complete docs folder for a renderer that runs no MkDocs hooks."""
    from build_scripts.content.problems import DossierError
    from build_scripts.site_source.generate import generate as generate_site
    from build_scripts.site_source.generate import site_source, write_site_settings, write_site_source

    out = (out or root / "build" / "site-source").resolve()
    docs = (root / "docs").resolve()
    if out == docs or out.is_relative_to(docs) or docs.is_relative_to(out):
        print(f"--out {out}: the folder must be outside docs/ (its copy of docs/ is completed there)",
              file=sys.stderr)
        return 2
    try:
        generated = generate_site(root)
        files = site_source(generated, root)
    except DossierError as error:
        print(error.report(style), file=sys.stderr)
        return 1
    except ValueError as error:  # a hand-written page in the way of a generated one
        print(str(error), file=sys.stderr)
        return 1
    print_coverage(generated.checked, style)
    if strict and generated.checked.placeholders:
        print(f"{len(generated.checked.placeholders)} placeholder(s) still in the content (listed above); "
              "--strict publishes none: write the text first. Nothing was written.", file=sys.stderr)
        return 1
    written = write_site_source(files, out)
    settings = write_site_settings(root, out)
    print(f"{len(files)} files of the site's source in {out} ({len(written)} changed); "
          f"the site's name for Zensical in {settings}")
    return 0


def offline(site: Path) -> int:
    from build_scripts.renderers.offline_zip import (
        ZIP_SITE_PATH,
        OfflineCopyError,
        write_offline_zip,
    )

    try:
        size = write_offline_zip(site)
    except OfflineCopyError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"{site / ZIP_SITE_PATH}: {size} bytes")
    return 0


def search_index(site: Path) -> int:
    from build_scripts.renderers.search_pieces import PAGEFIND_FOLDER, SearchIndexError, index_built_site

    try:
        index_built_site(site)
    except SearchIndexError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"{site / PAGEFIND_FOLDER}: the search index in pieces")
    return 0


def print_coverage(checked, style: str = "text") -> None:
    from build_scripts.content.problems import listed_warnings

    for source_id, text in sorted(checked.texts.items()):
        total = len(text.sentences())
        missing = len(checked.uncovered.get(source_id, []))
        print(f"coverage: {source_id}: {total - missing} of {total} sentences quoted by at least one claim")
    for line in listed_warnings(checked.warnings + checked.header_warnings, style):
        print(line)


def write_schemas(root: Path, check_only: bool) -> int:
    """`schema`: rewrite schema/ from the model, or with ``check_only`` report files out of date."""
    from build_scripts.content.schema import schema_files, write_schema_files

    if check_only:
        stale = [path for path, text in schema_files().items()
                 if not (root / path).is_file() or (root / path).read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"out of date: {path}")
        if stale:
            print("run `python -m build_scripts schema` to rewrite them from build_scripts/content/model.py")
        return 1 if stale else 0
    changed = write_schema_files(root)
    print(f"{len(schema_files())} schema files in schema/ ({len(changed)} changed)")
    return 0
