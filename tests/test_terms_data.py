"""The bundled table: every name of the article, its English and its pinyin."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

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
