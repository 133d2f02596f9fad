"""jieba word segmentation without touching jieba's global state.

jieba's dictionary is loaded once per process into a private
``jieba.Tokenizer`` (never ``jieba.dt``), lazily on first use. Glossary-aware
segmentation layers a glossary's own words over that dictionary without
copying or modifying it.
"""

from __future__ import annotations

import array
import logging
import math
import os
import struct
import tempfile
import threading
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import jieba

__all__ = ["base_tokenizer", "cut", "overlay_class", "pos_cut"]

_lock = threading.Lock()


@lru_cache(maxsize=1)
def base_tokenizer() -> "jieba.Tokenizer":
    """The process-wide private tokenizer with jieba's own dictionary."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    with _lock:
        saved = _saved_freq(jieba)
        if saved is not None:  # what initialize() would read, from our faster copy
            tk.FREQ, tk.total = saved
            tk.initialized = True
        else:
            tk.initialize()
            _save_freq(jieba, tk.FREQ, tk.total)
    return tk


#: jieba's frequency table saved as plain columns: read back in about a third of the time
#: jieba's own cache (a marshalled dict) takes, the same dict in the same order.
_FREQ_MAGIC = b"glossary-jieba-freq-1\n"


def _freq_file(jieba: Any) -> tuple[Path, bytes]:
    from ._cachedir import cache_dir

    source = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    stat = source.stat()
    key = f"{jieba.__version__}\0{source}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()
    return cache_dir() / "jieba-freq.bin", key + b"\n"


def _saved_freq(jieba: Any) -> tuple[dict[str, int], int] | None:
    """jieba's frequency table and total from our saved copy, or None (missing, stale or damaged)."""
    try:
        path, key = _freq_file(jieba)
        data = path.read_bytes()
        head = _FREQ_MAGIC + key
        if not data.startswith(head):
            return None
        at = len(head)
        total, n = struct.unpack_from("<qq", data, at)
        at += 16
        freqs = array.array("q")
        freqs.frombytes(data[at:at + 8 * n])
        words = data[at + 8 * n:].decode("utf-8").split("\n") if n else []
        if len(freqs) != n or len(words) != n or n == 0:
            return None
        return dict(zip(words, freqs)), total
    except Exception:  # unreadable or damaged: jieba reads its own dictionary instead
        return None


def _save_freq(jieba: Any, freq: dict[str, int], total: int) -> None:
    """Save jieba's table for the next process; a cache folder that cannot be written is no error."""
    if not freq or any("\n" in w for w in freq):
        return
    try:
        path, key = _freq_file(jieba)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except Exception:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_FREQ_MAGIC + key + struct.pack("<qq", total, len(freq)))
            fh.write(array.array("q", freq.values()).tobytes())
            fh.write("\n".join(freq).encode("utf-8"))
        os.replace(tmp, path)  # atomic: a concurrent reader sees no file or the whole one
    except Exception:
        try:
            os.unlink(tmp)
        except OSError:
            pass


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

        def __init__(self, base: Any, extra: dict[str, int]) -> None:
            self.__dict__.update(base.__dict__)
            self.base_freq = base.FREQ
            self.extra = extra
            self.user_word_tag_tab: dict[str, str] = {}
            self.lock = threading.RLock()

        def _freq(self, word: str) -> int:
            f = self.extra.get(word)
            if f is None:
                return self.base_freq.get(word) or 0
            if f < 0:  # a glossary word: just enough to beat its own split
                f = self.extra[word] = _suggest_freq(self.base_freq, self.total, word)
            return f or self.base_freq.get(word) or 0

        def get_DAG(self, sentence: str) -> dict[int, list[int]]:
            base, extra = self.base_freq, self.extra
            dag: dict[int, list[int]] = {}
            n = len(sentence)
            for k in range(n):
                ends = []
                i = k
                frag = sentence[k]
                while i < n and (frag in base or frag in extra):
                    if base.get(frag) or extra.get(frag):
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


def _suggest_freq(freq: Mapping[str, int], total: int, word: str) -> int:
    """The smallest frequency that keeps ``word`` whole, as jieba's
    ``suggest_freq`` works it out, from the base dictionary's own split."""
    p = 1.0
    for seg in base_tokenizer().cut(word, HMM=False):
        p *= (freq.get(seg) or 1) / total
    return max(int(p * total) + 1, 1)


@lru_cache(maxsize=1)
def _pos_tokenizer() -> Any:
    import sys

    import jieba

    fresh = "jieba.posseg" not in sys.modules
    import jieba.posseg

    base = base_tokenizer()
    if fresh and jieba.dt.dictionary == jieba.DEFAULT_DICT == base.dictionary:
        # Importing jieba.posseg has just read the part-of-speech tags of
        # jieba's own dictionary for its global tokenizer (nothing has
        # used it yet); ours reads the same file, so take a copy of that
        # table instead of reading the file a second time.
        pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        pos.tokenizer = base
        pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
        return pos
    return jieba.posseg.POSTokenizer(base)


def pos_cut(text: str) -> list[tuple[str, str]]:
    """Words with jieba's part-of-speech tags (nr person, ns place, nt organization …).

    >>> ("杨利伟", "nr") in pos_cut("杨利伟说")
    True
    """
    return [(p.word, p.flag) for p in _pos_tokenizer().cut(text)]
