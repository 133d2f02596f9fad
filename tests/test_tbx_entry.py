"""glossary.formats._tbx_entry: the one-walk reading of usual TBX entries gives the general reading's rows."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.errors import GlossaryError
from glossary.formats import _tbx_entry, _xml, read_bytes, render
from glossary.model import Term

V3_NS = "urn:iso:std:iso:30042:ed-2"
BASIC_NS = "http://www.tbxinfo.net/ns/basic"

# -- documents of varied entries -------------------------------------------------------------------

TEXT = st.sampled_from(["李强", "天宫", " 王  亚平 ", "Li Qiang", "Tiangong\n  station", "", " ", "A &amp; B",
                        "&lt;x&gt;", "<![CDATA[C&D]]>", "Li<!-- c -->ang", "Wang<?pi x?> Yaping", "&#26446;",
                        "pinyin: Lǐ Qiáng", "category: person", "series: {n}th", "a<hi>b</hi> c"])
STATUS = st.sampled_from(["preferredTerm-admn-sts", "admittedTerm-admn-sts", "supersededTerm-admn-sts",
                          "deprecatedTerm-admn-sts", "preferredTerm", "notRecommended", "obsolete", "standardized",
                          "legalTerm", "", " preferred ", "Preferred"])
LANG = st.sampled_from(["zh", "zh-CN", "zh-Hans", "ZH_cn", "zh-Hant", "zh-TW", "zh-HK", "en", "en-US", "EN-gb", "fr"])


# Each strategy below draws the usual shapes (``usual``, which the walk reads) or any shape.

@st.composite
def term_element(draw: st.DrawFn, p: str, usual: bool) -> str:
    """One child of a term's holder."""
    kind = draw(st.sampled_from(["term", "term", "note-status", "note-pos", "note-type", "note-other", "status",
                                 "termType", "note", "descrip", "admin",
                                 *([] if usual else ["nested", "note-flag", "descrip-status"])]))
    text = draw(TEXT)
    if kind == "term":
        return f"<{p}term>{text}</{p}term>"
    if kind == "note-status":
        which = draw(st.sampled_from(["administrativeStatus", "normativeAuthorization", "usageStatus", "UsageStatus"]))
        return f'<{p}termNote type="{which}">{draw(STATUS)}</{p}termNote>'
    if kind == "note-pos":
        return f'<{p}termNote type="partOfSpeech">properNoun</{p}termNote>'
    if kind == "note-type":
        return f'<{p}termNote type="{draw(st.sampled_from(["termType", "TERMTYPE"]))}">' \
               f'{draw(st.sampled_from(["variant", " Variant ", "fullForm", ""]))}</{p}termNote>'
    if kind == "note-flag":  # Phrase's yes/no statuses
        which = draw(st.sampled_from(["forbidden", "preferred", "Forbidden", "status"]))
        return f'<{p}termNote type="{which}">{draw(st.sampled_from(["true", "FALSE", "yes", "Approved", "Forbidden"]))}' \
               f'</{p}termNote>'
    if kind == "descrip-status":  # Trados's status in a descrip
        return f'<{p}descrip type="{draw(st.sampled_from(["Status", "status"]))}">{draw(STATUS)}</{p}descrip>'
    if kind == "note-other":
        return f'<{p}termNote>{text}</{p}termNote>'
    if kind == "status":
        which = draw(st.sampled_from(["administrativeStatus", "normativeAuthorization", "usageStatus"]))
        prefix = draw(st.sampled_from([p, "basic:"]))
        return f"<{prefix}{which}>{draw(STATUS)}</{prefix}{which}>"
    if kind == "termType":
        return f"<basic:termType>{draw(st.sampled_from(['variant', 'abbreviation']))}</basic:termType>"
    if kind == "note":
        return f"<{p}note>{text}</{p}note>"
    if kind == "descrip":
        return f'<{p}descrip type="{draw(st.sampled_from(["definition", "Definition", "context"]))}">{text}</{p}descrip>'
    if kind == "admin":
        return f'<{p}admin type="source">{text}</{p}admin>'
    return f"<{p}termGrp><{p}term>{text}</{p}term><{p}termNote type=\"administrativeStatus\">{draw(STATUS)}" \
           f"</{p}termNote></{p}termGrp>"


@st.composite
def section_child(draw: st.DrawFn, p: str, v3: bool, usual: bool) -> str:
    kind = draw(st.sampled_from(["holder", "holder", "holder", "admin", "comment",
                                 *([] if usual else ["ntig", "note", "descrip", "descripGrp"])]))
    if kind == "holder":
        name = draw(st.sampled_from(["termSec", "tig"] if v3 else ["tig", "termSec"]))
        term = f"<{p}term>{draw(TEXT)}</{p}term>" if usual else ""
        children = [term, *draw(st.lists(term_element(p, usual), min_size=0, max_size=4))]
        return f"<{p}{name}>{''.join(children)}</{p}{name}>"
    if kind == "ntig":
        children = draw(st.lists(term_element(p, usual), min_size=0, max_size=3))
        return f"<{p}ntig><{p}termGrp>{''.join(children)}</{p}termGrp></{p}ntig>"
    if kind == "note":
        return f"<{p}note>{draw(TEXT)}</{p}note>"
    if kind == "descrip":
        return f'<{p}descrip type="definition">{draw(TEXT)}</{p}descrip>'
    if kind == "descripGrp":
        return f'<{p}descripGrp><{p}descrip type="definition">{draw(TEXT)}</{p}descrip></{p}descripGrp>'
    if kind == "admin":
        return f'<{p}admin type="x">{draw(TEXT)}</{p}admin>'
    return "<!-- a comment -->"


@st.composite
def section(draw: st.DrawFn, p: str, v3: bool, usual: bool, lang: str | None = None) -> str:
    name = draw(st.sampled_from(["langSec", "langSet"] if v3 else ["langSet", "langSec"]))
    if lang is not None:
        code = f'xml:lang="{lang}"'
    elif usual:
        code = draw(st.one_of(LANG.map(lambda t: f'xml:lang="{t}"'), LANG.map(lambda t: f'lang="{t}"')))
    else:
        code = draw(st.one_of(LANG.map(lambda t: f'xml:lang="{t}"'), st.just(""), st.just('xml:lang=""')))
    children = draw(st.lists(section_child(p, v3, usual), min_size=1 if usual else 0, max_size=4))
    return f"<{p}{name} {code}>{''.join(children)}</{p}{name}>"


@st.composite
def entry_child(draw: st.DrawFn, p: str, v3: bool, usual: bool) -> str:
    kind = draw(st.sampled_from(["section", "section", "note", "descrip", "transacGrp", "tig",
                                 *([] if usual else ["descripGrp"])]))
    if kind == "section":
        return draw(section(p, v3, usual))
    if kind == "note":
        return f"<{p}note>{draw(TEXT)}</{p}note>"
    if kind == "descrip":
        return f'<{p}descrip type="{draw(st.sampled_from(["definition", "subjectField"]))}">{draw(TEXT)}</{p}descrip>'
    if kind == "descripGrp":
        return f'<{p}descripGrp><{p}descrip type="definition">{draw(TEXT)}</{p}descrip></{p}descripGrp>'
    if kind == "transacGrp":
        return f"<{p}transacGrp><{p}transac>origination</{p}transac></{p}transacGrp>"
    return f"<{p}tig><{p}term>{draw(TEXT)}</{p}term></{p}tig>"


@st.composite
def documents(draw: st.DrawFn) -> str:
    style = draw(st.sampled_from(["v2", "v3", "v3-prefixed"]))
    v3 = style != "v2"
    p = "t:" if style == "v3-prefixed" else ""
    entries = []
    for i in range(draw(st.integers(1, 4))):
        usual = draw(st.booleans())
        children = draw(st.lists(entry_child(p, v3, usual), min_size=0, max_size=3))
        if usual:  # a Chinese and an English section, among the others
            for lang in (draw(st.sampled_from(["zh", "zh-CN", "zh-Hant"])), draw(st.sampled_from(["en", "en-GB"]))):
                children.insert(draw(st.integers(0, len(children))), draw(section(p, v3, usual, lang)))
        entry_id = draw(st.sampled_from([f' id="c{i}"', f' id="_{i}x"', "", f' id="C-{i}"']))
        name = "conceptEntry" if v3 else "termEntry"
        sep = draw(st.sampled_from(["", "\n", "\n  <!-- between -->\n"]))
        entries.append(f"<{p}{name}{entry_id}>{sep}{sep.join(children)}{sep}</{p}{name}>")
    if style == "v2":
        head = '<martif type="TBX-Basic" xml:lang="en" xmlns:basic="' + BASIC_NS + '"><text><body>'
        tail = "</body></text></martif>"
    elif style == "v3":
        head = f'<tbx type="TBX-Basic" xml:lang="en" xmlns="{V3_NS}" xmlns:basic="{BASIC_NS}"><text><body>'
        tail = "</body></text></tbx>"
    else:
        head = f'<t:tbx type="TBX-Basic" xml:lang="en" xmlns:t="{V3_NS}" xmlns:basic="{BASIC_NS}"><t:text><t:body>'
        tail = "</t:body></t:text></t:tbx>"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + head + "\n".join(entries) + tail


def general(entry: object) -> object:
    try:
        return _tbx_entry._entry(entry, "t.tbx")
    except GlossaryError as exc:
        return f"error: {exc}"


def outcome(data: bytes, group: bool = False) -> object:
    try:
        return [(t, t.line) for t in read_bytes(data, "t.tbx", group=group)]
    except GlossaryError as exc:
        return f"error: {exc}"


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(doc=documents())
def test_the_walk_gives_the_general_readings_cells(doc):
    """Entry by entry: the walk gives the general reading's cells, or leaves the entry to it."""
    for event, element in _xml.iterparse(doc.encode("utf-8"), "t.tbx", ("termEntry", "conceptEntry")):
        if event == "end":
            fast = _tbx_entry._plain(element)
            assert fast is None or fast == (general(element) or ())


@SETTINGS
@given(doc=documents())
def test_reading_with_the_walk_is_reading_without(doc):
    """Whole files: the same terms, lines and errors with the walk as without it."""
    data = doc.encode("utf-8")
    fast = outcome(data), outcome(data, group=True)
    with mock.patch.object(_tbx_entry, "_plain", lambda entry: None):
        assert (outcome(data), outcome(data, group=True)) == fast


# -- the usual entries take the walk ---------------------------------------------------------------

def entry_of(body: str, *, root: str = "martif", ns: str = "") -> object:
    xmlns = f' xmlns="{ns}"' if ns else ""
    doc = f'<{root}{xmlns} xmlns:basic="{BASIC_NS}"><text><body>{body}</body></text></{root}>'
    [element] = [e for ev, e in _xml.iterparse(doc.encode("utf-8"), "t.tbx", ("termEntry", "conceptEntry"))
                 if ev == "end"]
    return element


TIG = '<tig><term>{}</term><termNote type="partOfSpeech">properNoun</termNote>' \
      '<termNote type="administrativeStatus">{}</termNote>{}</tig>'
PREFERRED = "preferredTerm-admn-sts"


@pytest.mark.parametrize("body, root, ns, row", [
    ('<termEntry id="li-qiang">\n  <langSet xml:lang="zh">\n    ' + TIG.format("李强", PREFERRED, "")
     + '\n  </langSet>\n  <langSet xml:lang="en">' + TIG.format("Li Qiang", PREFERRED, "") + "</langSet></termEntry>",
     "martif", "", ("li-qiang", "李强", "", "Li Qiang", "", "", "", "", "", "", "")),
    ('<termEntry id="li-qiang"><note>category: person</note><note>premier</note><langSet xml:lang="zh">'
     + TIG.format("李强", PREFERRED, "<note>pinyin: Lǐ Qiáng</note>") + TIG.format("李 強", "admittedTerm-admn-sts", "")
     + '</langSet><langSet xml:lang="en">' + TIG.format("Li Qiang", PREFERRED, "")
     + TIG.format("Premier Li", "admittedTerm-admn-sts", "")
     + TIG.format("Li Ch'iang", "admittedTerm-admn-sts", '<termNote type="termType">variant</termNote>')
     + TIG.format("Li Chiang", "deprecatedTerm-admn-sts", "") + "</langSet></termEntry>",
     "martif", "", ("li-qiang", "李强", "李 強", "Li Qiang", "Premier Li", "Li Ch'iang", "Li Chiang", "Lǐ Qiáng",
                    "person", "", "premier")),
    ('<conceptEntry id="c-9"><langSec xml:lang="zh-Hans"><termSec><term>天舟</term>'
     "<basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec></langSec>"
     '<langSec xml:lang="zh-TW"><termSec><term>天舟</term></termSec></langSec>'
     '<langSec xml:lang="en"><termSec><term>Tianzhou</term></termSec><termSec><term>Tianchou</term>'
     '<termNote type="usageStatus">notRecommended</termNote></termSec></langSec></conceptEntry>',
     "tbx", V3_NS, ("c-9", "天舟", "", "Tianzhou", "", "", "Tianchou", "", "", "", "")),
    # No statuses: the first of each section is preferred, a termType "variant" makes a variant.
    ('<termEntry id="tg"><langSet xml:lang="zh"><tig><term>天宫</term></tig></langSet><langSet xml:lang="zh-TW">'
     '<tig><term>天宮</term></tig></langSet><langSet xml:lang="en-US"><tig><term>Tiangong</term></tig>'
     '<tig><term>Heavenly Palace</term><termNote type="termType">variant</termNote></tig>'
     '<tig><term>Tian Gong</term></tig></langSet><langSet xml:lang="en-GB"><tig><term>Tiangong-1</term></tig>'
     "</langSet></termEntry>",
     "martif", "", ("tg", "天宫", "天宮", "Tiangong", "Tiangong-1 | Tian Gong", "Heavenly Palace", "", "", "", "", "")),
    ('<termEntry><langSet xml:lang="zh"><tig><term><![CDATA[A&B]]> 号</term></tig></langSet>'
     '<!-- a comment --><langSet xml:lang="en"><tig><term>A &amp; B <?pi?>No.</term></tig></langSet></termEntry>',
     "martif", "", ("", "A&B 号", "", "A & B No.", "", "", "", "", "", "", "")),
])
def test_usual_entries_take_the_walk(body, root, ns, row):
    entry = entry_of(body, root=root, ns=ns)
    assert _tbx_entry._plain(entry) == row == _tbx_entry._entry(entry, "t.tbx")


@pytest.mark.parametrize("body", [
    '<termEntry><langSet xml:lang="zh"><ntig><termGrp><term>李强</term></termGrp></ntig></langSet>'
    '<langSet xml:lang="en"><tig><term>Li Qiang</term></tig></langSet></termEntry>',
    '<termEntry><langSet xml:lang="zh"><tig><term>李<hi>强</hi></term></tig></langSet>'
    '<langSet xml:lang="en"><tig><term>Li Qiang</term></tig></langSet></termEntry>',
    '<termEntry><langSet xml:lang="zh"><descrip type="definition">premier</descrip><tig><term>李强</term></tig>'
    '</langSet><langSet xml:lang="en"><tig><term>Li Qiang</term></tig></langSet></termEntry>',
    '<termEntry><langSet><tig><term>李强</term></tig></langSet></termEntry>',
    '<termEntry><langSet xml:lang="zh"><tig><note>x</note></tig></langSet></termEntry>',
])
def test_other_entries_are_left_to_the_general_reading(body):
    assert _tbx_entry._plain(entry_of(body)) is None


@pytest.mark.parametrize("body", [
    '<termEntry><langSet xml:lang="fr"><tig><term>Li Qiang</term></tig></langSet></termEntry>',
    '<termEntry><langSet xml:lang="zh"><tig><term>李强</term></tig></langSet></termEntry>',
    '<termEntry><langSet xml:lang="zh"><tig><term>李强</term></tig></langSet><langSet xml:lang="en"><tig>'
    '<term>Li Qiang</term><termNote type="usageStatus">notRecommended</termNote></tig></langSet></termEntry>',
])
def test_entries_without_both_languages_are_skipped_by_the_walk(body):
    entry = entry_of(body)
    assert _tbx_entry._plain(entry) == () and _tbx_entry._entry(entry, "t.tbx") is None


def test_an_export_is_read_by_the_walk_alone():
    terms = [Term(id=f"t-{i}", zh=zh, en=en, pinyin=pinyin, category="person", aliases=aliases)
             for i, (zh, en, pinyin, aliases) in enumerate([("李强", "Li Qiang", "Lǐ Qiáng", ("Premier Li",)),
                                                            ("王亚平", "Wang Yaping", "", ())])]
    data = render(terms, format="tbx")
    with mock.patch.object(_tbx_entry, "_entry", side_effect=AssertionError("the general reading")):
        again = read_bytes(data, "t.tbx")
    assert [(t.id, t.zh, t.en, t.aliases, t.category) for t in again] == \
           [(t.id, t.zh, t.en, t.aliases, t.category) for t in terms]
