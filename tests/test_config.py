"""glossary.config: glob patterns of exclude and per-file-ignores (gitignore/ruff wildcards)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.config import glob_regex, is_excluded

# (pattern, path, matches)
GLOBS = [
    ("docs/**/*.txt", "docs/b.txt", True),  # ** is zero folders too
    ("docs/**/*.txt", "docs/a/b/c.txt", True),
    ("docs/**/*.txt", "docs/b.md", False),
    ("docs/*.txt", "docs/a/b.txt", False),  # * never crosses /
    ("docs/*.txt", "docs/b.txt", True),
    ("**/*.md", "a.md", True),
    ("**/*.md", "x/y/a.md", True),
    ("docs/**", "docs/a/b.md", True),
    ("a?c.md", "a/c.md", False),
    ("a?c.md", "abc.md", True),
    ("[ab].md", "a.md", True),
    ("[!ab].md", "a.md", False),
    ("[!ab].md", "c.md", True),
    ("a+b(1).md", "a+b(1).md", True),  # regex characters are literal
]


@pytest.mark.parametrize(("pattern", "path", "matches"), GLOBS)
def test_glob_regex(pattern: str, path: str, matches: bool) -> None:
    assert bool(glob_regex(pattern).fullmatch(path)) is matches


def test_is_excluded_with_double_star(tmp_path: Path) -> None:
    assert is_excluded(tmp_path / "docs" / "b.txt", ["docs/**/*.txt"], tmp_path)
    assert is_excluded(tmp_path / "docs" / "x" / "b.txt", ["docs/**/*.txt"], tmp_path)
    assert not is_excluded(tmp_path / "other" / "b.txt", ["docs/**/*.txt"], tmp_path)
    # A folder pattern still covers what is under it; a name pattern any file of that name.
    assert is_excluded(tmp_path / "docs" / "drafts" / "a.md", ["docs/drafts"], tmp_path)
    assert is_excluded(tmp_path / "a" / "b.md", ["*.md"], tmp_path)
