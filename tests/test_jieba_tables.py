"""The saved copy of jieba's tables (glossary.jieba_tables) gives jieba's own frequencies and tags, or is not used."""

from __future__ import annotations

import logging

import jieba
import pytest

from glossary import jieba_tables


@pytest.fixture(scope="module")
def own_table() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


@pytest.fixture(scope="module")
def own_tags(own_table) -> dict[str, str]:
    """The tags as jieba.posseg reads them: one ``word freq tag`` line each."""
    tags = {}
    with own_table.get_dict_file() as fh:
        for line in fh:
            word, _, tag = line.strip().decode("utf-8").split(" ")
            tags[word] = tag
    return tags


def test_saved_tables_are_jiebas_own(tmp_path, monkeypatch, own_table, own_tags):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    assert jieba_tables._saved(jieba) is None  # nothing saved yet
    built = jieba_tables.read_tables(jieba, jieba.Tokenizer())  # builds and saves
    saved = jieba_tables._saved(jieba)
    assert saved is not None and saved is not built
    for tables in (built, saved):
        assert tables.total == own_table.total
        assert tables.freq == own_table.FREQ
        assert tables.words == sorted(own_table.FREQ)
        assert {w: tables.tag(w) for w in own_tags} == own_tags
        assert sum(1 for w in tables.words if tables.tag(w) is not None) == len(own_tags)
    assert saved.tag("上海市") == "ns" and saved.tag("不是一个词吧") is None and saved.tag("") is None


@pytest.fixture(scope="module")
def saved_copy(tmp_path_factory) -> bytes:
    """The bytes of a saved copy, built once."""
    folder = tmp_path_factory.mktemp("tables")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GLOSSARY_CACHE_DIR", str(folder))
        jieba_tables.read_tables(jieba, jieba.Tokenizer())
        return jieba_tables._file(jieba)[0].read_bytes()


@pytest.mark.parametrize("damage", ["truncate", "stale key", "garbage", "tag number", "total", "names size"])
def test_damaged_or_stale_copy_is_not_used(tmp_path, monkeypatch, saved_copy, damage):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    path, key = jieba_tables._file(jieba)
    path.write_bytes(saved_copy)
    assert jieba_tables._saved(jieba) is not None
    data = saved_copy
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "stale key":
        data = data.replace(key, key.replace(b"\0", b"\0x", 1), 1)
    elif damage == "garbage":
        data = b"\x00\xff" * 100
    elif damage in ("total", "names size"):  # a header field (outside the body)
        at = len(jieba_tables._MAGIC + key) + (0 if damage == "total" else 16)
        data = data[:at] + bytes([data[at] ^ 1]) + data[at + 1:]
    else:  # a tag number past the tag names
        at = len(jieba_tables._MAGIC + key)
        total, n, _, _ = jieba_tables._HEAD.unpack_from(data, at)
        at += jieba_tables._HEAD.size + 8 * n
        data = data[:at] + b"\xff" + data[at + 1:]
    path.write_bytes(data)
    assert jieba_tables._saved(jieba) is None


def test_damaged_copy_is_rebuilt(tmp_path, monkeypatch, saved_copy):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    path = jieba_tables._file(jieba)[0]
    path.write_bytes(saved_copy[: len(saved_copy) // 3])
    rebuilt = jieba_tables.read_tables(jieba, jieba.Tokenizer())  # read from jieba again, and saved again
    assert rebuilt.tag("上海市") == "ns"
    assert path.read_bytes() == saved_copy


def test_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "sub"))
    tables = jieba_tables.read_tables(jieba, jieba.Tokenizer())  # no exception
    assert tables.tag("上海市") == "ns"
    assert jieba_tables._saved(jieba) is None


def test_saved_table_becomes_jiebas_dict_after_many_lookups(tmp_path, monkeypatch, saved_copy):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    jieba_tables._file(jieba)[0].write_bytes(saved_copy)
    tk = jieba.Tokenizer()
    tables = jieba_tables.read_tables(jieba, tk)
    freq = tables.freq
    tk.FREQ, tk.total, tk.initialized = freq, tables.total, True
    before = tk.lcut("长江三角洲的卫星发射中心", HMM=False)  # jieba's own code over the sorted table
    freq._left = 3
    for _ in range(5):
        assert freq.get("卫星") and freq.get("不是一个词吧") is None
    assert type(tk.FREQ) is dict and tk.FREQ == dict(zip(tables.words, (freq[w] for w in tables.words)))
    assert freq.get("卫星") == tk.FREQ["卫星"] and "卫" in freq and freq["卫星"] > 0
    assert tk.lcut("长江三角洲的卫星发射中心", HMM=False) == before
