"""The saved copy of jieba's frequency table (glossary.segment) gives jieba's own table, or is not used."""

from __future__ import annotations

import logging

import jieba
import pytest

from glossary import segment


@pytest.fixture()
def own_table() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    return tk


def test_saved_table_is_jiebas_own(tmp_path, monkeypatch, own_table):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    assert segment._saved_freq(jieba) is None  # nothing saved yet
    segment._save_freq(jieba, own_table.FREQ, own_table.total)
    freq, total = segment._saved_freq(jieba)
    assert total == own_table.total
    assert list(freq.items()) == list(own_table.FREQ.items())  # the same dict, in the same order


@pytest.mark.parametrize("damage", ["truncate", "stale key", "garbage"])
def test_damaged_or_stale_copy_is_not_used(tmp_path, monkeypatch, own_table, damage):
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(tmp_path))
    segment._save_freq(jieba, own_table.FREQ, own_table.total)
    path, key = segment._freq_file(jieba)
    data = path.read_bytes()
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "stale key":
        data = data.replace(key, key.replace(b"\0", b"\0x", 1), 1)
    else:
        data = b"\x00\xff" * 100
    path.write_bytes(data)
    assert segment._saved_freq(jieba) is None


def test_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch, own_table):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "sub"))
    segment._save_freq(jieba, own_table.FREQ, own_table.total)  # no exception
    assert segment._saved_freq(jieba) is None
