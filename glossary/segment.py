"""jieba word segmentation without touching jieba's global state.

jieba's dictionary is loaded once per process into a private
``jieba.Tokenizer`` (never ``jieba.dt``), lazily on first use. Glossary-aware
segmentation layers a glossary's own words over that dictionary without
copying or modifying it.
"""

from __future__ import annotations

import logging
import threading
from collections import ChainMap
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import jieba

__all__ = ["base_tokenizer", "cut", "overlay_tokenizer", "pos_cut"]

_lock = threading.Lock()


@lru_cache(maxsize=1)
def base_tokenizer() -> "jieba.Tokenizer":
    """The process-wide private tokenizer with jieba's own dictionary."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    with _lock:
        tk.initialize()
    return tk


def cut(text: str, *, hmm: bool = True) -> list[str]:
    """Segment ``text`` into words with jieba's own dictionary.

    >>> cut("长江三角洲")
    ['长江三角洲']
    """
    return list(base_tokenizer().cut(text, HMM=hmm))


def overlay_tokenizer(words: Mapping[str, int] | Iterable[str]) -> "jieba.Tokenizer":
    """A tokenizer that also knows ``words``, sharing the base dictionary.

    The base dictionary is neither copied nor modified: the overlay's
    frequency table is a ``ChainMap`` of the extra words over it.
    """
    import jieba

    base = base_tokenizer()
    extra: dict[str, int] = {}
    if isinstance(words, Mapping):
        items: Iterable[tuple[str, int]] = words.items()
    else:
        items = ((w, 0) for w in words)
    for word, freq in items:
        f = freq or max(base.FREQ.get(word, 0), 10_000)
        extra[word] = f
        for i in range(1, len(word)):  # prefixes, as jieba's DAG needs
            extra.setdefault(word[:i], base.FREQ.get(word[:i], 0))
    tk: Any = jieba.Tokenizer.__new__(jieba.Tokenizer)
    tk.__dict__.update(base.__dict__)
    tk.FREQ = ChainMap(extra, base.FREQ)
    tk.total = base.total + sum(f for w, f in extra.items() if w not in base.FREQ)
    tk.user_word_tag_tab = {}
    tk.lock = threading.RLock()
    return tk


@lru_cache(maxsize=1)
def _pos_tokenizer() -> Any:
    import jieba.posseg

    return jieba.posseg.POSTokenizer(base_tokenizer())


def pos_cut(text: str) -> list[tuple[str, str]]:
    """Words with jieba's part-of-speech tags (nr person, ns place, nt organization …).

    >>> ("杨利伟", "nr") in pos_cut("杨利伟说")
    True
    """
    return [(p.word, p.flag) for p in _pos_tokenizer().cut(text)]
