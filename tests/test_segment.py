"""jieba is used without touching its global state, and loaded once per process."""

from __future__ import annotations

import subprocess
import sys

import glossary
from glossary.automata import automata_of


def test_checking_never_touches_jiebas_global_dictionary():
    code = (
        "import jieba, glossary\n"
        "g = glossary.Glossary([glossary.Term(id='a', zh='垣信星座', en='Yuanxin Constellation', category='constellation')])\n"
        "print([m.text for m in glossary.find_terms('他们建设垣信星座和千帆星座。', g)])\n"
        "glossary.check_pair('张若尘表示，垣信星座进展顺利。', 'Zhang Ruochen said it is on track.', g)\n"
        "print(jieba.dt.initialized, len(jieba.dt.FREQ))\n"
        "print(jieba.lcut('垣信星座'))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0] == "['垣信星座']"
    assert out[1] == "False 0"  # the global tokenizer was never even loaded by the library
    assert out[2] != "['垣信星座']"  # and jieba itself does not know the glossary's word


def test_the_base_dictionary_is_loaded_once_for_many_glossaries():
    from glossary.segment import base_tokenizer

    first = base_tokenizer()
    for i in range(3):
        g = glossary.Glossary([glossary.Term(id=f"t{i}", zh=f"王林{i}号", en=f"Wang Lin {i}")])
        glossary.find_terms("王林业务和王林0号", g)
        assert automata_of(g).tokenizer.base_freq is first.FREQ  # shared, not copied
    assert base_tokenizer() is first
