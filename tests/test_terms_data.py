"""The bundled table: every name of the article, its English and its pinyin."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

import glossary

from glossary.model import CATEGORIES
from glossary.pinyin import is_pinyin, romanize
from glossary.table import check_terms

# zh, preferred English, a second accepted form (or ""), pinyin
ARTICLE = [
    ("两会", "Two Sessions", "", "Liǎnghuì"),
    ("北京", "Beijing", "", "Běijīng"),
    ("中国人民政治协商会议", "Chinese People's Political Consultative Conference", "CPPCC", "Zhōngguó Rénmín Zhèngzhì Xiéshāng Huìyì"),
    ("中华人民共和国全国人民代表大会", "National People's Congress", "NPC", "Zhōnghuá Rénmín Gònghéguó Quánguó Rénmín Dàibiǎo Dàhuì"),
    ("李强", "Li Qiang", "", "Lǐ Qiáng"),
    ("刘争", "Liu Zheng", "", "Liú Zhēng"),
    ("人民大会堂", "Great Hall of the People", "", "Rénmín Dàhuìtáng"),
    ("阴和俊", "Yin Hejun", "", "Yīn Héjùn"),
    ("上海垣信卫星科技有限公司", "Shanghai Spacesail Technologies Co Ltd", "Shanghai Spacesail Technologies", "Shànghǎi Yuánxìn Wèixīng Kējì Yǒuxiàn Gōngsī"),
    ("千帆", "Qianfan", "", "Qiānfān"),
    ("张琦", "Zhang Qi", "", "Zhāng Qí"),
    ("上海证券报", "Shanghai Securities News", "", "Shànghǎi Zhèngquàn Bào"),
    ("刘继忠", "Liu Jizhong", "", "Liú Jìzhōng"),
    ("中国航天报", "China Space News", "", "Zhōngguó Hángtiān Bào"),
    ("王巍", "Wang Wei", "", "Wáng Wēi"),
    ("杨利伟", "Yang Liwei", "", "Yáng Lìwěi"),
    ("香港", "Hong Kong", "", "Xiānggǎng"),
    ("澳门", "Macao", "", "Àomén"),
    ("容易", "Rong Yi", "", "Róng Yì"),
    ("姜杰", "Jiang Jie", "", "Jiāng Jié"),
    ("领航者", "Linghangzhe", "", "Lǐnghángzhě"),
    ("王亚平", "Wang Yaping", "", "Wáng Yàpíng"),
    ("中国航天员中心", "Astronaut Center of China", "", "Zhōngguó Hángtiānyuán Zhōngxīn"),
    ("王坚", "Wang Jian", "", "Wáng Jiān"),
    ("徐立平", "Xu Liping", "", "Xú Lìpíng"),
    ("李林", "Li Lin", "", "Lǐ Lín"),
    ("王林", "Wang Lin", "", "Wáng Lín"),
    ("侯景滨", "Hou Jingbin", "", "Hóu Jǐngbīn"),
    ("赵小津", "Zhao Xiaojin", "", "Zhào Xiǎojīn"),
    ("王润福", "Wang Runfu", "", "Wáng Rùnfú"),
    ("深空探测实验室", "Deep Space Exploration Laboratory", "", "Shēnkōng Tàncè Shíyànshì"),
    ("天津", "Tianjin", "", "Tiānjīn"),
    ("河北", "Hebei", "", "Héběi"),
    ("京津冀城市群", "Jing-Jin-Ji", "", "Jīng-Jīn-Jì Chéngshìqún"),
    ("长江三角洲", "Yangtze River Delta", "", "Chángjiāng Sānjiǎozhōu"),
    ("上海市", "Shanghai", "", "Shànghǎi Shì"),
    ("广东", "Guangdong", "", "Guǎngdōng"),
    ("粤港澳大湾区", "Guangdong-Hong Kong-Macao Greater Bay Area", "Guangdong Hong Kong Macao Greater Bay Area", "Yuè-Gǎng-Ào Dàwānqū"),
]


def test_article_has_38_names():
    assert len(ARTICLE) == 38 == len({zh for zh, *_ in ARTICLE})


@pytest.mark.parametrize("zh, en, second, pinyin", ARTICLE, ids=[a[1] for a in ARTICLE])
def test_article_name(g, zh, en, second, pinyin):
    term = g.lookup(zh)
    assert term is not None, zh
    assert term.en == en
    assert term.pinyin == pinyin
    assert term.source == "article"
    assert g.lookup_en(en) is term
    if second:
        assert second in term.aliases
        assert g.lookup_en(second) is term


def test_only_the_article_names_are_marked_article(g):
    assert {t.zh for t in g if t.source == "article"} == {zh for zh, *_ in ARTICLE}
    assert all(t.source in ("article", "reference") for t in g)


def test_every_row_is_complete(g):
    for t in g:
        assert t.category in CATEGORIES, t.id
        assert t.romanization in ("pinyin", "conventional", "translation"), t.id
        assert is_pinyin(t.pinyin), t.id
        assert t.note, t.id


@pytest.mark.parametrize("zh", ["天问二号", "天问三号", "天问四号", "长征十号甲", "长征二号F", "神舟十三号", "嫦娥", "国际月球科研站", "新华社"])
def test_reference_rows_exist(g, zh):
    term = g.lookup(zh)
    assert term is not None and term.source == "reference"


def test_pinyin_column_agrees_with_romanize(g):
    """Terms romanized as pinyin store what romanize() gives, unless the note says why not."""
    for t in g:
        if t.romanization == "pinyin":
            assert t.pinyin == romanize(t.zh, kind=t.category) or "pinyin:" in t.note, t.id
    assert check_terms(g) == []


def test_pinyin_english_is_the_toneless_pinyin(g):
    from glossary.pinyin import matches_pinyin

    for t in g:
        if t.romanization == "pinyin" and t.category == "person" and "pinyin:" not in t.note:
            assert t.en == romanize(t.zh, kind="person", tones=False), t.id
            assert matches_pinyin(t.en, t.zh)


@pytest.mark.slow
def test_wheel_ships_the_table(tmp_path):
    """Build a wheel, install it into a fresh venv, and load the bundled table there."""
    root = Path(__file__).resolve().parent.parent
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(root)],
        check=True,
    )
    (wheel,) = wheels.glob("zhen_glossary-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    # The dependencies come from this environment; the package itself only from the wheel.
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    deps = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True)
    out = subprocess.run(
        [str(py), "-c", "import glossary; g = glossary.load(); print(glossary.__file__); print(g.lookup('王亚平').en)"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    ).stdout.splitlines()
    assert out[0].startswith(site)
    assert out[1] == "Wang Yaping"


# -- issue 13: the space sector at large --------------------------------------------
KEY = Path(__file__).parent / "fixtures" / "space_names_key.csv"


def _key() -> list[dict[str, str]]:
    import csv

    with KEY.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _named(g, zh: str):
    """The term for ``zh``: its row, else the one numbered member that spans all of it."""
    term = g.lookup(zh)
    if term is not None:
        return term
    matches = glossary.find_terms(zh, g)
    assert [(m.start, m.end) for m in matches] == [(0, len(zh))], zh
    return matches[0].term


def test_space_key_has_about_a_hundred_sourced_names():
    rows = _key()
    assert len(rows) >= 100 and len({r["zh"] for r in rows}) == len(rows)
    assert all(r["ref"] for r in rows)


@pytest.mark.parametrize("row", _key(), ids=lambda r: r["en"])
def test_space_key_name_has_its_standard_english(g, row):
    assert _named(g, row["zh"]).en == row["en"]


def test_table_is_large_and_every_row_sourced(g):
    from glossary.table_lint import has_reference

    assert len(g) >= 600
    assert [t.id for t in g if not has_reference(t.note) and not has_reference(t.source)] == []


def _pair(g, zh: str, en: str) -> list[tuple[str, str]]:
    return [(f.rule, f.found) for f in glossary.check_pair(zh, en, g)]


def _text(g, en: str) -> list[tuple[str, str]]:
    return [(f.rule, f.found) for f in glossary.check_text(en, g)]


def test_shaanxi_is_not_shanxi(g):
    assert (g.lookup("陕西").en, g.lookup("山西").en) == ("Shaanxi", "Shanxi")
    assert g.lookup_en("Shanxi") is g.lookup("山西")
    assert _pair(g, "陕西的发动机厂。", "An engine plant in Shanxi.") == [("missing-translation", "陕西")]
    assert _pair(g, "陕西的发动机厂。", "An engine plant in Shaanxi.") == []
    assert _text(g, "Xi'an, the capital of Shanxi (陕西), builds engines.") == [("gloss-mismatch", "陕西")]


def test_inner_mongolia(g):
    assert g.lookup("内蒙古自治区") is g.lookup("内蒙古")
    assert g.lookup("内蒙古").en == "Inner Mongolia"
    assert _text(g, "Hohhot is the capital of Nei Mongol.") == [("variant", "Nei Mongol")]


def test_tianhe_is_not_tiangong(g):
    assert (g.lookup("天和").en, g.lookup("天宫").en) == ("Tianhe", "Tiangong space station")
    assert _pair(g, "天和核心舱对接。", "The Tianhe core module docked.") == []
    assert ("forbidden", "Tiangong core module") in _pair(g, "天和核心舱对接。", "The Tiangong core module docked.")
    assert _text(g, "Tianhe is the core module of the Tiangong space station.") == []


@pytest.mark.parametrize("zh, en", [("长征八号甲", "Long March 8A"), ("长征五号乙", "Long March 5B"),
                                    ("长征二号丙", "Long March 2C"), ("神舟二十号", "Shenzhou-20"),
                                    ("嫦娥七号", "Chang'e-7"), ("鹊桥二号", "Queqiao-2"), ("朱雀三号", "Zhuque-3")])
def test_series_members(g, zh, en):
    assert _named(g, zh).en == en
    assert _pair(g, f"{zh}发射成功。", f"{en} was launched.") == []


def test_long_march_8a_is_not_long_march_8(g):
    assert _pair(g, "长征八号甲发射。", "A Long March 8 lifted off.") == [("missing-translation", "长征八号甲")]


@pytest.mark.parametrize("wrong", ["Change-6", "Change 6", "Shenzou-20", "Shenzou 20"])
def test_common_misspellings_are_forbidden(g, wrong):
    assert _text(g, f"{wrong} made the news.") == [("forbidden", wrong)]


@pytest.mark.parametrize("spelling", ["Wenchang Space Launch Site", "Wenchang Space Launch Center",
                                      "Jiuquan Satellite Launch Center", "Taiyuan Satellite Launch Center"])
def test_launch_site_spellings_are_accepted(g, spelling):
    zh = glossary.find_terms(spelling, g)[0].term.zh
    assert _pair(g, f"{zh}发射。", f"A launch from the {spelling}.") == []


@pytest.mark.parametrize("spelling", ["Jiuquan Space Launch Center", "Xichang Satellite Launch Site",
                                      "Taiyuan Space Launch Centre"])
def test_launch_site_other_spellings_are_variants(g, spelling):
    assert _text(g, f"A launch from the {spelling}.") == [("variant", spelling)]


def test_english_words_as_names_match_only_as_names(g):
    prose = "We gained insight into gravity, a nebula, perseverance, a starship and a raptor."
    assert glossary.find_terms(prose, g) == []
    names = "Insight, Gravity-1, Nebula-1, Perseverance and Starship."
    assert [m.term.id for m in glossary.find_terms(names, g)] == ["insight-hxmt", "gravity-1", "nebula-1",
                                                                   "perseverance", "starship"]


# -- missing-translation on real news English: the rules that made the wider table trustworthy
def test_a_name_kept_by_its_distinctive_head_is_rendered(g):
    zh = "西昌卫星发射中心发射了一颗卫星。"
    assert _pair(g, zh, "A satellite was launched from Xichang.") == []
    assert _pair(g, zh, "A satellite was launched.") == [("missing-translation", "西昌卫星发射中心")]
    # "China" begins dozens of names and renders none of them
    assert _pair(g, "中国空间站在轨运行。", "China's station is in orbit.") == [("missing-translation", "中国空间站")]
    # a head inside another rendering does not count: "Shenzhou" in Shenzhou-9 is no Shenzhou-10
    assert _pair(g, "神舟九号和神舟十号", "Shenzhou-9 and the next crew") == [("missing-translation", "神舟十号")]


def test_a_place_that_only_modifies_an_unlisted_name_is_not_checked(g):
    assert _pair(g, "他在酒泉航天升空中心工作。", "He works at a launch centre.") == []
    assert _pair(g, "他去了酒泉。", "He went there.") == [("missing-translation", "酒泉")]
    assert _pair(g, "他在酒泉的中心工作。", "He works at a centre.") == [("missing-translation", "酒泉")]


def test_a_dictionary_language_label_before_a_gloss():
    found = _text(glossary.load(), "the State Council Information Office (【中】国务院新闻办公室) said")
    assert found == [("unknown-term", "国务院新闻办公室")]


@pytest.mark.parametrize(
    "query, en",
    [
        ("神舟二十号", "Shenzhou-20"),
        ("天舟九号", "Tianzhou-9"),
        ("鹊桥二号", "Queqiao-2"),
        ("Shenzhou-20", "Shenzhou-20"),
        ("Fengyun-4", "Fengyun-4"),
    ],
)
def test_lookup_finds_series_members(query, en):
    """A numbered member without a row of its own is looked up as the scan finds it."""
    g = glossary.load()
    term = g.lookup(query) if any("\u4e00" <= c <= "\u9fff" for c in query) else g.lookup_en(query)
    assert term is not None and term.en == en


@pytest.mark.parametrize("query", ["神舟二十号发射", "Shenzhou-20 crew", "Shenzou-20"])
def test_lookup_of_a_longer_text_or_a_wrong_form_finds_no_member(query):
    g = glossary.load()
    assert (g.lookup(query) if any("\u4e00" <= c <= "\u9fff" for c in query) else g.lookup_en(query)) is None
