"""The rule registry: every rule's code, name, severity and documentation.

This is the one source for docs/rules.md, the CLI's ``rule`` command and the
SARIF rule descriptions. Codes are stable and never reused.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_RULES", "RULES", "Rule", "get_rule", "select_rules"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation (What it does / Why / Example / Fix)."""

    code: str
    name: str
    severity: str
    summary: str
    why: str
    example: str
    fix: str
    applies_to: str  # "text", "pair" or "document"
    default: bool = True  # runs unless the caller selects rules


RULES: tuple[Rule, ...] = (
    Rule(
        "GL101", "gloss-mismatch", "error",
        "The English before a gloss is not a rendering of the glossed Chinese, or the gloss is not the Chinese of the name used.",
        "A gloss ties an English name to its Chinese. When the two disagree, one of them is wrong, and readers who know "
        "Chinese will notice at once.",
        "Minister Zhang Ji (张琦) spoke first.  →  'Zhang Ji' is glossed 张琦, whose rendering is 'Zhang Qi'.\n"
        "Premier Li Qiang (李刚) arrived.  →  'Li Qiang' is 李强, but the gloss says 李刚.",
        "Correct the English to the glossary's rendering, or the gloss to the name's Chinese. "
        "`glossary check --fix --unsafe-fixes` corrects the side the message names; it is an unsafe fix, as "
        "either side may be the wrong one.",
        "text",
    ),
    Rule(
        "GL102", "unknown-term", "info",
        "A glossed Chinese name that the glossary lacks.",
        "A name the glossary does not know cannot be checked for consistency. The finding carries a suggested table row "
        "(zh; the English the text writes, else CC-CEDICT's, else pinyin, its source named in the note; computed "
        "pinyin; a guessed category) to append to the table.",
        "Engineer Zhang Ruochen (张若尘) joined.  →  张若尘 is not in the glossary; suggested row: 张若尘,Zhang Ruochen,Zhāng Ruòchén,person.",
        "Add the suggested row to the term table after checking it, or correct the gloss.",
        "text",
    ),
    Rule(
        "GL103", "pinyin-mismatch", "warning",
        "The English of an unknown name written in pinyin does not match the toneless pinyin of its Chinese.",
        "Misspelled pinyin names are the commonest error in English copy about China. The comparison ignores case, spaces "
        "and apostrophes and accepts every reading of a polyphonic character.",
        "Engineer Zhang Ruocheng (张若尘) joined.  →  expected 'Zhang Ruochen'.",
        "Spell the name as its pinyin, or add the name to the glossary if the form is established.",
        "text",
    ),
    Rule(
        "GL201", "variant", "warning",
        "A listed non-preferred spelling, or an unlisted spelling that differs from the preferred one only in case, "
        "spacing or hyphens.",
        "House style renders every name the same way every time; variants are understood but not preferred.",
        "The Beidou system …  →  'Beidou' is a variant; use 'BeiDou'.",
        "Replace the variant with the preferred rendering named in the message; `glossary check --fix` does it.",
        "text",
    ),
    Rule(
        "GL202", "forbidden", "error",
        "A rendering the glossary lists as wrong.",
        "Some renderings are plain mistakes (a wrong reading, an outdated or offensive form) and must never be published.",
        "Astronaut Wang Yapin …  →  'Wang Yapin' is wrong; use 'Wang Yaping'.",
        "Replace it with the preferred rendering; `glossary check --fix` does it.",
        "text",
    ),
    Rule(
        "GL203", "inconsistent", "warning",
        "One document renders the same term in two forms (the preferred form and a variant, or two spellings that only "
        "tolerant matching equates). Aliases never count, and neither does typography alone; a plural counts as its "
        "singular.",
        "A reader who sees 'Tianwen 3' and 'Tianwen-3' in one article wonders whether they are two missions.",
        "Tianwen-3 launches in 2028 … the Tianwen 3 orbiter …  →  'Tianwen 3' here, 'Tianwen-3' on line 1.",
        "Use one form throughout: the accepted form nearest the spelling used (the preferred rendering, or the "
        "alias it re-spells: Beidou → BeiDou); `glossary check --fix` does it where the change only re-spells one "
        "name.",
        "document",
    ),
    Rule(
        "GL204", "untranslated", "error",
        "Chinese characters in English text outside a gloss, or copied unchanged into a translation.",
        "English readers cannot read them; a copied source fragment usually means a segment was skipped.",
        "The 两会 opened in Beijing.  →  '两会' is untranslated; the glossary renders it 'Two Sessions'.",
        "Translate the characters, or put them in a gloss after their English: Two Sessions (两会). When the "
        "characters are one glossary term, `glossary check --fix --unsafe-fixes` puts its English in their place.",
        "text",
    ),
    Rule(
        "GL205", "case", "info",
        "An accepted rendering whose case differs from the table's in a way house style does not allow: a name in "
        "lower case, or one word in capitals inside a mixed form.",
        "Case that follows English usage is never reported: sentence case, title case, all capitals (BEIJING in a "
        "dateline) and a generic word in lower case (Hainan province). What is left is usually a slip, rarely wrong "
        "enough to warn about; an internal capital (BeiDou) is spelling, and a lost one is a variant.",
        "Astronaut wang yaping spoke.  →  'wang yaping' differs from 'Wang Yaping' only in case.",
        "Write the name with the table's capitals; `glossary check --fix` does it.",
        "text",
    ),
    Rule(
        "GL301", "missing-translation", "error",
        "A glossary term in the source has no English form in the target: neither the preferred rendering, an alias, "
        "a variant nor a spelling that tolerant matching equates with one. A forbidden form does not count. A name "
        "kept by the distinctive head of its English counts (Xichang for 西昌卫星发射中心: another term inside it is "
        "rendered, and few terms' English begins with that term's); a place that only modifies a longer name the "
        "glossary lacks (酒泉 in 酒泉航天升空中心) is not checked.",
        "Translations must carry every glossary name across; a dropped or free rendering breaks consistency.",
        "source 王亚平出舱。 target 'The astronaut left the module.'  →  王亚平 is not rendered 'Wang Yaping'.",
        "Render the term with the glossary's English.",
        "pair",
    ),
    Rule(
        "GL302", "count-mismatch", "warning",
        "A term occurs n times in the source but fewer times in the target.",
        "One occurrence may have been dropped or rendered freely.",
        "source 王亚平出舱后，王亚平挥手。 target 'Wang Yaping left the module and waved.'  →  2 in the source, 1 in the target.",
        "Check each occurrence; render the missing one, or ignore the finding if the target merges them on purpose. "
        "The rule is off by default: on real human translations nearly every shortfall is a pronoun, 'the country' or "
        "a merged mention (see docs/accuracy.md); select it (--select GL302, or rules=) to review MT output.",
        "pair",
        default=False,
    ),
    Rule(
        "GL303", "extra-term", "info",
        "The target has a glossary rendering whose Chinese is not in the source.",
        "An English name with no source counterpart may be an addition, or a sign that the source term was missed "
        "by matching (an ambiguous or variant Chinese form).",
        "source 她出舱了。 target 'Wang Yaping left the module.'  →  'Wang Yaping' has no 王亚平 in the source.",
        "Check that the name belongs in the translation. The rule is off by default: human translators name what "
        "the source leaves implicit (China for 我国 'our country', the full name after a short form), and on the "
        "129 realnews pairs, all human translations, it fired 72 times; select it (--select GL303) to look for "
        "names an MT system added.",
        "pair",
        default=False,
    ),
    Rule(
        "GL304", "unknown-name", "info",
        "A person, place or organization name in the Chinese source that the glossary lacks (jieba's nr/ns/nt tags).",
        "New names should enter the glossary before they are rendered two ways. The finding carries a suggested row.",
        "source 张若尘表示 …  →  张若尘 (person) is not in the glossary.",
        "Add the suggested row after checking it. The rule is off by default: jieba's part-of-speech tagger costs "
        "about 1 ms a sentence, ten times the other rules together. Select it (--select GL304, or "
        "rules=) to collect new names; `glossary suggest` always runs it.",
        "pair",
        default=False,
    ),
    Rule(
        "GL901", "unused-suppression", "info",
        "A suppression comment (glossary-ignore-line, glossary-ignore-next-line) that silences nothing, or that names "
        "a rule that does not exist.",
        "A suppression outlives the finding it was written for: once the text is fixed it only hides the next real "
        "problem on that line. It is reported only when every rule it names ran.",
        "Wang Yaping spoke. <!-- glossary-ignore-line -->  →  the suppression of any rule on line 1 silences "
        "nothing.\n"
        "Tianwen-3 flew. <!-- glossary-ignore-line GL299 -->  →  the suppression names unknown rule 'GL299'.",
        "Delete the comment, or name the rule that fires on that line.",
        "text",
    ),
)

#: The rules that run when none are selected.
DEFAULT_RULES: frozenset[str] = frozenset(r.name for r in RULES if r.default)

_BY_KEY = {**{r.code: r for r in RULES}, **{r.name: r for r in RULES}}


def get_rule(key: str) -> Rule:
    """A rule by code (GL101) or name (gloss-mismatch); KeyError if unknown."""
    try:
        return _BY_KEY[key if key in _BY_KEY else key.upper()]
    except KeyError:
        raise KeyError(f"unknown rule {key!r}") from None


def select_rules(select: list[str] | None = None, ignore: list[str] | None = None) -> frozenset[str]:
    """The names of the rules chosen by code prefixes or names; without
    ``select``, the default rules (all but those off by default).

    >>> sorted(select_rules(["GL1"], ["pinyin-mismatch"]))
    ['gloss-mismatch', 'unknown-term']
    >>> "unknown-name" in select_rules(), "unknown-name" in select_rules(["GL3"])
    (False, True)
    """

    def hits(keys: list[str]) -> set[str]:
        out: set[str] = set()
        for key in keys:
            chosen = {r.name for r in RULES if r.name == key or r.code.startswith(key.upper())}
            if not chosen:
                raise KeyError(f"unknown rule or code prefix {key!r}")
            out |= chosen
        return out

    names = hits(select) if select else set(DEFAULT_RULES)
    return frozenset(names - (hits(ignore) if ignore else set()))
