"""Findings → edits → new text: what ``glossary check --fix`` and the language server apply.

:func:`apply_fixes` is pure: a text and its findings in, the fixed text out.
An edit is a finding's span (its 1-based ``line``/``column`` to
``end_line``/``end_column``, counted in characters) and its
:class:`~glossary.model.Fix` replacement. Edits are applied only where they
are sound:

* the span must still read the finding's ``found`` (a stale finding is skipped);
* it must lie wholly outside the regions the checks skip (Markdown code,
  link targets, HTML comments, ``<!-- glossary off -->`` regions; see
  :func:`glossary.source.mask`);
* it must not touch a line that a suppression comment names
  (``glossary-ignore-line`` / ``-next-line``, see :mod:`glossary.suppress`),
  whatever rules the comment lists: fixing other lines can make a new
  finding there (an ``inconsistent`` spelling), and a suppressed line is the
  author's to keep;
* edits never overlap: of two that do, the one of the more specific rule
  (forbidden, variant, case, then inconsistent, then the unsafe kinds) wins,
  and the other waits for the next pass;
* unsafe fixes only with ``unsafe=True``.

Applying the fixes of a fixed text's findings changes nothing more (the
house form is accepted), so fixing is idempotent; :func:`fix_text` checks
and fixes until a pass changes nothing.

>>> fix_text("The Beidou system and Wang Yapin's walk.")
"The BeiDou system and Wang Yaping's walk."
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Finding
from .source import LineIndex, mask
from .suppress import find_suppressions

if TYPE_CHECKING:  # pragma: no cover
    from .index import Glossary

__all__ = ["Edit", "apply_edits", "apply_fixes", "fix_text", "fixable", "plan_edits"]

#: Which of two overlapping fixes goes first: the rule that names the exact
#: spelling wrong before the document-wide one, the safe before the guesses.
_PRECEDENCE = {"forbidden": 0, "variant": 1, "case": 2, "inconsistent": 3, "gloss-mismatch": 4, "untranslated": 5}

#: How many check-and-fix passes :func:`fix_text` makes at most.
MAX_PASSES = 5


@dataclass(frozen=True, slots=True)
class Edit:
    """``text[start:end]`` (0-based character offsets) becomes ``replacement``; ``finding`` is its source."""

    start: int
    end: int
    replacement: str
    finding: Finding


def fixable(finding: Finding, *, unsafe: bool = False) -> bool:
    """Whether ``finding`` has a fix that a run with (or without) ``unsafe`` applies."""
    return finding.fix is not None and (finding.fix.safe or unsafe)


def _offset(lines: LineIndex, line: int, column: int) -> int | None:
    if not 1 <= line <= len(lines.starts):
        return None
    return lines.starts[line - 1] + column - 1


def plan_edits(text: str, findings: Iterable[Finding], *, unsafe: bool = False, markdown: bool = True) -> list[Edit]:
    """The edits :func:`apply_fixes` would make, in text order, none overlapping.

    Findings of other texts (a ``side`` of ``"source"``) and findings whose
    span no longer reads ``found`` or touches a skipped region are left out.
    """
    lines = LineIndex(text)
    masked = mask(text, markdown=markdown)
    kept_lines = {s.target_line for s in find_suppressions(text, markdown=markdown)}
    candidates: list[Edit] = []
    for f in findings:
        if not fixable(f, unsafe=unsafe) or f.side == "source":
            continue
        if kept_lines and any(n in kept_lines for n in range(f.line, f.end_line + 1)):
            continue  # a suppressed line is never edited
        assert f.fix is not None
        start = _offset(lines, f.line, f.column)
        end = _offset(lines, f.end_line, f.end_column)
        if start is None or end is None or not 0 <= start < end <= len(text):
            continue
        if text[start:end] != f.found or masked[start:end] != f.found:
            continue  # stale, or (part of) it is code, a link target or switched off
        candidates.append(Edit(start, end, f.fix.replacement, f))
    candidates.sort(key=lambda e: (_PRECEDENCE.get(e.finding.rule, 9), e.start, e.end))
    # The chosen edits never overlap, so sorted by start they are sorted by end too, and a new
    # edit can only overlap its neighbours in that order.
    starts: list[int] = []
    chosen: list[Edit] = []
    for edit in candidates:
        i = bisect_left(starts, edit.start)
        if i < len(chosen) and chosen[i].start < edit.end:
            continue
        if i > 0 and edit.start < chosen[i - 1].end:
            continue
        starts.insert(i, edit.start)
        chosen.insert(i, edit)
    return chosen


def apply_fixes(text: str, findings: Iterable[Finding], *, unsafe: bool = False, markdown: bool = True) -> str:
    """``text`` with the fixes of ``findings`` applied (see the module docstring).

    ``findings`` are those of ``text`` itself (positions into it, as
    :func:`glossary.check_text` gives them). ``markdown`` must be what the
    check used, so that the same regions are skipped.

    >>> from glossary import check_text
    >>> text = "Use `Tianwen 3` in code; the Tianwen 3 orbiter and Tianwen-3."
    >>> apply_fixes(text, check_text(text))
    'Use `Tianwen 3` in code; the Tianwen-3 orbiter and Tianwen-3.'
    """
    return apply_edits(text, plan_edits(text, findings, unsafe=unsafe, markdown=markdown))


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with ``edits`` (sorted, non-overlapping, as :func:`plan_edits` gives them) applied."""
    if not edits:
        return text
    parts: list[str] = []
    pos = 0
    for e in edits:
        parts += [text[pos:e.start], e.replacement]
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(
    text: str,
    glossary: Glossary | None = None,
    *,
    markdown: bool = True,
    unsafe: bool = False,
    rules: Collection[str] | None = None,
) -> str:
    """Check ``text`` and apply its fixes until a pass changes nothing (at most :data:`MAX_PASSES`)."""
    from .check import check_text
    from .rules import DEFAULT_RULES

    chosen = DEFAULT_RULES if rules is None else rules
    for _ in range(MAX_PASSES):
        fixed = apply_fixes(text, check_text(text, glossary, markdown=markdown, rules=chosen),
                            unsafe=unsafe, markdown=markdown)
        if fixed == text:
            break
        text = fixed
    return text
