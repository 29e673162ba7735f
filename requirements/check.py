"""Check that the lock files hold the pins pyproject.toml asks for.

`make` runs this before installing from requirements/*.txt, so that a pin
changed in pyproject.toml without `make lock` stops the set-up instead of
installing the old version. It reads files only (no network); the standard
library only, since it runs before any package is installed.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lines: list[str]) -> dict[str, str]:
    return {normal(m[1]): m[2] for m in PIN.finditer("\n".join(lines))}


def main() -> int:
    project = tomllib.loads((HERE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = project["dependencies"]
    extras = project.get("optional-dependencies", {})
    wanted = {"base.txt": base, "test.txt": base + extras.get("test", []),
              "zensical.txt": base + extras.get("zensical", []),
              "properdocs.txt": base + extras.get("properdocs", []),
              "uv.txt": (HERE / "uv.in").read_text(encoding="utf-8").splitlines()}
    stale = []
    for lock, requirements in wanted.items():
        locked = pins((HERE / lock).read_text(encoding="utf-8").splitlines())
        for name, version in pins(requirements).items():
            if locked.get(name) != version:
                stale.append(f"requirements/{lock}: {name}=={version} asked, "
                             f"{'==' + locked[name] if name in locked else 'nothing'} locked")
    for line in stale:
        print(line, file=sys.stderr)
    if stale:
        print("The lock files are older than pyproject.toml: run `make lock`.", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
