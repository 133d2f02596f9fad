"""glossary.posseg tags words as jieba.posseg does, without importing it (which reads every tag of the dictionary)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EVAL

from glossary.segment import pos_cut

#: Sentences of our own with names the dictionary lacks (the HMM's work), numbers, Latin, spaces and signs.
OWN = [
    "杨利伟说天宫空间站在轨运行",
    "王亚平和叶光富在2021年进入太空，神舟十三号乘组返回。",
    "垣信卫星的千帆星座计划部署1.5万颗卫星 (Qianfan)，C++ & Python_3 也行。",
    "嫦娥六号从月球背面采样返回，张若尘、欧阳子轩和司马迁都说好。",
    "  \r\n\t长征八号甲遥三运载火箭在海南商业航天发射场点火升空！？",
    "ABC电视台报道：2025年3月4日，全国人大三次会议在京开幕。",
    "阿斯塔纳、莫斯科和约翰内斯堡的代表出席了会议",
    "",
    "。。。",
    "abc",
]


def _jieba_posseg(texts: list[str]) -> list[list[tuple[str, str]]]:
    """jieba.posseg's own tags over our tokenizer's dictionary, in a fresh process (the import is global)."""
    code = (
        "import json, sys, jieba.posseg\n"
        "from glossary.segment import base_tokenizer\n"
        "pos = jieba.posseg.POSTokenizer(base_tokenizer())\n"
        "texts = json.load(sys.stdin)\n"
        "print(json.dumps([[(p.word, p.flag) for p in pos.cut(t)] for t in texts], ensure_ascii=False))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True, text=True,
                         check=True).stdout
    return [[tuple(p) for p in row] for row in json.loads(out)]


def test_own_sentences_as_jieba_tags_them():
    assert [pos_cut(t) for t in OWN] == _jieba_posseg(OWN)


def test_real_text_as_jieba_tags_it():
    pairs, news = EVAL / "realnews-zhen" / "pairs.jsonl", EVAL / "wmt23-general-zhen" / "derived_news_slice_L488-1250.zh"
    if not pairs.is_file() or not news.is_file():
        pytest.skip(f"{pairs} or {news} is absent")
    texts = [json.loads(line)["zh"] for line in pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += news.read_text(encoding="utf-8").splitlines()[:400]
    assert len(texts) > 500
    assert [pos_cut(t) for t in texts] == _jieba_posseg(texts)


def test_jieba_posseg_is_not_imported():
    code = ("import sys\nfrom glossary.segment import pos_cut\n"
            "assert pos_cut('杨利伟说')[0] == ('杨利伟', 'nr')\nprint('jieba.posseg' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_uses_jiebas_own_module_when_already_imported():
    code = ("import jieba.posseg\nfrom glossary import posseg\nfrom glossary.segment import pos_cut\n"
            "assert pos_cut('杨利伟说')[0] == ('杨利伟', 'nr')\n"
            "print(posseg._model()[0] is jieba.posseg.viterbi)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"
