"""jieba word segmentation without touching jieba's global state.

jieba's dictionary is loaded once per process into a private
``jieba.Tokenizer`` (never ``jieba.dt``), lazily on first use. Glossary-aware
segmentation layers a glossary's own words over that dictionary without
copying or modifying it.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import posseg
from .jieba_tables import Tables, read_tables

if TYPE_CHECKING:  # pragma: no cover
    import jieba

__all__ = ["GlossaryWords", "base_tokenizer", "cut", "overlay_class", "pos_cut", "word_tag"]

_lock = threading.Lock()


@lru_cache(maxsize=1)
def _base() -> tuple["jieba.Tokenizer", Tables]:
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    with _lock:
        tables = read_tables(jieba, tk)
    tk.FREQ, tk.total = tables.freq, tables.total
    tk.initialized = True
    return tk, tables


def base_tokenizer() -> "jieba.Tokenizer":
    """The process-wide private tokenizer with jieba's own dictionary."""
    return _base()[0]


def word_tag(word: str) -> str | None:
    """jieba's part-of-speech tag of a word of its dictionary (``ns`` place, ``nr`` person …), else None.

    >>> word_tag("上海市"), word_tag("上海市区的")
    ('ns', None)
    """
    return _base()[1].tag(word)


def cut(text: str, *, hmm: bool = True) -> list[str]:
    """Segment ``text`` into words with jieba's own dictionary.

    >>> cut("长江三角洲")
    ['长江三角洲']
    """
    return list(base_tokenizer().cut(text, HMM=hmm))


@lru_cache(maxsize=1)
def overlay_class() -> type:
    """A jieba tokenizer class that also knows a glossary's words, sharing the
    base dictionary without copying or modifying it: build one with
    ``overlay_class()(base_tokenizer(), table)``, where ``table`` holds the
    extra words (-1: work the frequency out when a route first needs it) and
    all their prefixes (0), as jieba's DAG requires.

    >>> tk = overlay_class()(base_tokenizer(), {"垣信": -1, "垣": 0})
    >>> list(tk.cut("垣信卫星", HMM=False)), cut("垣信卫星", hmm=False)
    (['垣信', '卫星'], ['垣', '信', '卫星'])
    """
    import jieba

    class OverlayTokenizer(jieba.Tokenizer):  # type: ignore[misc]
        """jieba's tokenizer over two frequency tables: the glossary's, then jieba's."""

        def __init__(self, base: Any, extra: dict[str, Any]) -> None:
            self.__dict__.update(base.__dict__)
            self.base = base
            self.extra = extra
            self.look = getattr(extra, "lookup", extra.get)  # (C-speed for GlossaryWords' memo)
            self.user_word_tag_tab: dict[str, str] = {}
            self.lock = threading.RLock()

        @property
        def base_freq(self) -> Any:
            """The base tokenizer's table as it is now (a SortedMap becomes a dict after many lookups)."""
            return self.base.FREQ

        def _freq(self, word: str) -> int:
            f = self.look(word)
            if f is None:
                return self.base_freq.get(word) or 0
            if f < 0:  # a glossary word: just enough to beat its own split
                f = self.extra[word] = _suggest_freq(self.base_freq, self.total, word)
            return f or self.base_freq.get(word) or 0

        def get_DAG(self, sentence: str) -> dict[int, list[int]]:
            base, extra = self.base_freq, self.look
            dag: dict[int, list[int]] = {}
            n = len(sentence)
            for k in range(n):
                ends = []
                i = k
                frag = sentence[k]
                while i < n and (frag in base or extra(frag) is not None):  # a word starts so
                    if base.get(frag) or extra(frag):
                        ends.append(i)
                    i += 1
                    frag = sentence[k:i + 1]
                dag[k] = ends or [k]
            return dag

        def calc(self, sentence: str, DAG: dict[int, list[int]], route: dict[int, tuple[float, int]]) -> None:
            n = len(sentence)
            route[n] = (0.0, 0)
            logtotal = math.log(self.total)
            freq = self._freq
            for idx in range(n - 1, -1, -1):
                route[idx] = max(
                    (math.log(freq(sentence[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x) for x in DAG[idx]
                )

    return OverlayTokenizer


class GlossaryWords(dict[str, "int | None"]):
    """A glossary's Chinese words that jieba lacks (-1 until :func:`overlay_class`'s
    tokenizer works their frequency out) and every prefix of its words (0), as
    that tokenizer reads them: ``get(word)``, None for any other string.

    Each answer is read from the glossary's Chinese automaton (which holds
    its folded forms) on first need and kept, so that nothing is built per
    term when a table is loaded.
    """

    _LIMIT = 1 << 20  # answers kept before they are dropped (worked out again on need)

    def __init__(self, automaton: Any, freq: Mapping[str, int]) -> None:
        super().__init__()
        self.automaton, self.freq = automaton, freq

    #: ``lookup(word)``: the answer, None for no word (dict's own subscript, which asks
    #: :meth:`__missing__` only the first time).
    lookup = dict.__getitem__

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        value = self[word]
        return default if value is None else value

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self[word] is not None

    def __missing__(self, word: str) -> int | None:
        auto = self.automaton
        if len(word) > 1 and auto.exists(word) and not self.freq.get(word):
            value: int | None = -1  # a word of the glossary; also when it is the prefix of another
        elif auto.match(word):
            value = 0  # the prefix of a word (jieba's table holds its own words' prefixes)
        else:
            value = None
        if len(self) > self._LIMIT:
            self.clear()
        self[word] = value
        return value


def _suggest_freq(freq: Mapping[str, int], total: int, word: str) -> int:
    """The smallest frequency that keeps ``word`` whole, as jieba's
    ``suggest_freq`` works it out, from the base dictionary's own split."""
    p = 1.0
    for seg in base_tokenizer().cut(word, HMM=False):
        p *= (freq.get(seg) or 1) / total
    return max(int(p * total) + 1, 1)


def pos_cut(text: str) -> list[tuple[str, str]]:
    """Words with jieba's part-of-speech tags (nr person, ns place, nt organization …).

    >>> ("杨利伟", "nr") in pos_cut("杨利伟说")
    True
    """
    return posseg.pos_cut(text, base_tokenizer(), word_tag)
