from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

import glossary

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

# The compiled cache of the tables tests load (and of every `glossary` they run) goes to a folder of its own,
# never the user's cache folder.
if "GLOSSARY_CACHE_DIR" not in os.environ:
    os.environ["GLOSSARY_CACHE_DIR"] = tempfile.mkdtemp(prefix="glossary-test-cache-")
    atexit.register(shutil.rmtree, os.environ["GLOSSARY_CACHE_DIR"], True)


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
