"""``check --fix`` and ``--diff``: a document's fixable findings applied, written atomically or shown as a diff.

* Markdown and text files: checked and fixed until a pass changes nothing
  (:func:`glossary.fix.fix_text`'s loop), suppressions and the baseline
  respected through ``keep``.
* TSV/CSV segment tables and ``--source``/``--target`` pairs: the target
  cells or lines are fixed where the file's text reads exactly what the check
  found (a cell whose quoting changes the text is left alone).
* XLIFF and PO: the targets are set through translate-toolkit and the store
  serialized by it. An XLIFF target with inline markup (``<g>``, ``<ph>``) and
  a PO plural entry are left alone: their text is not one string. TMX files
  are not fixed.

Files are written through :func:`glossary.atomic.atomic_writer`, UTF-8, a
byte-order mark kept when the file had one.
"""

from __future__ import annotations

import codecs
import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..baseline import line_contexts, pair_contexts
from ..errors import GlossaryError, Problem
from ..fix import MAX_PASSES, apply_edits, plan_edits
from ..model import Finding

__all__ = ["FixResult", "Keep", "fix_document", "unified_diff"]

#: Chooses the findings to fix (drops the baseline's): (findings with their path, the text of each one's line).
Keep = Callable[[list[Finding], list[str]], list[Finding]]


@dataclass(frozen=True)
class FixResult:
    """What fixing one document did: edits applied, the diff, and (for a text) the fixed text."""

    fixed: int
    diff: str
    text: str | None = None


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of two texts of ``path`` (``a/`` and ``b/`` prefixes, as git's)."""
    if before == after:
        return ""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 f"a/{path}", f"b/{path}")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _apply(text: str, findings: list[Finding], unsafe: bool, markdown: bool) -> tuple[str, int]:
    edits = plan_edits(text, findings, unsafe=unsafe, markdown=markdown)
    return apply_edits(text, edits), len(edits)


def _fix_text(text: str, path: str, g: Any, rules: frozenset[str], markdown: bool, unsafe: bool, keep: Keep,
              passes: int) -> tuple[str, int]:
    from ..check import check_text

    total = 0
    for _ in range(passes):
        found = [replace(f, path=path) for f in check_text(text, g, markdown=markdown, rules=rules)]
        text, n = _apply(text, keep(found, line_contexts(found, text)), unsafe, markdown)
        if not n:
            break
        total += n
    return text, total


def _read(path: str) -> tuple[str, bool]:
    from ..bilingual import decode

    data = Path(path).read_bytes()
    return decode(data, path), data.startswith(codecs.BOM_UTF8)


def _write(path: str, text: str, bom: bool) -> None:
    from ..atomic import atomic_writer, is_read_only

    if is_read_only(path):
        # Renaming over a read-only file in a writable folder would succeed: refuse, as an editor would.
        raise GlossaryError(Problem(path, 0, "read-only, not fixed"))

    with atomic_writer(path) as fh:
        fh.write(("\ufeff" if bom else "") + text)


def _fix_pairs_in_text(path: str, text: str, bi: Any, g: Any, rules: frozenset[str], unsafe: bool, keep: Keep
                       ) -> tuple[str, int]:
    """The target-side fixes of a table or an aligned pair of files, applied to the target file's text."""
    from ..bilingual import place
    from ..check import check_pairs

    found = check_pairs(bi.pairs, g, rules=rules)
    contexts = pair_contexts(found, bi.pairs)
    kept = keep([place(f, bi) for f in found], contexts)
    return _apply(text, [f for f in kept if f.side == "target" and f.path == path], unsafe, markdown=False)


def _fix_store(path: str, g: Any, rules: frozenset[str], unsafe: bool, keep: Keep) -> tuple[str, str, int]:
    """An XLIFF or PO file's text before and after fixing its targets through translate-toolkit."""
    from ..bilingual import _declare_utf8, _xliff_version
    from ..check import check_pairs

    data = Path(path).read_bytes()
    before, _ = _read(path)
    suffix = Path(path).suffix.lower()
    data = _declare_utf8(data)
    if suffix != ".po":  # the same guard as reading: entities refused, the toolkit's parser never sees a DOCTYPE
        from ..formats import _xml

        _xml.check(data, path)
        data = _xml.neutralized(data)
    store_class: Any
    try:
        if suffix == ".po":
            from translate.storage.pypo import pofile as store_class
        elif _xliff_version(data) == 2:
            from translate.storage.xliff2 import Xliff2File as store_class
        else:
            from translate.storage.xliff import xlifffile as store_class
        store = store_class.parsestring(data)
    except ImportError:
        raise GlossaryError(Problem(path, 0, f"fixing {suffix} files needs translate-toolkit",
                                    "install it: pip install 'zhen-glossary[formats]'")) from None
    except Exception as exc:  # translate-toolkit and lxml raise many kinds
        raise GlossaryError(Problem(path, 0, f"cannot read {suffix[1:].upper()} file: {exc}")) from None
    # The same units, in the same order, as glossary.bilingual reads for checking.
    units = [u for u in store.units if not (suffix == ".po" and u.isobsolete())]
    units = [u for u in units if not u.isheader() and str(u.target or "")]
    pairs = [(str(u.source), str(u.target)) for u in units]
    findings = check_pairs(pairs, g, rules=rules)
    # Kept or not as the whole file's findings, as the check that reports them sees them.
    kept = keep([replace(f, path=path) for f in findings], pair_contexts(findings, pairs))
    by_segment: dict[int, list[Finding]] = {}
    for f in kept:
        if f.segment is not None and f.side == "target":
            by_segment.setdefault(f.segment, []).append(f)
    fixed = 0
    for i, unit in enumerate(units):
        chosen = by_segment.get(i, [])
        if not chosen:
            continue
        new, n = _apply(pairs[i][1], chosen, unsafe, markdown=False)
        if not n:
            continue
        if suffix == ".po":
            if unit.hasplural():
                continue
            unit.target = new
        else:
            dom = unit.get_target_dom()
            if dom is None or len(dom) or dom.text != pairs[i][1]:
                continue  # inline markup: the target is not one string
            dom.text = new  # the element's text only: its state and attributes stay as they were
        fixed += n
    if not fixed:
        return before, before, 0
    after = bytes(store).decode("utf-8").removeprefix("\ufeff")
    return before, after, fixed


def fix_document(kind: str, path: str, target: str | None, g: Any, rules: frozenset[str], *, unsafe: bool,
                 write: bool, keep: Keep, text: str | None = None, markdown: bool = True,
                 passes: int = MAX_PASSES) -> FixResult:
    """Fix one document (``kind`` as in check_cmd: text, stdin, pairs, aligned); write it unless ``write`` is
    false. ``text`` is a text document's content when already read (stdin's must be). A text is checked and
    fixed ``passes`` times at most (bilingual files once): with a baseline, once, as a fix changes the lines
    the baseline's keys read."""
    from ..bilingual import read_aligned, read_table_pairs

    if kind == "stdin":
        assert text is not None
        after, n = _fix_text(text, path, g, rules, markdown, unsafe, keep, passes)
        return FixResult(n, unified_diff(text, after, path), after)
    if kind == "text":
        before, bom = _read(path)
        if text is not None and text != before:
            raise GlossaryError(Problem(path, 0, "the file changed while it was being fixed"))
        after, n = _fix_text(before, path, g, rules, markdown, unsafe, keep, passes)
        if n and write:
            _write(path, after, bom)
        return FixResult(n, unified_diff(before, after, os.path.normpath(path)), after)
    elif kind == "aligned":
        assert target is not None
        before, bom = _read(target)
        after, n = _fix_pairs_in_text(target, before, read_aligned(path, target), g, rules, unsafe, keep)
        out_path = target
    elif Path(path).suffix.lower() in (".tsv", ".csv"):
        before, bom = _read(path)
        after, n = _fix_pairs_in_text(path, before, read_table_pairs(path), g, rules, unsafe, keep)
        out_path = path
    elif Path(path).suffix.lower() in (".xlf", ".xliff", ".po"):
        before, after, n = _fix_store(path, g, rules, unsafe, keep)
        bom = False
        out_path = path
    else:
        return FixResult(0, "")  # TMX: reported, not fixed
    if n and write:
        _write(out_path, after, bom)
    return FixResult(n, unified_diff(before, after, os.path.normpath(out_path)))
