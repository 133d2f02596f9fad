"""The checks: English text with glosses, sentence pairs, and documents of pairs.

Each function is pure: text in, a sorted list of :class:`Finding` out.
``rules`` limits the run to a set of rule names (see
:func:`glossary.rules.select_rules`); by default every rule runs.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from functools import wraps
from dataclasses import replace
from typing import Any, Protocol, TypeVar

from .automata import gc_paused
from .index import Glossary, or_default
from .match_zh import find_zh
from .model import Finding
from .rules import DEFAULT_RULES
from .rules._base import Doc
from .rules.consistency import Spelling, check_inconsistent, check_renderings, check_untranslated, is_accepted, spellings
from .rules.gloss import check_glosses
from .rules.parallel import check_parallel, check_unknown_names
from .suppress import Suppression, apply_suppressions, find_suppressions

__all__ = ["TextPiece", "check_pair", "check_pairs", "check_text", "check_text_pieces"]



F = TypeVar("F", bound=Callable[..., list[Finding]])


def _no_gc(func: F) -> F:
    """Run a check with the cyclic garbage collector paused: the findings and
    matches it makes are acyclic, and rescanning them made a large text's
    check grow faster than the text."""

    @wraps(func)
    def run(*args: Any, **kwargs: Any) -> list[Finding]:
        with gc_paused():
            return func(*args, **kwargs)

    return run  # type: ignore[return-value]


def _sorted(findings: Iterable[Finding], rules: Collection[str]) -> list[Finding]:
    chosen = [f for f in findings if f.rule in rules]
    return sorted(chosen, key=lambda f: (f.segment or 0, f.side != "source", f.line, f.column, f.code, f.end_line, f.end_column))


def _text_rules(doc: Doc, rules: Collection[str]) -> None:
    if rules & {"gloss-mismatch", "unknown-term", "pinyin-mismatch"}:  # type: ignore[operator]
        check_glosses(doc)
    if rules & {"variant", "forbidden", "case"}:  # type: ignore[operator]
        check_renderings(doc)
    if "untranslated" in rules:
        check_untranslated(doc)


@_no_gc
def check_text(
    text: str,
    glossary: Glossary | None = None,
    *,
    markdown: bool = True,
    rules: Collection[str] = DEFAULT_RULES,
) -> list[Finding]:
    """Check English text that glosses Chinese names inline.

    Runs gloss-mismatch, unknown-term, pinyin-mismatch, variant, forbidden,
    inconsistent and untranslated. With ``markdown=True`` (the default) code,
    link targets and ``<!-- glossary off -->`` regions are skipped.
    Suppression comments (``<!-- glossary-ignore-next-line GL201 -->``, see
    :mod:`glossary.suppress`) silence findings, and unused-suppression
    reports those that silence nothing.

    >>> [f.rule for f in check_text("Premier Li Qiang (李强) met Zhang Ji (张琦).")]
    ['gloss-mismatch']
    """
    g = or_default(glossary)
    rules = frozenset(rules)
    doc = Doc(text, g, markdown=markdown)
    _text_rules(doc, rules)
    if "inconsistent" in rules:
        doc.findings += check_inconsistent(spellings(doc))
    return _sorted(apply_suppressions(doc.findings, find_suppressions(text, markdown=markdown), rules), rules)


class TextPiece(Protocol):
    """A piece of a longer text: its text, how many lines come before it, and
    optionally its :func:`glossary.source.mask` when already computed."""

    @property
    def text(self) -> str: ...
    @property
    def line_offset(self) -> int: ...
    @property
    def masked(self) -> str | None: ...


def check_text_pieces(
    pieces: Iterable[TextPiece],
    glossary: Glossary | None = None,
    *,
    markdown: bool = True,
    rules: Collection[str] = DEFAULT_RULES,
) -> list[Finding]:
    """:func:`check_text` over a text that comes in pieces, in bounded memory.

    Each piece (best cut at blank lines) is checked alone, its lines shifted
    to their place in the whole; ``inconsistent`` then runs once over the
    spellings of every piece. Of the occurrences in an accepted form only the
    first per term is kept, as the others can never be flagged. The findings
    equal :func:`check_text`'s on the whole text unless a name or a code span
    runs across a cut.
    """
    g = or_default(glossary)
    rules = frozenset(rules)
    findings: list[Finding] = []
    kept: list[Spelling] = []
    accepted: set[str] = set()
    suppressions: list[Suppression] = []
    for piece in pieces:
        doc = Doc(piece.text, g, markdown=markdown)
        if piece.masked is not None:
            doc.masked = piece.masked  # a cached property: the reader masked it already
        _text_rules(doc, rules)
        shift = piece.line_offset
        suppressions += find_suppressions(piece.text, markdown=markdown, line_offset=shift)
        findings += [replace(f, line=f.line + shift, end_line=f.end_line + shift) if shift else f for f in doc.findings]
        if "inconsistent" in rules:
            for sp in spellings(doc, shift):
                if is_accepted(sp):
                    if sp.term.id in accepted:
                        continue
                    accepted.add(sp.term.id)
                kept.append(sp)
    if "inconsistent" in rules:
        findings += check_inconsistent(kept)
    return _sorted(apply_suppressions(findings, suppressions, rules), rules)


def _pair(
    source: str, target: str, g: Glossary, rules: frozenset[str], segment: int | None
) -> tuple[list[Finding], Doc]:
    src = Doc(source, g, markdown=False, segment=segment, side="source")
    tgt = Doc(target, g, markdown=False, segment=segment, side="target")
    _text_rules(tgt, rules)
    src_matches = find_zh(src.masked, g)
    if rules & {"missing-translation", "count-mismatch", "extra-term"}:
        check_parallel(src, tgt, src_matches)
    if "unknown-name" in rules:
        check_unknown_names(src, src_matches)
    return src.findings + tgt.findings, tgt


@_no_gc
def check_pair(
    source: str,
    target: str,
    glossary: Glossary | None = None,
    *,
    rules: Collection[str] = DEFAULT_RULES,
) -> list[Finding]:
    """Check one Chinese source segment against its English translation.

    Positions are in the target, except for findings about the source alone
    (missing-translation, count-mismatch, unknown-name), whose ``side`` is
    ``"source"``.

    >>> [(f.rule, f.found) for f in check_pair("李强出席。", "The premier attended.", rules={"missing-translation"})]
    [('missing-translation', '李强')]
    """
    g = or_default(glossary)
    rules = frozenset(rules)
    findings, tgt = _pair(source, target, g, rules, None)
    if "inconsistent" in rules:
        findings += check_inconsistent(spellings(tgt))
    return _sorted(findings, rules)


@_no_gc
def check_pairs(
    pairs: Iterable[tuple[str, str]],
    glossary: Glossary | None = None,
    *,
    rules: Collection[str] = DEFAULT_RULES,
) -> list[Finding]:
    """Check a document of (source, target) segments.

    Every pair gets :func:`check_pair`'s rules, with ``segment`` set to its
    0-based index; ``inconsistent`` then runs over all targets together.
    """
    g = or_default(glossary)
    rules = frozenset(rules)
    findings: list[Finding] = []
    targets: list[Doc] = []
    for i, (source, target) in enumerate(pairs):
        found, tgt = _pair(source, target, g, rules, i)
        findings += found
        targets.append(tgt)
    if "inconsistent" in rules:
        findings += check_inconsistent(sp for doc in targets for sp in spellings(doc))
    return _sorted(findings, rules)
