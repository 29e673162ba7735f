"""The engine's layout, read from its imports with ``ast``: arrows run one way,
MkDocs and Markdown stay at the renderers' edge, each page kind has its
module and template, and the content check loads nothing it does not need."""

from __future__ import annotations

import ast
import inspect
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from build_scripts.pages.kinds import ListedPageKind, PageKindModule, SplitPageKind
from build_scripts.pages.registry import PAGE_KINDS, module_of
from build_scripts.tools.processes import environment

from .helpers import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "build_scripts"
# Only these folders may import MkDocs or Python-Markdown: the renderers' adapters.
ADAPTERS = ("build_scripts.renderers",)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _only_for_type_checkers(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
           (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports_of(path: Path) -> set[str]:
    """Every module ``path`` imports when it runs (at the top or inside a
    function), relative imports resolved; not those only type checkers read."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _only_for_type_checkers(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            found.add(module)
            # `from package import module` imports the module too.
            found.update(f"{module}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return found


def engine_graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
    return {name: {target for target in imports_of(path) if target in modules and target != name}
            for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_engine_has_no_import_cycle():
    graph = engine_graph()
    assert len(graph) > 40
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_only_the_renderers_import_mkdocs_or_markdown():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        if name.startswith(ADAPTERS):
            continue
        for target in imports_of(path):
            if target.split(".")[0] in {"mkdocs", "markdown", "material", "pymdownx"}:
                offenders.append(f"{name} imports {target}")
    assert offenders == []


def test_the_import_reader_sees_an_import_inside_a_function_and_skips_type_checking_ones(tmp_path):
    package = PROJECT_ROOT / "build_scripts"
    text = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import mkdocs\n"
            "def f():\n    from markdown import Markdown\n    from . import model\n")
    path = package / "content" / "_layout_probe.py"
    path.write_text(text, encoding="utf-8")
    try:
        found = imports_of(path)
    finally:
        path.unlink()
    assert "markdown" in found and "build_scripts.content.model" in found and "mkdocs" not in found


def test_tests_import_nothing_from_the_benchmarks():
    offenders = [f"{path.name} imports {target}"
                 for path in sorted((PROJECT_ROOT / "tests").rglob("*.py"))
                 for target in imports_of(path) if target.split(".")[0] == "benchmarks"]
    assert offenders == []


def test_every_page_kind_has_its_module_and_template_and_nothing_else_is_there():
    kinds = PROJECT_ROOT / "build_scripts" / "pages" / "kinds"
    for kind in PAGE_KINDS.values():
        module = module_of(kind)
        assert callable(module.render), kind.name
        assert (kinds / f"{kind.name}.md.j2").is_file(), kind.name
        if kind.per_page is not None or kind.part_bytes is not None:
            assert callable(module.parts), kind.name  # how its list is cut into parts
    modules = {path.stem for path in kinds.glob("*.py")} - {"__init__"}
    assert modules == set(PAGE_KINDS)
    # Templates beside a kind's module: its own, and the parts of a source's, a topic's or an actor's claims.
    templates = {path.name.removesuffix(".md.j2") for path in kinds.glob("*.md.j2")}
    assert templates == set(PAGE_KINDS) | {"source_claims", "record_claims"}


@pytest.mark.slow  # a fresh interpreter, as a process
def test_the_content_check_loads_neither_mkdocs_nor_jinja_nor_the_formatter():
    code = ("import sys, runpy; sys.argv = ['build_scripts', 'check'];\n"
            "try:\n    runpy.run_module('build_scripts', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'mkdocs', 'jinja2', 'ruamel', 'markdown'}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=environment(),
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert "coverage:" in result.stdout


# An anchor spelled by hand: the start of one of the site's anchors, as a string or a link.
HAND_SPELLED_ANCHOR = re.compile(r"""["'#](?:q|claim|passage|context|event)-(?:\{|["'])""")


def test_anchors_are_spelled_only_in_the_addresses_module():
    """Every page path and anchor comes from pages/addresses.py (as Hugo's
    .RelPermalink does): no module or template spells ``claim-<id>`` or
    ``q-<id>`` again."""
    spelled = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in (".py", ".j2") or path.name == "addresses.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if HAND_SPELLED_ANCHOR.search(line):
                spelled.append(f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}")
    assert spelled == []
    # The pattern does find what it is for.
    assert HAND_SPELLED_ANCHOR.search('Markup(f"q-{claim_id}")')
    assert HAND_SPELLED_ANCHOR.search('(#q-{{ c.id }})')
    assert HAND_SPELLED_ANCHOR.search('f"{page}.html#claim-{claim_id}"')


def _positional(function) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(function).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]


def test_every_page_kind_module_keeps_the_page_kind_contract():
    """pages/kinds/__init__.py writes the contract as protocols: every kind's
    module renders; a kind whose list may be split has its parts; a kind
    with one page per record renders one record; ``jobs`` is optional."""
    for kind in PAGE_KINDS.values():
        module = module_of(kind)
        assert isinstance(module, PageKindModule), kind.name
        render = _positional(module.render)
        assert render[0].name == "site", kind.name
        # A record's page takes the record's id; a kind with jobs takes what its jobs give;
        # any other takes only what has a default.
        if kind.records:
            assert len(render) == 2 and render[1].default is inspect.Parameter.empty, kind.name
        elif not isinstance(module, SplitPageKind):
            assert all(p.default is not inspect.Parameter.empty for p in render[1:]), kind.name
        if kind.per_page is not None or kind.part_bytes is not None:
            assert isinstance(module, ListedPageKind), f"{kind.name} has per_page but no parts()"
            assert [p.name for p in _positional(module.parts)][:1] == ["indexes"], kind.name
        if isinstance(module, SplitPageKind):
            assert [p.name for p in _positional(module.jobs)] == ["indexes"], kind.name
    # The protocols do tell a module without render from one with it.
    assert not isinstance(types.SimpleNamespace(parts=lambda indexes: []), PageKindModule)
