"""glossary.fix and Finding.fix: every fix kind with its exact text before and after."""

from __future__ import annotations

import pytest

import glossary
from glossary.fix import apply_fixes, fix_text, plan_edits
from glossary.model import Fix

# (rule, text, fixed with safe fixes only, fixed with --unsafe-fixes)
CASES = [
    ("variant", "The Beidou system is up.", "The BeiDou system is up.", None),
    ("variant", "Tianwen 3 launches in 2028.", "Tianwen-3 launches in 2028.", None),
    ("variant", "Two Beidous went up.", "Two BeiDous went up.", None),  # the plural stays plural
    ("variant", "The Beidou's clock drifted.", "The BeiDou's clock drifted.", None),  # the possessive is kept
    ("forbidden", "Astronaut Wang Yapin spoke.", "Astronaut Wang Yaping spoke.", None),
    ("forbidden", "WANG YAPIN SPOKE.", "WANG YAPING SPOKE.", None),  # all capitals stay all capitals
    ("forbidden", "Wang Yapin’s walk lasted hours.", "Wang Yaping’s walk lasted hours.", None),
    ("forbidden", "Change-5 landed.", "Chang'e-5 landed.", None),
    ("variant", "Chang’e 5 landed.", "Chang’e-5 landed.", None),  # a typographic apostrophe stays
    # An abbreviation or a translation listed as a variant: replacing it rewrites the sentence, so unsafe;
    # and an abbreviation in capitals is not a name in capitals.
    ("variant", "The CZ-2F flew.", "The CZ-2F flew.", "The Long March 2F flew."),
    ("variant", "The Qianfan constellation (“Thousand Sails”) grew.",
     "The Qianfan constellation (“Thousand Sails”) grew.", "The Qianfan constellation (“Qianfan”) grew."),
    ("inconsistent", "Macau and Macao are one city.", "Macao and Macao are one city.", None),
    ("inconsistent", "Tianwen-3 flies; the Tianwen 3 orbiter follows.",
     "Tianwen-3 flies; the Tianwen-3 orbiter follows.", None),
    ("case", "Astronaut wang yaping spoke.", "Astronaut Wang Yaping spoke.", None),
    ("gloss-mismatch", "Minister Zhang Ji (张琦) spoke.", "Minister Zhang Ji (张琦) spoke.",
     "Minister Zhang Qi (张琦) spoke."),
    ("gloss-mismatch", "Premier Li Qiang (李刚) arrived.", "Premier Li Qiang (李刚) arrived.",
     "Premier Li Qiang (李强) arrived."),
    ("gloss-mismatch", "李强（Li Gang）到了。", "李强（Li Gang）到了。", "李强（Li Qiang）到了。"),
    ("untranslated", "The 两会 opened.", "The 两会 opened.", "The Two Sessions opened."),
    # the word after the characters is not said twice
    ("untranslated", "The 北斗 system works.", "The 北斗 system works.", "The BeiDou system works."),
    ("untranslated", "The 天宫 station is up.", "The 天宫 station is up.", "The Tiangong station is up."),
]


@pytest.mark.parametrize(("rule", "text", "safe", "unsafe"), CASES)
def test_fix_kinds(g: glossary.Glossary, rule: str, text: str, safe: str, unsafe: str | None) -> None:
    findings = glossary.check_text(text, g)
    assert any(f.rule == rule and f.fix is not None for f in findings), findings
    assert fix_text(text, g) == safe
    assert fix_text(text, g, unsafe=True) == (unsafe or safe)


@pytest.mark.parametrize(("rule", "text", "safe", "unsafe"), CASES)
def test_fixing_is_idempotent(g: glossary.Glossary, rule: str, text: str, safe: str, unsafe: str | None) -> None:
    for flag in (False, True):
        once = fix_text(text, g, unsafe=flag)
        assert fix_text(once, g, unsafe=flag) == once
        assert apply_fixes(once, glossary.check_text(once, g), unsafe=flag) == once


def test_fixed_text_comes_back_clean_of_fixable_findings(g: glossary.Glossary) -> None:
    text = "Wang Yapin flew on Shenzhou 13. The Beidou system and BeiDou. Macau, then Macao.\n"
    fixed = fix_text(text, g)
    assert fixed == "Wang Yaping flew on Shenzhou-13. The BeiDou system and BeiDou. Macao, then Macao.\n"
    assert [f for f in glossary.check_text(fixed, g) if f.fix is not None] == []


def test_safe_and_unsafe_flags(g: glossary.Glossary) -> None:
    [f] = [f for f in glossary.check_text("Minister Zhang Ji (张琦) spoke.", g) if f.rule == "gloss-mismatch"]
    assert f.fix == Fix("Zhang Qi", safe=False)
    [f] = glossary.check_text("Astronaut Wang Yapin spoke.", g)
    assert f.fix == Fix("Wang Yaping", safe=True)


@pytest.mark.parametrize("text", [
    "Use `Wang Yapin` in code, and Wang Yapin here.",
    "```\nWang Yapin\n```\nWang Yapin here.\n",
    "    Wang Yapin\n\nWang Yapin here.\n",
    "<!-- glossary off -->\nWang Yapin\n<!-- glossary on -->\nWang Yapin here.\n",
    "<!-- Wang Yapin -->\nWang Yapin here.\n",
])
def test_skipped_regions_are_untouched(g: glossary.Glossary, text: str) -> None:
    fixed = fix_text(text, g)
    assert fixed.count("Wang Yapin") == text.count("Wang Yapin")  # "Wang Yaping" contains it
    assert fixed.count("Wang Yaping") == 1
    assert fixed.endswith(text[text.rindex("Wang Yapin") + len("Wang Yapin"):])
    assert fixed[: text.rindex("Wang Yapin")] == text[: text.rindex("Wang Yapin")]


def test_link_text_is_fixed_and_its_target_is_not(g: glossary.Glossary) -> None:
    text = "See [Wang Yapin](https://example.org/Wang_Yapin \"Wang Yapin\") and <https://x.cn/Wang-Yapin>.\n"
    assert fix_text(text, g) == (
        "See [Wang Yaping](https://example.org/Wang_Yapin \"Wang Yapin\") and <https://x.cn/Wang-Yapin>.\n")


def test_a_finding_about_a_skipped_region_is_not_applied(g: glossary.Glossary) -> None:
    """fix-in-skipped-region (docs/errors.md)."""
    text = "x `Wang Yapin` y"
    [f] = glossary.check_text("x  Wang Yapin  y", g)  # a finding whose span is code in ``text``
    assert apply_fixes(text, [f]) == text


def test_stale_findings_are_skipped(g: glossary.Glossary) -> None:
    """fix-stale-finding (docs/errors.md)."""
    findings = glossary.check_text("Astronaut Wang Yapin spoke.", g)
    assert apply_fixes("Astronaut Zhou Yapin spoke.", findings) == "Astronaut Zhou Yapin spoke."


def test_overlapping_fixes_keep_the_specific_rule(g: glossary.Glossary) -> None:
    text = "The Beidou system and BEIDOU."
    findings = glossary.check_text(text, g)
    assert {f.rule for f in findings if f.found == "Beidou"} == {"variant", "inconsistent"}
    edits = plan_edits(text, findings)
    assert [(e.finding.rule, e.replacement) for e in edits] == [("variant", "BeiDou")]


def test_windows_line_ends_and_later_lines(g: glossary.Glossary) -> None:
    text = "First line.\r\nAstronaut Wang Yapin spoke.\r\nTianwen 3 flew.\r\n"
    assert fix_text(text, g) == "First line.\r\nAstronaut Wang Yaping spoke.\r\nTianwen-3 flew.\r\n"


def test_plain_text_fixes_what_markdown_would_skip(g: glossary.Glossary) -> None:
    text = "Use `Wang Yapin` here."
    assert fix_text(text, g, markdown=False) == "Use `Wang Yaping` here."


def test_public_api() -> None:
    assert glossary.apply_fixes is apply_fixes and glossary.fix_text is fix_text and glossary.Fix is Fix


# -- properties --------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from glossary.source import mask  # noqa: E402

_G = glossary.load()
_FORMS = sorted({f for t in _G for f in (t.en, *t.aliases, *t.variants, *t.forbidden) if "{n}" not in f})
_pieces = st.one_of(
    st.sampled_from(_FORMS),
    st.sampled_from([" ", " ", ". ", ", ", "\n", "\n\n", "’s ", "'s ", "(", ")", "`", "[", "](https://x.org/", "<!-- ",
                     " -->", "<!-- glossary off -->", "<!-- glossary on -->", "    ", "**", "\r\n", "the ", "A "]),
    st.text(alphabet="abcXYZ李强王亚平北斗", max_size=5),
)
_texts = st.lists(_pieces, max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts, st.booleans(), st.booleans())
def test_fixing_properties(text: str, markdown: bool, unsafe: bool) -> None:
    """On any text: fixing is idempotent, leaves no fix that would apply, keeps every skipped region
    as it was, and changes only the spans of the findings it applied."""
    fixed = fix_text(text, _G, markdown=markdown, unsafe=unsafe)
    assert fix_text(fixed, _G, markdown=markdown, unsafe=unsafe) == fixed
    left = plan_edits(fixed, glossary.check_text(fixed, _G, markdown=markdown), unsafe=unsafe, markdown=markdown)
    assert left == []
    # One pass: the text outside the edits is untouched, and no edit lies in a skipped region.
    edits = plan_edits(text, glossary.check_text(text, _G, markdown=markdown), unsafe=unsafe, markdown=markdown)
    masked = mask(text, markdown=markdown)
    pos, rebuilt = 0, []
    for e in edits:
        assert pos <= e.start and masked[e.start:e.end] == text[e.start:e.end]
        rebuilt += [text[pos:e.start], e.replacement]
        pos = e.end
    rebuilt.append(text[pos:])
    assert apply_fixes(text, glossary.check_text(text, _G, markdown=markdown), unsafe=unsafe,
                       markdown=markdown) == "".join(rebuilt)


def test_a_suppressed_line_is_never_edited_in_any_pass() -> None:
    # Pass 1 fixes the first line's variant; pass 2 would then see the suppressed line as inconsistent.
    text = ("Tianwen 3 flew first.\n\n"
            "The old spelling Tianwen 3 was used. <!-- glossary-ignore-line variant -->\n")
    fixed = fix_text(text)
    assert fixed == text.replace("Tianwen 3 flew", "Tianwen-3 flew", 1)
    assert "unused-suppression" not in {f.rule for f in glossary.check_text(fixed)}


ADDRESSES = ("See https://example.com/Shenzou-20/x, example.com/Shenzou-20/x, www.cmsa.cn/Shenzou-20, "
             "shenzou-20@cmsa.cn, docs/Shenzou-20.md, /srv/Shenzou-20 and C:\\data\\Shenzou-20.txt today.\n")


@pytest.mark.parametrize("markdown", [True, False])
def test_addresses_and_paths_are_neither_checked_nor_fixed(markdown: bool) -> None:
    assert glossary.check_text(ADDRESSES, markdown=markdown) == []
    assert fix_text(ADDRESSES, markdown=markdown) == ADDRESSES
    # Words joined by one slash are prose, still checked.
    assert fix_text("The Shenzou-20/Beidou pair.", markdown=markdown) == "The Shenzhou-20/BeiDou pair."


def test_front_matter_and_html_attributes_are_skipped_in_markdown() -> None:
    text = ("---\nslug: shenzou-20-launch\ntitle: Shenzou-20\n---\n\n"
            '<img src="Shenzou-20.png" alt="Shenzou-20"> Shenzou-20 flew.\n')
    assert fix_text(text) == text.replace("> Shenzou-20 flew", "> Shenzhou-20 flew")
    # Not at the top: a thematic break, checked as usual.
    assert fix_text("Intro.\n\n---\nShenzou-20\n---\n") == "Intro.\n\n---\nShenzhou-20\n---\n"
    assert fix_text("---\nShenzou-20 flew.\n---\n") == "---\nShenzhou-20 flew.\n---\n"  # no YAML key: prose


def test_inconsistent_treats_a_plural_as_its_singular_and_names_the_nearest_alias() -> None:
    rules = glossary.rules.select_rules(None, ["GL201"])
    text = "The Beidous are many. Later, Beidou grew."
    assert [f.rule for f in glossary.check_text(text, rules=rules)] == []
    assert fix_text(text, rules=rules) == text
    [f] = glossary.check_text("The Beidous are many. Later, the Bei Dou grew.", rules=rules)
    assert (f.rule, f.expected) == ("inconsistent", "BeiDou")
    assert f.fix is not None and "Navigation" not in f.fix.replacement
