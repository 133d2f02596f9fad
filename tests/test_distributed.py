"""check_pairs on Dask's local scheduler: the same findings as a plain loop."""

from __future__ import annotations

import pickle

import pytest

import glossary
from glossary.automata import automata_of

PAIRS = [
    ("王亚平在中国航天员中心训练。", "Wang Yaping trains at the Astronaut Center of China."),
    ("天问三号将从火星带回样品。", "The probe will bring samples back from Mars."),
    ("李强出席了开幕会。", "Li Qiang attended the opening meeting."),
    ("容易表示，长征十号进展顺利。", "Rong Yi said the Long March 10 is on track."),
    ("杨利伟参观了文昌。", "Astronaut Yang Liwei visited Wenchang."),
    ("千帆星座已发射新卫星。", "The Qian Fan constellation has launched new satellites."),
] * 5


def test_glossary_pickles_without_its_automata(g):
    automata_of(g).en  # built here …
    again = pickle.loads(pickle.dumps(g))
    assert again == g
    assert "automata" not in again.__dict__  # … and rebuilt on first use there
    assert [m.text for m in glossary.find_terms("Tianjin (天津)", again)] == ["Tianjin", "天津"]


def test_dask_bag_gives_the_same_findings_as_a_loop(g):
    dask = pytest.importorskip("dask")
    import dask.bag as db

    from glossary.distributed import check_bag, check_documents_bag

    expected = []
    for i, (s, t) in enumerate(PAIRS):
        expected += [(i, f.rule, f.found, f.side) for f in glossary.check_pair(s, t, g)]
    assert any(rule == "missing-translation" for _, rule, _, _ in expected)

    bag = db.from_sequence([(i, s, t) for i, (s, t) in enumerate(PAIRS)], npartitions=4)
    with dask.config.set(scheduler="processes", num_workers=2):
        found = check_bag(bag, g).compute()
    assert sorted((f.segment, f.rule, f.found, f.side) for f in found) == sorted(expected)

    documents = db.from_sequence([("doc-a", PAIRS[:6]), ("doc-b", PAIRS[6:9])], npartitions=2)
    with dask.config.set(scheduler="processes", num_workers=2):
        by_doc = check_documents_bag(documents, g).compute()
    assert {key for key, _ in by_doc} == {"doc-a", "doc-b"}
    assert [f for key, f in by_doc if key == "doc-b"] == glossary.check_pairs(PAIRS[6:9], g)
