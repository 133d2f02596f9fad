"""glossary.compiled: the on-disk cache of a validated table and its automata."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import glossary
from glossary import compiled
from glossary.automata import automata_of
from glossary.match import find_terms

TABLE = "zh,en,aliases\n李强,Li Qiang,Premier Li\n王林,Wang Lin,\n天宫,Tiangong,\n"
TEXT = "Premier Li met Wang Lin at Tiangong. 李强"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "terms.csv"
    path.write_text(TABLE, encoding="utf-8")
    return path


def found(g):
    return [(m.text, m.term.id, m.form) for m in find_terms(TEXT, g)]


def test_filled_once_then_read(cache, table):
    fresh = compiled.load(table)
    [file] = list(cache.glob("*.pickle"))  # (the folder may hold jieba-tables.bin too: glossary.jieba_tables)
    again = compiled.load(table)
    assert type(automata_of(again)).__name__ == "_Saved"  # from the file, not rebuilt
    assert again == fresh == glossary.load(table) and again.path == str(table)
    assert found(again) == found(fresh) == [("Premier Li", "li-qiang", "alias"), ("Wang Lin", "wang-lin", "en"),
                                              ("Tiangong", "tiangong", "en"), ("李强", "li-qiang", "zh")]
    assert again["li-qiang"].pinyin == "Lǐ Qiáng" and again["li-qiang"].line == 2
    assert again.lookup("李強") is again["li-qiang"] and again.lookup_en("premier li") is again["li-qiang"]
    assert list(cache.glob("*.pickle")) == [file]


def test_no_cache_writes_nothing(cache, table):
    compiled.load(table, cache=False)
    assert not cache.exists()


def test_edited_file_is_a_miss(cache, table):
    compiled.load(table)
    table.write_text(TABLE.replace("Wang Lin", "Wang Linn"), encoding="utf-8")
    assert compiled.load(table).lookup("王林").en == "Wang Linn"
    assert len(list(cache.glob("*.pickle"))) == 2


@pytest.mark.parametrize("damage", ["truncate", "garbage", "flip", "empty"])
def test_damaged_cache_is_rebuilt(cache, table, damage):
    expected = found(compiled.load(table))
    [file] = list(cache.glob("*.pickle"))
    data = file.read_bytes()
    file.write_bytes({"truncate": data[: len(data) // 2], "garbage": os.urandom(len(data)),
                      "flip": data[:-40] + bytes(b ^ 0xFF for b in data[-40:]), "empty": b""}[damage])
    g = compiled.load(table)
    assert found(g) == expected
    assert compiled.load(table, cache=False) == g


def test_stale_version_is_rebuilt(cache, table, monkeypatch):
    compiled.load(table)
    [file] = list(cache.glob("*.pickle"))
    monkeypatch.setattr(glossary, "__version__", "999.0")
    g = compiled.load(table)
    assert type(automata_of(g)).__name__ == "Automata"  # a new key: rebuilt
    assert len(list(cache.glob("*.pickle"))) == 2 and file.exists()


def test_unwritable_cache_folder_is_no_error(tmp_path, table, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("GLOSSARY_CACHE_DIR", str(blocker / "cache"))
    assert compiled.load(table).lookup("李强").en == "Li Qiang"


def test_bad_table_is_not_cached(cache, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("zh,en\n李强,\n", encoding="utf-8")
    with pytest.raises(glossary.GlossaryError, match="bad.csv:2: empty en"):
        compiled.load(bad)
    assert not cache.exists() or not list(cache.glob("*.pickle"))


@pytest.mark.slow
def test_two_processes_fill_at_once(cache, table):
    code = ("import sys, glossary.compiled as c; g = c.load(sys.argv[1]); "
            "from glossary.match import find_terms; print(len(find_terms(sys.argv[2], g)))")
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(cache)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(table), TEXT], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env, cwd=Path(__file__).parent.parent)
             for _ in range(4)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], results
    assert [out for out, _ in results] == ["4\n"] * 4
    assert len([f for f in cache.iterdir() if f.suffix == ".pickle"]) == 1
    assert not [f for f in cache.iterdir() if f.name.endswith(".tmp")]


def test_cli_no_cache(cache, table, tmp_path, capsys):
    text = tmp_path / "a.md"
    text.write_text("Premier Li spoke.\n", encoding="utf-8")
    from glossary.cli import main

    assert main(["check", "--no-cache", "--glossary", str(table), str(text)]) == 0
    assert not cache.exists()
    assert main(["check", "--glossary", str(table), str(text)]) == 0
    assert len(list(cache.glob("*.pickle"))) == 1


class _RunsCode:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_cache_file_cannot_run_code(cache, table, tmp_path):
    import pickle

    compiled.load(table)
    [file] = list(cache.glob("*.pickle"))
    marker = tmp_path / "ran"
    file.write_bytes(pickle.dumps({"magic": compiled._MAGIC, "code": _RunsCode(marker)}))
    assert compiled.load(table).lookup("李强").en == "Li Qiang"
    assert not marker.exists()


def test_automata_values_read_back_as_built(cache, table):
    """The automata hold numbers; the values they stand for come back from the cache as they were built."""
    table.write_text("zh,en,aliases,series\n李强,Li Qiang,Premier Li,\n王林,Wang Lin,,\n长征,Long March,,Long March {n}\n",
                     encoding="utf-8")
    built = automata_of(compiled.load(table))
    saved = automata_of(compiled.load(table))
    assert type(saved).__name__ == "_Saved"
    for a in (built, saved):
        a.en, a.zh  # noqa: B018
    assert sorted(saved.en.keys()) == sorted(built.en.keys())
    for key in built.en.keys():
        k_built, k_saved = built.en.get(key), saved.en.get(key)
        assert saved.en_values[k_saved] == built.en_values[k_built]
    for key in built.zh.keys():
        assert saved.zh_values[saved.zh.get(key)] == built.zh_values[built.zh.get(key)]
    assert saved.en_series.keys() == built.en_series.keys() == {"longmarch"}
    text = "Long March 5 and Premier Li; 长征五号与李强"
    assert [(m.text, m.term.id, m.form) for m in find_terms(text, compiled.load(table))] == \
        [(m.text, m.term.id, m.form) for m in find_terms(text, compiled.load(table, cache=False))]


def test_terms_built_on_first_need_are_the_same_objects(cache, table):
    """A cached glossary builds a term when a scan or a lookup meets it; reading all the terms later
    gives those very objects, and everything equals the glossary read from the file."""
    compiled.load(table)
    g = compiled.load(table)
    fresh = compiled.load(table, cache=False)
    assert len(g) == 3 and "wang-lin" in g and "nobody" not in g
    met = [m.term for m in find_terms(TEXT, g)]
    looked = g.lookup("天宫")
    assert g.lookup_en("premier li") is g["li-qiang"]
    assert all(any(t is m for t in g.terms) for m in met) and any(t is looked for t in g.terms)
    assert g.terms == fresh.terms and g == fresh
    assert found(g) == found(fresh)


def test_saved_chinese_keys_and_ids_read_back_as_built(cache, table):
    """The Chinese keys come back through the saved automaton, the ids through a saved sorted map."""
    table.write_text("zh,en,zh_variants\n李强,Li Qiang,\n王林,Wang Lin,\n天宫二号,Tiangong-2,天宫2号\n",
                     encoding="utf-8")
    built = automata_of(compiled.load(table))
    g = compiled.load(table)
    saved = automata_of(g)
    assert type(saved).__name__ == "_Saved"
    assert dict(saved.zh_keys) == dict(built.zh_keys) and "天宫2号" in saved.zh_keys and "长征" not in saved.zh_keys
    for attr in ("has_models", "shortest_key", "zh_run_chars"):
        assert getattr(saved, attr) == getattr(built, attr)
    assert built.zh_run_chars == "2"
    assert type(g._lazy.id_index).__name__ == "SortedMap" and g["wang-lin"].zh == "王林" and "nobody" not in g


@pytest.mark.parametrize("part", ["terms", "ids", "en", "zh", "by_zh", "by_en", "by_en_key"])
def test_each_damaged_part_is_rebuilt(cache, table, part):
    """A part that fails its check is built from the terms (the file's header says where each part lies)."""
    import io
    import pickle

    fresh = compiled.load(table, cache=False)
    compiled.load(table)
    [file] = list(cache.glob("*.pickle"))
    data = bytearray(file.read_bytes())
    stream = io.BytesIO(bytes(data))
    header = pickle.load(stream)
    at = stream.tell()
    for name, size, _ in header["parts"]:
        if name == part:
            data[at + size // 2] ^= 0xFF
            break
        at += size
    else:
        pytest.fail(f"no part {part}")
    file.write_bytes(bytes(data))
    g = compiled.load(table)
    assert found(g) == found(fresh)
    assert g.lookup("王林") == fresh.lookup("王林") and g.lookup_en("premier li").id == "li-qiang"
    assert g["tiangong"] == fresh["tiangong"] and g == fresh


def test_a_table_with_a_lone_surrogate_is_cached(cache, tmp_path):
    import json

    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"zh": "北京", "en": "Beijing", "aliases": ["Pe\udc00king"]}]), encoding="utf-8")
    fresh = compiled.load(path)
    again = compiled.load(path)
    assert type(automata_of(again)).__name__ == "_Saved"
    assert again == fresh and again.lookup_en("Pe\udc00king").en == "Beijing"
