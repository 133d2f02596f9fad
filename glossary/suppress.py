"""Inline suppressions: comments that silence named rules on one line.

Two forms, as HTML comments (so that Markdown renders neither), after
markdownlint's ``disable-line`` / ``disable-next-line`` and ruff's ``noqa``:

``<!-- glossary-ignore-next-line GL201 -->``
    silences the rules on the next line (the comment usually stands on a line
    of its own above the sentence);
``<!-- glossary-ignore-line GL201 -->``
    silences them on the line the comment is on (put it at the end of the line).

Rules are named by code (GL201), code prefix (GL2) or name (variant),
several separated by commas or spaces; with none, every rule is silenced.
A reason may follow the rules: after `` -- `` or a colon
(``GL202 -- a quotation``, ``GL202: a quotation``), or simply from the first
word that names no rule (``GL202 because it is quoted``). A word that looks
like a rule code but names none (``GL2O2``) is an unknown rule, reported, not
a reason; with no rules before it, a reason needs the `` -- ``.
A finding is silenced when it starts on the target line. A comment inside
Markdown code is an example, not a suppression; in plain text (``.txt``) the
same comments work.

A suppression that silences nothing is reported as ``unused-suppression``
(GL901, info), but only for rules that ran: with ``--select GL1`` a
suppression of GL201 is not called unused.

>>> from glossary import check_text
>>> text = "<!-- glossary-ignore-next-line forbidden -->\\nWang Yapin spoke. Tianwen 3 flew."
>>> [f.code for f in check_text(text)]
['GL201']
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .model import Finding
from .rules import RULES, get_rule
from .source import LineIndex, mask

__all__ = ["Suppression", "apply_suppressions", "find_suppressions"]

_COMMENT = re.compile(r"<!--[ \t]*glossary-ignore-(next-line|line)\b([^\n>]*?)[ \t]*-->", re.I)
_KEY = re.compile(r"[^\s,]+")
_REASON = re.compile(r"(?:^|\s)--(?:\s|$)|:")
_CODE_LIKE = re.compile(r"[A-Za-z]{1,4}[0-9][A-Za-z0-9]*")
_MARK = re.compile("glossary-ignore", re.I)


@dataclass(frozen=True, slots=True)
class Suppression:
    """One suppression comment: the rules it names (None: all), the line it
    silences, and where the comment is (1-based line and columns, end
    exclusive). ``unknown`` is a key that names no rule (the comment then
    silences nothing and is reported)."""

    rules: frozenset[str] | None
    target_line: int
    line: int
    column: int
    end_column: int
    text: str
    unknown: str = ""
    #: A next-line comment with no text after it (the last line of the text): it has nothing to silence.
    at_end: bool = False


def _rule_names(keys: Sequence[str]) -> frozenset[str] | None:
    """Rule names for codes, prefixes or names; an unknown key raises ValueError."""
    if not keys:
        return None
    names: set[str] = set()
    for key in keys:
        try:
            names.add(get_rule(key).name)
            continue
        except KeyError:
            pass
        hits = {r.name for r in RULES if r.code.startswith(key.upper())} if len(key) >= 3 else set()
        if not hits:
            raise ValueError(key)
        names |= hits
    return frozenset(names)


def _parse(words: str) -> frozenset[str] | None:
    """The rules a comment's words name (None: all), its reason left out; ValueError(key) for an unknown rule.

    >>> sorted(_parse("GL202 -- quoted") or ()), sorted(_parse("GL202, variant because quoted") or ())
    (['forbidden'], ['forbidden', 'variant'])
    >>> _parse("-- a reason for silencing everything") is None
    True
    """
    cut = _REASON.search(words)
    keys = _KEY.findall(words[:cut.start()] if cut else words)
    for i, key in enumerate(keys):
        if i == 0 or _CODE_LIKE.fullmatch(key):
            continue  # the first word, and anything shaped like a code, must name a rule
        try:
            _rule_names([key])
        except ValueError:
            keys = keys[:i]  # the reason starts here
            break
    return _rule_names(keys)


def find_suppressions(text: str, *, markdown: bool = True, line_offset: int = 0) -> list[Suppression]:
    """The suppression comments of ``text``, lines shifted by ``line_offset``.

    Comments inside Markdown code (spans, fenced or indented blocks) and in
    ``<!-- glossary off -->`` regions do not count.

    >>> [(s.rules, s.target_line) for s in find_suppressions("a <!-- glossary-ignore-line GL202 -->")]
    [(frozenset({'forbidden'}), 1)]
    """
    if _MARK.search(text) is None:
        return []
    code_free = mask(text, markdown=markdown, comments=False)
    switched_on = mask(text, markdown=False)  # only <!-- glossary off --> regions blanked
    lines = LineIndex(text)
    out: list[Suppression] = []
    for m in _COMMENT.finditer(code_free):
        if switched_on[m.start()] != "<":
            continue
        line, column = lines.position(m.start())
        line += line_offset
        end_column = column + (m.end() - m.start())
        target = line + 1 if m.group(1).lower() == "next-line" else line
        try:
            rules = _parse(m.group(2))
        except ValueError as exc:
            out.append(Suppression(frozenset(), target, line, column, end_column, m.group(), unknown=str(exc)))
            continue
        at_end = target != line and not text[m.end():].strip()
        out.append(Suppression(rules, target, line, column, end_column, m.group(), at_end=at_end))
    return out


def _silences(s: Suppression, f: Finding) -> bool:
    return s.rules is None or f.rule in s.rules


def apply_suppressions(findings: Sequence[Finding], suppressions: Sequence[Suppression], ran: Collection[str]
                       ) -> list[Finding]:
    """``findings`` without the silenced ones, plus an ``unused-suppression``
    finding (when that rule is in ``ran``) for each suppression that silenced
    nothing although every rule it names ran, and for each that names an
    unknown rule."""
    if not suppressions:
        return list(findings)
    used: set[int] = set()
    by_line: dict[int, list[int]] = {}
    for i, s in enumerate(suppressions):
        by_line.setdefault(s.target_line, []).append(i)
    kept: list[Finding] = []
    for f in findings:
        hit = [i for i in by_line.get(f.line, ()) if _silences(suppressions[i], f)]
        if hit:
            used.update(hit)
        else:
            kept.append(f)
    if "unused-suppression" not in ran:
        return kept
    rule = get_rule("unused-suppression")
    for i, s in enumerate(suppressions):
        if s.unknown:
            message = f"suppression names unknown rule {s.unknown!r}; see 'glossary rule' for the list"
        elif i in used:
            continue
        elif s.rules is not None and not s.rules <= set(ran):
            continue  # a rule that did not run could not have fired
        else:
            what = ", ".join(sorted(s.rules)) if s.rules is not None else "any rule"
            if s.at_end:
                message = f"suppression of {what} on the next line silences nothing: no line follows it"
            else:
                message = f"suppression of {what} on line {s.target_line} silences nothing"
        kept.append(Finding(rule=rule.name, code=rule.code, severity=rule.severity,  # type: ignore[arg-type]
                            message=message, line=s.line, column=s.column, end_line=s.line,
                            end_column=s.end_column, found=s.text))
    return kept
