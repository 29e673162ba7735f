"""Command line: ``python -m build_scripts <command>``.

    check       validate content/ and seeds/, report coverage; exit 1 on problems
    generate    write the generated Markdown pages to a folder
    linkcheck   check that every internal link and anchor of a built site resolves
    new         start an actor, topic, claim or source from a commented skeleton
    fmt         rewrite content YAML in the one canonical style (--check: only list drift)
    schema      rewrite schema/*.schema.json from the content model (--check: only compare)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from build_scripts.tools import fmt
from build_scripts.tools import scaffold
from build_scripts.site_source.generate import PROJECT_ROOT, generate, write_pages
from build_scripts.content.problems import DossierError, format_warning
from build_scripts.content.schema import schema_files, write_schema_files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help="the project folder (default: this one)")
    parser.add_argument("--format", choices=["text", "github"], default="text",
                        help="how to print problems: plain text, or GitHub Actions annotations")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the content and report coverage")
    generate_parser = commands.add_parser("generate", help="write the generated Markdown pages")
    generate_parser.add_argument("--out", type=Path, default=None,
                                 help="folder for the pages (default: build/generated under the project)")
    linkcheck_parser = commands.add_parser("linkcheck", help="check every internal link and anchor of a built site")
    linkcheck_parser.add_argument("sites", nargs="+", type=Path, metavar="SITE_DIR", help="a built site, e.g. site")
    linkcheck_parser.add_argument("--file-urls", action="store_true",
                                  help="the site is read from disk (offline build): folder and /… links are broken")
    new_parser = commands.add_parser("new", help="start a record from a commented skeleton")
    scaffold.add_arguments(new_parser)
    fmt_parser = commands.add_parser("fmt", help="rewrite content YAML in the canonical style")
    fmt_parser.add_argument("paths", nargs="*", type=Path, help="files or folders under content/ (default: all)")
    fmt_parser.add_argument("--check", action="store_true", help="change nothing; list files that would change, exit 1 if any")
    schema_parser = commands.add_parser("schema", help="rewrite schema/*.schema.json from the model")
    schema_parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a file is out of date")
    args = parser.parse_args(argv)
    if args.command == "new":
        return scaffold.run(args.root, args)
    if args.command == "fmt":
        return fmt.run(args.root, args.paths, args.check, args.format)
    if args.command == "schema":
        return write_schemas(args.root, args.check)
    if args.command == "linkcheck":  # reads a built site, not the content
        from build_scripts.tools.linkcheck import main as linkcheck
        return linkcheck(args.sites, file_urls=args.file_urls)

    try:
        generated = generate(args.root)
    except DossierError as error:
        print(error.report(args.format), file=sys.stderr)
        return 1
    print_coverage(generated, args.format)
    if args.command == "generate":
        out = args.out or args.root / "build" / "generated"
        written = write_pages(generated.pages, out)
        print(f"{len(generated.pages)} pages generated in {out} ({len(written)} changed)")
    return 0


def print_coverage(generated, style: str = "text") -> None:
    checked = generated.checked
    for source_id, text in sorted(checked.texts.items()):
        total = len(text.sentences())
        missing = len(checked.uncovered.get(source_id, []))
        print(f"coverage: {source_id}: {total - missing} of {total} sentences quoted by at least one claim")
    for warning in checked.warnings + checked.header_warnings:
        print(format_warning(warning, style))


def write_schemas(root: Path, check_only: bool) -> int:
    """`schema`: rewrite schema/ from the model, or with ``check_only`` report files out of date."""
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
