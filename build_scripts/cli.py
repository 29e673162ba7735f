"""Command line: ``python -m build_scripts <command>``.

    check       validate content/ and seeds/, report coverage; exit 1 on problems
    generate    write the generated Markdown pages to a folder
    linkcheck   check that every internal link and anchor of a built site resolves
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .generate import PROJECT_ROOT, generate, write_pages
from .problems import DossierError


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
    args = parser.parse_args(argv)
    if args.command == "linkcheck":  # reads a built site, not the content
        from .linkcheck import main as linkcheck
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
    for warning in checked.warnings:
        if style == "github":
            print(warning.as_github().replace("::error", "::warning", 1))
        else:
            print("warning: " + warning.as_text())
