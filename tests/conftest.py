from __future__ import annotations

from pathlib import Path

import pytest

import glossary

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def g() -> glossary.Glossary:
    return glossary.load()


def write_file(path: Path, content: str | bytes) -> Path:
    """Write text (UTF-8, line ends kept as given) or bytes to ``path``."""
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


@pytest.fixture
def write_table(tmp_path: Path):
    """Write CSV text (or bytes) to a file in tmp_path and return its path."""

    def write(content: str | bytes, name: str = "terms.csv") -> Path:
        return write_file(tmp_path / name, content)

    return write
