"""Inline suppressions: a table of texts, the codes reported, and what stays silent."""

from __future__ import annotations

import pytest

import glossary
from glossary.rules import select_rules
from glossary.suppress import find_suppressions

# (text, rules to run (None: the defaults), the codes and lines reported)
CASES = [
    # next-line, by code, by name, by prefix, several at once
    ("<!-- glossary-ignore-next-line GL202 -->\nWang Yapin spoke.", None, []),
    ("<!-- glossary-ignore-next-line forbidden -->\nWang Yapin spoke.", None, []),
    ("<!-- glossary-ignore-next-line GL2 -->\nWang Yapin and Tianwen 3.", None, []),
    ("<!-- glossary-ignore-next-line GL202, GL201 -->\nWang Yapin and Tianwen 3.", None, []),
    ("<!-- glossary-ignore-next-line GL202 variant -->\nWang Yapin and Tianwen 3.", None, []),
    # a reason after the rules: after --, after a colon, or from the first word that names no rule
    ("Wang Yapin and Tianwen 3. <!-- glossary-ignore-line GL202 -- quoted -->", None, [("GL201", 1)]),
    ("Wang Yapin and Tianwen 3. <!-- glossary-ignore-line GL202: quoted -->", None, [("GL201", 1)]),
    ("Wang Yapin and Tianwen 3. <!-- glossary-ignore-line GL202 because quoted -->", None, [("GL201", 1)]),
    ("Wang Yapin and Tianwen 3. <!-- glossary-ignore-line GL202, variant -- quoted -->", None, []),
    ("Wang Yapin and Tianwen 3. <!-- glossary-ignore-line -- an old quotation -->", None, []),
    # a typo shaped like a code is an unknown rule, not the start of a reason
    ("Wang Yapin spoke. <!-- glossary-ignore-line GL202 GL2O1 -->", None, [("GL202", 1), ("GL901", 1)]),
    # only the named rule is silenced
    ("<!-- glossary-ignore-next-line GL202 -->\nWang Yapin and Tianwen 3.", None, [("GL201", 2)]),
    # no rule named: every rule on that line
    ("<!-- glossary-ignore-next-line -->\nWang Yapin and Tianwen 3.", None, []),
    # the next line only, not the one after
    ("<!-- glossary-ignore-next-line GL202 -->\nSpoke.\nWang Yapin spoke.", None, [("GL202", 3), ("GL901", 1)]),
    # same line, before or after the name
    ("Wang Yapin spoke. <!-- glossary-ignore-line GL202 -->", None, []),
    ("<!-- glossary-ignore-line GL202 --> Wang Yapin spoke.", None, []),
    ("Wang Yapin spoke. <!-- glossary-ignore-line GL201 -->", None, [("GL202", 1), ("GL901", 1)]),
    # case and spacing of the comment
    ("<!--glossary-ignore-line   GL202-->Wang Yapin spoke.", None, []),
    ("Wang Yapin. <!-- GLOSSARY-IGNORE-LINE gl202 -->", None, []),
    # an unused suppression is info, an unknown rule is reported
    ("Wang Yaping spoke. <!-- glossary-ignore-line GL202 -->", None, [("GL901", 1)]),
    ("Wang Yaping spoke. <!-- glossary-ignore-line GL299 -->", None, [("GL901", 1)]),
    # a suppression of a rule that did not run is not unused
    ("Wang Yaping spoke. <!-- glossary-ignore-line GL202 -->", ["GL1"], []),
    ("Wang Yaping spoke. <!-- glossary-ignore-line GL202 -->", ["GL1", "GL9"], []),
    ("Wang Yaping spoke. <!-- glossary-ignore-line GL202 -->", ["GL2", "GL9"], [("GL901", 1)]),
    # the unused-suppression rule can be ignored
    ("Wang Yaping spoke. <!-- glossary-ignore-line GL202 -->", ["GL2"], []),
    # a comment inside code is an example, not a suppression
    ("`<!-- glossary-ignore-next-line GL202 -->`\nWang Yapin spoke.", None, [("GL202", 2)]),
    ("```\n<!-- glossary-ignore-next-line GL202 -->\n```\nWang Yapin spoke.", None, [("GL202", 4)]),
    # a finding on a gloss line: the gloss rule silenced by name
    ("Minister Zhang Ji (张琦) spoke. <!-- glossary-ignore-line gloss-mismatch -->", None, []),
    # a suppression inside a switched-off region does nothing and is not reported
    ("<!-- glossary off -->\n<!-- glossary-ignore-next-line GL202 -->\nWang Yapin\n<!-- glossary on -->", None, []),
]


@pytest.mark.parametrize(("text", "select", "expected"), CASES)
def test_suppression_table(g: glossary.Glossary, text: str, select: list[str] | None, expected: list) -> None:
    rules = select_rules(select) if select else select_rules()
    found = glossary.check_text(text, g, rules=rules)
    assert sorted((f.code, f.line) for f in found) == sorted(expected), found


def test_unused_suppression_points_at_the_comment(g: glossary.Glossary) -> None:
    text = "Wang Yaping spoke. <!-- glossary-ignore-line GL202 -->"
    [f] = glossary.check_text(text, g)
    assert (f.rule, f.severity, f.column, f.found) == ("unused-suppression", "info", 20, text[19:])
    assert f.message == "suppression of forbidden on line 1 silences nothing"


def test_plain_text_takes_the_same_comments(g: glossary.Glossary) -> None:
    text = "Wang Yapin spoke. <!-- glossary-ignore-line GL202 -->"
    assert glossary.check_text(text, g, markdown=False) == []


def test_suppressions_hold_across_the_pieces_of_a_long_text(g: glossary.Glossary) -> None:
    from glossary.check import check_text_pieces

    class Piece:
        def __init__(self, text: str, line_offset: int) -> None:
            self.text, self.line_offset, self.masked = text, line_offset, None

    first = "Tianwen-3 flew.\n\n"
    second = "<!-- glossary-ignore-next-line GL203 GL201 -->\nThe Tianwen 3 orbiter.\n"
    assert check_text_pieces([Piece(first, 0), Piece(second, 2)], g) == []
    assert [f.code for f in check_text_pieces([Piece(first, 0), Piece("The Tianwen 3 orbiter.\n", 2)], g)] == [
        "GL201", "GL203"]


def test_find_suppressions_lines() -> None:
    [s] = find_suppressions("a\n<!-- glossary-ignore-next-line GL201 -->\nb", line_offset=10)
    assert (s.line, s.target_line, s.rules) == (12, 13, frozenset({"variant"}))


def test_unknown_rule_message(g: glossary.Glossary) -> None:
    """suppression-unknown-rule (docs/errors.md)."""
    [f] = glossary.check_text("Tianwen-3 flew. <!-- glossary-ignore-line GL299 -->", g)
    assert (f.code, f.rule, f.message) == (
        "GL901", "unused-suppression", "suppression names unknown rule 'GL299'; see 'glossary rule' for the list")


@pytest.mark.parametrize("end", ["", "\n", "\n\n"])
def test_next_line_suppression_on_the_last_line_names_no_line_beyond(end: str) -> None:
    text = "Wang Yaping spoke.\n<!-- glossary-ignore-next-line GL202 -->" + end
    [f] = glossary.check_text(text)
    assert (f.code, f.line) == ("GL901", 2)
    assert f.message == "suppression of forbidden on the next line silences nothing: no line follows it"
