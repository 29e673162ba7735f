"""`python -m build_scripts generate --out DIR`: the site's complete source,
for a renderer that runs no MkDocs hooks, written beside whatever DIR holds."""

from __future__ import annotations

from .helpers import cli_in_process


def test_generate_writes_the_complete_source_and_leaves_other_files_there(project_copy, tmp_path):
    # A hand-written page of docs/ (the project's own are all generated now).
    (project_copy / "docs" / "method.md").write_text("# Method\n\nHow the dossier is made, by hand.\n", encoding="utf-8")
    out = tmp_path / "source"
    out.mkdir()
    (out / "notes.md").write_text("# My notes\n")  # someone else's, there before
    (out / "assets").mkdir()
    (out / "assets" / "mine.css").write_text("p { color: black }\n")
    first = cli_in_process(project_copy, "generate", "--out", str(out))
    assert first.returncode == 0, first.stderr
    for path in ("index.md", "about.md", "contributing.md", "schema-reference.md", "actors/russia.md",
                 "downloads/dossier.json", "content/actors/russia.yaml", "assets/dossier.css"):
        assert (out / path).is_file(), path
    # Pages come complete, as MkDocs shows them: hover definitions of the terms they use.
    assert "*[CAATSA]: " in (out / "topics" / "caatsa-sanctions.md").read_text(encoding="utf-8")
    assert (out / "method.md").read_text(encoding="utf-8").startswith(
        (project_copy / "docs" / "method.md").read_text(encoding="utf-8"))
    # Again, with a page changed: written again; the files it did not write stay as they were.
    about = project_copy / "docs" / "method.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    again = cli_in_process(project_copy, "generate", "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert "(1 changed)" in again.stdout
    assert (out / "method.md").read_text(encoding="utf-8").endswith("One more line.\n")
    assert (out / "notes.md").read_text() == "# My notes\n"
    assert (out / "assets" / "mine.css").read_text() == "p { color: black }\n"


def test_generate_refuses_to_write_into_docs(project_copy):
    result = cli_in_process(project_copy, "generate", "--out", str(project_copy / "docs" / "generated"))
    assert result.returncode == 2
    assert "outside docs/" in result.stderr
    assert not (project_copy / "docs" / "generated").exists()
