"""Accuracy on public data (../shared/eval), read at run time; skipped when absent."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import EVAL, ROOT

WMT23 = EVAL / "wmt23-terminology-zhen" / "derived_test_clean_proper.jsonl"


def _bench(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not WMT23.is_file(), reason="../shared/eval/wmt23-terminology-zhen is absent")
def test_wmt23_missing_translation_accuracy():
    counts = _bench("accuracy_wmt23").evaluate(WMT23)
    assert counts.terms > 1500
    assert counts.false_alarm_rate < 0.01
    assert counts.delete_recall >= 0.97
    assert counts.misspell_recall >= 0.97


def test_misspell_changes_one_letter_and_never_only_case():
    m = _bench("accuracy_wmt23").misspell
    assert m("Hao Ren") != "Hao Ren"
    assert m("Hao Ren").lower() != "hao ren"
    assert sum(a != b for a, b in zip(m("Zhang Ruochen"), "Zhang Ruochen")) == 1
