"""Same input, same bytes out: two builds in different folders are identical."""

from __future__ import annotations

from .helpers import build_site, copy_project, tree_digest


def test_two_builds_in_different_folders_are_byte_identical(tmp_path):
    digests = []
    for name in ("first", "second"):
        root = copy_project(tmp_path / name)
        result = build_site(root, root / "site")
        assert result.returncode == 0, result.stderr
        digests.append(tree_digest(root / "site"))
    assert digests[0] == digests[1]
    assert len(digests[0]) > 10


def test_generated_markdown_is_identical_run_to_run(tmp_path):
    from build_scripts.generate import PROJECT_ROOT, generate

    first = [(p.path, p.text) for p in generate(PROJECT_ROOT).pages]
    second = [(p.path, p.text) for p in generate(PROJECT_ROOT).pages]
    assert first == second
