"""glossary.score: the wmt25 metric rule by rule, the glossary metric, consistency, and the shared WMT25 data."""

from __future__ import annotations

import json

import pytest

from glossary.index import Glossary
from glossary.model import Term
from glossary.score import Document, Score, glossary_of, score
from glossary.score_inputs import pair, read_side

from conftest import EVAL

WMT25 = EVAL / "wmt25-terminology-track2-zhen"


def one(src: str, hyp: str, terms: dict[str, list[str]], ref: str | None = None, metric: str = "wmt25") -> Score:
    return score([Document(src, hyp, ref, terms)], metric=metric)


def pairs(s: Score) -> list[tuple[str, int, int, float]]:
    return [(t.zh, t.expected, t.found, t.score) for t in s.pairs]


# ---------------------------------------------------------------- wmt25, rule by rule

WMT25_CASES = [
    # (what, source, hypothesis, terms, reference, expected (zh, in source, in hypothesis, score) pairs)
    ("substring count in the hypothesis: 'ip' inside relationship",
     "知识产权很重要", "Our relationship matters.", {"知识产权": ["IP"]}, None, [("知识产权", 1, 1, 1.0)]),
    ("substring count in the source: 王林 inside 王林业",
     "王林业来了", "Wang Linye came.", {"王林": ["Wang Lin"]}, None, [("王林", 1, 1, 1.0)]),
    ("lowercase on both sides", "金管局", "the hkma", {"金管局": ["HKMA"]}, None, [("金管局", 1, 1, 1.0)]),
    ("the forms are stripped", "金管局", "the HKMA", {"金管局": ["  HKMA "]}, None, [("金管局", 1, 1, 1.0)]),
    ("the Chinese key is stripped", "金管局", "HKMA", {" 金管局 ": ["HKMA"]}, None, [("金管局", 1, 1, 1.0)]),
    ("the ratio: one of two", "金管局说，金管局", "The HKMA said that it", {"金管局": ["HKMA"]}, None,
     [("金管局", 2, 1, 0.5)]),
    ("the cap at 1", "金管局", "HKMA, HKMA and HKMA", {"金管局": ["HKMA"]}, None, [("金管局", 1, 3, 1.0)]),
    ("every allowed form adds up", "金管局与金管局", "HKMA, the Monetary Authority",
     {"金管局": ["HKMA", "Monetary Authority"]}, None, [("金管局", 2, 2, 1.0)]),
    ("overlapping forms both count", "金管局，金管局", "the Monetary Authority",
     {"金管局": ["Monetary Authority", "Authority"]}, None, [("金管局", 2, 2, 1.0)]),
    ("a term absent from the source is not scored", "银行", "the bank", {"金管局": ["HKMA"]}, None, []),
    ("a term nested in a longer one counts for both (the organisers' caveat)",
     "香港金融管理局", "Hong Kong Monetary Authority",
     {"香港金融管理局": ["Hong Kong Monetary Authority"], "管理局": ["Board"]}, None,
     [("香港金融管理局", 1, 1, 1.0), ("管理局", 1, 0, 0.0)]),
    ("the reference filter keeps a term whose form the reference has",
     "金管局", "the bank", {"金管局": ["HKMA"]}, "the HKMA", [("金管局", 1, 0, 0.0)]),
    ("the reference filter drops a term whose form the reference lacks",
     "金管局", "the bank", {"金管局": ["HKMA"]}, "the Authority", []),
    ("the reference filter is a lowercased substring test",
     "金管局", "x", {"金管局": ["HKMA"]}, "thehkmasaid", [("金管局", 1, 0, 0.0)]),
    ("the filter tests the forms unstripped", "金管局", "HKMA", {"金管局": ["HKMA "]}, "HKMA.", []),
    ("an empty form is found everywhere (str.count), as in the organisers' script",
     "金管局", "x", {"金管局": ["", "HKMA"]}, "y", [("金管局", 1, 2, 1.0)]),
    ("equal forms after lowercasing count twice", "金管局，金管局", "IFFO", {"金管局": ["IFFO", "IFFo"]}, None,
     [("金管局", 2, 2, 1.0)]),
    ("the texts are stripped", "金管局", "  HKMA  ", {"金管局": ["HKMA"]}, None, [("金管局", 1, 1, 1.0)]),
]


@pytest.mark.parametrize("what,src,hyp,terms,ref,expected", WMT25_CASES, ids=[c[0] for c in WMT25_CASES])
def test_wmt25_rules(what, src, hyp, terms, ref, expected):
    assert pairs(one(src, hyp, terms, ref)) == expected


def test_wmt25_micro_average_over_documents_and_files(tmp_path):
    terms = {"金管局": ["HKMA"], "银行": ["bank"]}
    a = [Document("金管局与银行", "HKMA and banks", terms=terms),   # 1, 1
         Document("金管局，金管局", "HKMA", terms=terms)]          # 0.5
    b = [Document("银行", "nothing", terms=terms)]                 # 0
    s = score(a + b, metric="wmt25")
    # the mean over the four (document, term) pairs, not over documents (0.8333…) or files
    assert s.rate == pytest.approx((1 + 1 + 0.5 + 0) / 4)
    assert [d.rate for d in s.documents] == [1.0, 0.5, 0.0]
    # files concatenated: a two-file system pools its pairs the same way
    for name, docs in (("a.jsonl", a), ("b.jsonl", b)):
        (tmp_path / name).write_text("".join(json.dumps({"zh": d.source, "en": d.hypothesis, "proper": terms},
                                                        ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    joined = [d for name in ("a.jsonl", "b.jsonl")
              for d in pair(name, read_side(tmp_path / name))]
    assert score(joined, metric="wmt25").rate == s.rate


def test_no_pairs_gives_no_rate():
    s = one("银行", "the bank", {"金管局": ["HKMA"]})
    assert s.rate is None and s.consistency is None and s.documents[0].rate is None


def test_unknown_metric():
    with pytest.raises(ValueError, match="unknown metric"):
        score([], metric="bleu")


def test_wmt25_with_a_glossary_uses_every_chinese_form_and_the_accepted_english():
    g = Glossary([Term(id="hkma", zh="金管局", en="HKMA", zh_variants=("金融管理局",),
                       aliases=("Monetary Authority",), variants=("HK Monetary Authority",))])
    s = score([Document("金管局与金融管理局", "HKMA and HK Monetary Authority")], g, metric="wmt25")
    # 金融管理局 and 金管局: 2 in the source; HKMA and "monetary authority" (inside the variant): 2
    assert pairs(s) == [("金管局", 2, 2, 1.0)]


# ---------------------------------------------------------------- the glossary metric

GLOSSARY_CASES = [
    ("English word boundaries: 'ip' is not in relationship",
     "知识产权很重要", "Our relationship matters.", {"知识产权": ["IP"]}, [("知识产权", 1, 0, 0.0)]),
    ("CJK boundaries: 王林 is not in 王林业",
     "王林业来了", "Wang Linye came.", {"王林": ["Wang Lin"]}, []),
    ("Traditional folded: a Traditional term in a Simplified source",
     "外汇基金的规模", "the size of the Exchange Fund", {"外匯基金": ["Exchange Fund"]}, [("外匯基金", 1, 1, 1.0)]),
    ("inflection: the plural counts",
     "持牌银行与持牌银行", "licensed banks", {"持牌銀行": ["licensed bank"]}, [("持牌銀行", 2, 1, 0.5)]),
    ("separators: a hyphen for a space", "外汇基金", "the exchange-fund", {"外匯基金": ["Exchange Fund"]},
     [("外匯基金", 1, 1, 1.0)]),
    ("nested, contained rendering: both count",
     "香港金融管理局", "The Hong Kong Monetary Authority",
     {"香港金融管理局": ["Hong Kong Monetary Authority"], "金融管理局": ["Monetary Authority"]},
     [("香港金融管理局", 1, 1, 1.0), ("金融管理局", 1, 1, 1.0)]),
    ("nested, other rendering: only the longer term counts",
     "香港金融管理局", "The Hong Kong Monetary Authority",
     {"香港金融管理局": ["Hong Kong Monetary Authority"], "管理局": ["Board"]},
     [("香港金融管理局", 1, 1, 1.0)]),
    ("the ratio and the cap", "金管局说，金管局", "The HKMA, the HKMA and the HKMA", {"金管局": ["HKMA"]},
     [("金管局", 2, 3, 1.0)]),
]


@pytest.mark.parametrize("what,src,hyp,terms,expected", GLOSSARY_CASES, ids=[c[0] for c in GLOSSARY_CASES])
def test_glossary_metric(what, src, hyp, terms, expected):
    assert pairs(one(src, hyp, terms, metric="glossary")) == expected


def test_glossary_metric_case_policy():
    terms = {"金管局": ["HKMA"], "李强": ["Li Qiang"]}
    # an abbreviation counts in capitals only: "hkma" is not the HKMA ...
    assert pairs(one("金管局", "the hkma said", terms, metric="glossary")) == [("金管局", 1, 0, 0.0)]
    assert pairs(one("金管局", "the HKMA said", terms, metric="glossary")) == [("金管局", 1, 1, 1.0)]
    # ... while a name in the wrong case is still that name (the checker calls it a case slip)
    assert pairs(one("李强", "He met li qiang.", terms, metric="glossary")) == [("李强", 1, 1, 1.0)]


def test_glossary_metric_reference_filter_uses_the_same_matching():
    terms = {"知识产权": ["IP"]}
    assert pairs(one("知识产权", "IP", terms, "relationship", metric="glossary")) == []
    assert pairs(one("知识产权", "none", terms, "the IP office", metric="glossary")) == [("知识产权", 1, 0, 0.0)]


def test_glossary_metric_with_the_table(g):
    term = g.lookup("李强")
    assert term is not None
    s = score([Document("李强说，李强", f"{term.en} said")], g)
    got = [t for t in s.pairs if t.zh == term.zh]
    assert [(t.expected, t.found, t.score) for t in got] == [(2, 1, 0.5)]


def test_forbidden_forms_are_renderings_but_not_found():
    g = Glossary([Term(id="ce5", zh="嫦娥五号", en="Chang'e-5", forbidden=("Change-5",))])
    s = score([Document("嫦娥五号和嫦娥五号", "Chang'e-5 and Change-5")], g)
    (t,) = s.pairs
    assert (t.expected, t.found, t.score) == (2, 1, 0.5)
    assert dict(t.renderings) == {"Chang'e-5": 1, "Change-5": 1}
    assert t.consistency == 0.5


def _by_zh(s: Score) -> dict[str, tuple[int, int, float, float | None]]:
    return {t.zh: (t.expected, t.found, t.score, t.consistency) for t in s.pairs}


def test_series_members_without_a_row_are_scored(g):
    # 嫦娥五号 is a member of the 嫦娥 series, not a row of the table
    assert "嫦娥五号" not in {t.zh for t in g}
    got = _by_zh(score([Document("嫦娥五号返回。", "Chang'e-5 returned.")], g))
    assert got["嫦娥五号"] == (1, 1, 1.0, None)


def test_a_row_found_again_as_a_series_member_counts_once(g):
    got = _by_zh(score([Document("神舟十三号返回。神舟十三号着陆。", "Shenzhou-13 returned.")], g))
    assert got["神舟十三号"] == (2, 1, 0.5, None)


def test_a_member_with_a_letter_suffix_is_not_the_member_without_it(g):
    got = _by_zh(score([Document("长征五号发射，长征五号成功。", "The Long March 5B launched.")], g))
    assert got["长征五号"] == (2, 0, 0.0, None)


def test_nested_terms_follow_the_chinese_form_the_source_matched(g):
    # 中国 is inside the variant 中国空间站, not inside 天宫空间站
    got = _by_zh(score([Document("天宫空间站很大。", "The Tiangong space station is big.")], g))
    assert "中国" not in got
    # the alias Tiangong inside "Tiangong space station" is the same rendering, not a second one
    assert got["天宫空间站"] == (1, 1, 1.0, None)


def test_a_nested_term_is_expected_only_where_the_translation_shows_it():
    terms = {"香港金融管理局": ["Hong Kong Monetary Authority", "HKMA"], "金融管理局": ["Monetary Authority"]}
    assert pairs(one("香港金融管理局说", "The HKMA said.", terms, metric="glossary")) == [("香港金融管理局", 1, 1, 1.0)]
    assert pairs(one("香港金融管理局与香港金融管理局", "The Hong Kong Monetary Authority and the HKMA", terms,
                     metric="glossary")) == [("香港金融管理局", 2, 2, 1.0), ("金融管理局", 1, 1, 1.0)]
    # a standalone miss is not hidden by the rendering inside the longer term
    assert pairs(one("香港金融管理局与金融管理局", "The Hong Kong Monetary Authority and the regulator", terms,
                     metric="glossary")) == [("香港金融管理局", 1, 1, 1.0), ("金融管理局", 2, 1, 0.5)]


def test_glossary_of_is_built_once_per_dictionary_and_skips_empty_entries():
    a = glossary_of({"金管局": ["HKMA", " HKMA", "Monetary Authority"], "空": ["  "], "SWIFT": ["SWIFT"]})
    assert a is glossary_of({"金管局": ["HKMA", " HKMA", "Monetary Authority"], "空": ["  "], "SWIFT": ["SWIFT"]})
    assert [(t.zh, t.en, t.aliases, t.verbatim) for t in a] == [
        ("金管局", "HKMA", ("Monetary Authority",), False), ("SWIFT", "SWIFT", (), True)]


# ---------------------------------------------------------------- consistency

def test_consistency_per_pair_and_per_system():
    terms = {"金管局": ["HKMA", "Monetary Authority"], "银行": ["bank"]}
    docs = [Document("金管局，金管局，金管局，银行", "HKMA, HKMA, the Monetary Authority, a bank", terms=terms),
            # separators, case and inflection folded: one rendering
            Document("金管局，金管局", "the monetary authority and the Monetary Authority", terms=terms),
            Document("银行，银行", "a bank and two banks", terms=terms)]
    for metric in ("wmt25", "glossary"):
        s = score(docs, metric=metric)
        by = {(d.index, t.zh): t.consistency for d in s.documents for t in d.terms}
        assert by[(0, "金管局")] == pytest.approx(2 / 3)
        assert by[(0, "银行")] is None  # one rendering: nothing to be consistent with
        assert by[(1, "金管局")] == 1.0
        assert s.consistency == pytest.approx((2 / 3 + 1 + 1) / 3)


def test_by_term_orders_the_most_missed_first():
    terms = {"金管局": ["HKMA"], "银行": ["bank"]}
    docs = [Document("金管局与银行", "the bank", terms=terms), Document("金管局", "nothing", terms=terms)]
    (first, second) = score(docs, metric="wmt25").by_term()
    assert (first.zh, first.documents, first.missed, first.rate) == ("金管局", 2, 2, 0.0)
    assert (second.zh, second.missed, second.rate) == ("银行", 0, 1.0)


# ---------------------------------------------------------------- the shared WMT25 data

def _year(year: int, metric: str, filt: bool) -> Score:
    path = WMT25 / f"full_data_{year}.jsonl"
    docs = pair(str(path), read_side(path), str(path), read_side(path))
    return score(docs, metric=metric, reference_filter=filt)


@pytest.mark.skipif(not WMT25.is_dir(), reason="../shared/eval/wmt25-terminology-track2-zhen is absent")
@pytest.mark.parametrize("year,filtered,unfiltered", [(2016, 0.9544, 0.8565), (2024, 0.9645, 0.8645)])
def test_wmt25_reference_figures(year, filtered, unfiltered):
    s = _year(year, "wmt25", True)
    assert round(s.rate, 4) == filtered
    assert round(_year(year, "wmt25", False).rate, 4) == unfiltered
    assert len(s.documents) == (10 if year == 2016 else 13)


@pytest.mark.skipif(not WMT25.is_dir(), reason="../shared/eval/wmt25-terminology-track2-zhen is absent")
@pytest.mark.parametrize("year,filtered,pairs_on,unfiltered,pairs_off,consistency", [
    (2016, 0.9659, 732, 0.9255, 764, 0.8993),
    (2024, 0.9782, 1238, 0.9330, 1298, 0.8997),
])
def test_glossary_metric_reference_figures(year, filtered, pairs_on, unfiltered, pairs_off, consistency):
    # the figures of docs/score.md ("The two metrics side by side")
    on, off = _year(year, "glossary", True), _year(year, "glossary", False)
    assert (round(on.rate, 4), len(on.pairs)) == (filtered, pairs_on)
    assert (round(off.rate, 4), len(off.pairs)) == (unfiltered, pairs_off)
    assert round(on.consistency, 4) == round(off.consistency, 4) == consistency
