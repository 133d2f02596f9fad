"""Words with jieba's part-of-speech tags, without importing ``jieba.posseg``.

Importing ``jieba.posseg`` reads the tags of jieba's whole dictionary for
jieba's global tokenizer, about a quarter of a second that a one-file check
cannot spare. Here the tags come from :mod:`glossary.jieba_tables`, the words
from the tokenizer given, and the runs of characters that no dictionary word
covers are tagged by jieba's own part-of-speech HMM: its Viterbi decoder and
its four probability tables, loaded from jieba's files without running the
package's ``__init__``. The result is the list ``jieba.posseg`` gives for the
same tokenizer (tests/test_posseg.py compares the two on real text).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["pos_cut"]

#: What jieba cuts with its dictionary (Han, ASCII letters and digits, a few signs); the rest is tagged x.
_DICT_RUN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&._]+)")
_SPACE = re.compile(r"(\r\n|\s)")
#: Inside a run the dictionary does not know: Han for the HMM; numbers (m), Latin (eng), the rest (x).
_HAN = re.compile("([\u4e00-\u9fd5]+)")
_NOT_HAN = re.compile(r"([.0-9]+|[a-zA-Z0-9]+)")
_NUMBER = re.compile(r"[.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")

Tagged = list[tuple[str, str]]


@lru_cache(maxsize=1)
def _model() -> tuple[Callable[..., Any], tuple[Any, ...]]:
    """jieba's part-of-speech Viterbi decoder and its tables (states by character, start, transition, emission)."""
    loaded: Any = sys.modules.get("jieba.posseg")
    if loaded is None:
        try:
            return _load_model()
        except Exception:  # another layout of jieba's files: its own import, at its own cost
            import jieba.posseg

            loaded = jieba.posseg
    return loaded.viterbi, (loaded.char_state_tab_P, loaded.start_P, loaded.trans_P, loaded.emit_P)


def _load_model() -> tuple[Callable[..., Any], tuple[Any, ...]]:
    import importlib.util

    import jieba

    folder = Path(jieba.__file__).with_name("posseg")

    def module(name: str) -> Any:
        spec = importlib.util.spec_from_file_location(f"glossary._jieba_posseg_{name}", folder / f"{name}.py")
        if spec is None or spec.loader is None:
            raise ImportError(name)
        loaded = importlib.util.module_from_spec(spec)  # not put in sys.modules: private to this module
        spec.loader.exec_module(loaded)
        return loaded

    decoder = module("viterbi").viterbi
    return decoder, tuple(module(name).P for name in ("char_state_tab", "prob_start", "prob_trans", "prob_emit"))


def _hmm(run: str, out: Tagged) -> None:
    """A Han run the dictionary does not know, as the HMM's words (B…E, or S alone) and their tags."""
    decoder, tables = _model()
    _, states = decoder(run, *tables)
    begin = done = 0
    for i, (position, tag) in enumerate(states):
        if position == "B":
            begin = i
        elif position in "ES":
            out.append((run[begin if position == "E" else i:i + 1], tag))
            done = i + 1
    if done < len(run):
        out.append((run[done:], states[done][1]))


def _unknown(run: str, out: Tagged) -> None:
    """Characters between dictionary words that make no word: Han by the HMM, numbers and Latin as such."""
    for i, piece in enumerate(_HAN.split(run)):
        if i % 2:
            _hmm(piece, out)
            continue
        for part in _NOT_HAN.split(piece):
            if part:
                out.append((part, "m" if _NUMBER.match(part) else "eng" if _LATIN.match(part) else "x"))


def _dict_run(run: str, tokenizer: Any, tag: Callable[[str], str | None], out: Tagged) -> None:
    """A run jieba cuts with its dictionary: its words, and the single characters between them as one stretch."""
    dag = tokenizer.get_DAG(run)
    route: dict[int, tuple[float, int]] = {}
    tokenizer.calc(run, dag, route)
    freq = tokenizer.FREQ
    stretch = ""

    def flush() -> None:
        if len(stretch) == 1 or (stretch and freq.get(stretch)):
            out.extend((c, tag(c) or "x") for c in stretch)  # one character, or a word made of them
        elif stretch:
            _unknown(stretch, out)

    x = 0
    while x < len(run):
        y = route[x][1] + 1
        if y - x == 1:
            stretch += run[x]
        else:
            flush()
            stretch = ""
            word = run[x:y]
            out.append((word, tag(word) or "x"))
        x = y
    flush()


def pos_cut(text: str, tokenizer: Any, tag: Callable[[str], str | None]) -> Tagged:
    """``text`` as (word, tag) pairs: ``tokenizer`` (a ``jieba.Tokenizer``) cuts it, ``tag`` gives a
    dictionary word's part of speech (None for a string that is no word), the HMM tags new words."""
    out: Tagged = []
    for i, block in enumerate(_DICT_RUN.split(text)):
        if i % 2:
            _dict_run(block, tokenizer, tag, out)
            continue
        for piece in _SPACE.split(block):  # spaces whole; any other character alone
            if _SPACE.match(piece):
                out.append((piece, "x"))
            else:
                out.extend((c, "x") for c in piece)
    return out
