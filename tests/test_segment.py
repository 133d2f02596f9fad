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


def test_glossary_words_read_lazily_answer_as_the_table_built_at_once():
    """A cached glossary's words jieba lacks (GlossaryWords, read from the automaton) are the built table's."""
    from glossary.segment import GlossaryWords

    g = glossary.Glossary(glossary.load().terms)  # the bundled table, its tokenizer unused (it fills in -1s)
    a = automata_of(g)
    eager = a.zh_words
    lazy = GlossaryWords(a.zh, a.jieba_freq)
    probes = set(eager) | {k[:i] for k in a.zh_keys for i in range(1, len(k) + 1)} | {"天天", "垣信卫", "不是词"}
    assert len(eager) > 100
    freq = a.jieba_freq
    for word in sorted(probes):
        # The lazy table also answers 0 for a prefix of a word jieba has; jieba's own table answers for it
        # first (it holds every prefix of its words), so the two read alike wherever they are read.
        if word in freq and word not in eager:
            assert lazy.get(word) in (0, None), word
            continue
        assert (word in lazy) == (word in eager), word
        assert lazy.get(word) == eager.get(word), word
        assert (lazy.lookup(word) is None) == (word not in eager), word
