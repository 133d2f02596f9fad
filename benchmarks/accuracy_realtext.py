"""False alarms and misses of the checker on real text that nobody on the project wrote.

Reads ../shared/eval at run time (the data is never copied into the repository):

* realnews-pairs / realnews-articles: hand-labelled pairs and glossed English passages, bundled
  table; false alarms (target for the pairs: 0) and misses against the labels;
* wmt25 / tico19: each set's own term list; the share of (unit, term) pairs rendered in the
  reference that missing-translation/count-mismatch still flags (WMT25 target < 0.5 %);
* wmt23-general: news pairs, bundled table, findings per rule and severity (no labels).

Usage: python benchmarks/accuracy_realtext.py [--only SET]... [--verbose] [--json] [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import glossary
import glossary.rules
from glossary import Finding, Glossary, Term
from glossary.normalize import en_exact, en_key, fold_zh_text, has_han, zh_key

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "eval"
PARALLEL = frozenset({"missing-translation", "count-mismatch"})
#: The parallel rules that run by default.
DEFAULT_PARALLEL = PARALLEL & glossary.rules.DEFAULT_RULES
ALARM = frozenset({"error", "warning"})
_SEPARATORS = re.compile(r"[\s\-]+")


@dataclass
class Flag:
    """One item worth reading. ``detail`` may quote the evaluation text: printed, never stored."""

    where: str
    kind: str  # "false alarm", "miss", "house style", or a severity (unlabelled set)
    rule: str
    term: str
    found: str
    detail: str = ""


@dataclass
class Labelled:
    """Counts on a hand-labelled set (realnews pairs or articles)."""

    units: int = 0
    labelled: int = 0  # forms labelled missing (pairs) or errors (articles)
    detected: int = 0  # of those, flagged
    true_positive_findings: int = 0
    false_alarms: int = 0
    units_with_false_alarm: int = 0
    house_style: int = 0
    info: int = 0
    labels: Counter[str] = field(default_factory=Counter)  # labels read, by kind
    by_rule: Counter[str] = field(default_factory=Counter)  # false alarms by rule
    flagged: list[Flag] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def misses(self) -> int:
        return self.labelled - self.detected

    @property
    def recall(self) -> float:
        return self.detected / self.labelled if self.labelled else 0.0

    @property
    def false_alarm_unit_rate(self) -> float:
        return self.units_with_false_alarm / self.units if self.units else 0.0


@dataclass
class Rendered:
    """A set with a term list: (unit, term) pairs whose Chinese is in the source and some
    allowed English in the reference ("eligible"), and how many of them are flagged."""

    units: int = 0
    terms: int = 0
    skipped_terms: int = 0  # rows the table loader would refuse (no Han, duplicate zh) or without English
    eligible: int = 0
    flagged_eligible: int = 0
    flagged_other: int = 0  # flags where the reference has none of the forms (possibly right)
    plural_like: int = 0
    document_flagged: int = 0  # wmt25: flagged eligible pairs with count-mismatch selected too
    causes: Counter[str] = field(default_factory=Counter)  # flagged eligible pairs by likely cause
    per_file: dict[str, tuple[int, int]] = field(default_factory=dict)  # file -> (eligible, flagged)
    flagged: list[Flag] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.flagged_eligible / self.eligible if self.eligible else 0.0

    @property
    def document_rate(self) -> float:
        return self.document_flagged / self.eligible if self.eligible else 0.0


@dataclass
class Unlabelled:
    """Findings on a set without labels, by (rule, severity)."""

    units: int = 0
    findings: Counter[tuple[str, str]] = field(default_factory=Counter)
    house_style: int = 0
    flagged: list[Flag] = field(default_factory=list)
    seconds: float = 0.0


Result = Union[Labelled, Rendered, Unlabelled]


# -- shared helpers -------------------------------------------------------------
def term_name(term: Term | None) -> str:
    return f"{term.zh} → {term.en}" if term is not None else "-"


def _squash(text: str) -> str:
    return _SEPARATORS.sub("", en_exact(text))


def is_house_style(f: Finding) -> bool:
    """A variant finding whose form is a listed variant (of the row, or of its numbered
    series), or differs from a listed form only in separators (never in case): the
    table's choice, not a false alarm."""
    if f.rule != "variant" or f.term is None:
        return False
    if any(en_exact(v) == en_exact(f.found) for v in f.term.variants):
        return True
    if " is a variant; " in f.message:  # listed by the row or by its series (Shenzhou V, Long March II F)
        return True
    listed = (f.term.en, *f.term.aliases, *f.term.variants)
    return any(en_key(f.found) == en_key(x) and _squash(f.found) == _squash(x) for x in listed)


def match_label(found: str, labels: dict[str, str]) -> tuple[str, str] | None:
    """The label (form, kind) a finding's Chinese ``found`` refers to, Traditional folded to
    Simplified: an equal label, else the longest one containing or contained in it."""
    key = zh_key(found)
    if not has_han(key):
        return None
    folded = {form: zh_key(form) for form in labels}
    for form, k in folded.items():
        if k == key:
            return form, labels[form]
    near = [form for form, k in folded.items() if k and (k in key or key in k)]
    if not near:
        return None
    best = max(near, key=lambda form: len(folded[form]))
    return best, labels[best]


def build_glossary(entries: Iterable[tuple[str, list[str]]]) -> tuple[Glossary, dict[str, tuple[str, ...]], int]:
    """One Term per Chinese form (first English as en, the others aliases), skipping rows the
    table loader would refuse. Returns the glossary, term id → allowed forms, rows skipped."""
    terms: list[Term] = []
    forms_of: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    skipped = 0
    for zh, english in entries:
        zh = zh.strip()
        forms = tuple(dict.fromkeys(f.strip() for f in english if f.strip() and not has_han(f)))
        if not has_han(zh) or zh_key(zh) in seen or not forms:
            skipped += 1
            continue
        seen.add(zh_key(zh))
        terms.append(Term(id=f"t{len(terms)}", zh=zh, en=forms[0], aliases=forms[1:]))
        forms_of[terms[-1].id] = forms
    return Glossary(terms), forms_of, skipped


def eligible_terms(g: Glossary, forms_of: dict[str, tuple[str, ...]], src: str, ref: str) -> list[Term]:
    """Terms whose Chinese occurs in ``src`` (as written or folded) and some form in ``ref``."""
    folded, low = fold_zh_text(src), ref.lower()
    return [t for t in g if (t.zh in src or zh_key(t.zh) in folded)
            and any(form.lower() in low for form in forms_of[t.id])]


def cause_of(f: Finding, forms: tuple[str, ...], line: str) -> str:
    """The likely reason a rendered term is flagged, judged on the aligned reference ``line``."""
    low, words = line.lower(), [rf"(?<![a-z]){re.escape(form.lower())}" for form in forms]
    if not any(form.lower() in low for form in forms):
        return "form on another line"
    if any(re.search(w + r"(?:s|es)\b", low) for w in words) or any(
            form.lower().endswith("y") and form.lower()[:-1] + "ies" in low for form in forms):
        return "plural"
    if not any(re.search(w + r"(?![a-z])", low) for w in words):
        return "form inside a longer word"
    return "count shortfall" if f.rule == "count-mismatch" else "other (form on the line)"


def snippet(lines: list[str], forms: tuple[str, ...], near: int, width: int = 50) -> str:
    """The reference around the occurrence of a form closest to line ``near``."""
    best: tuple[int, int, int, int] | None = None
    for i, line in enumerate(lines):
        for form in forms:
            j = line.lower().find(form.lower())
            if j >= 0 and (best is None or abs(i - near) < best[0]):
                best = (abs(i - near), i, j, len(form))
    if best is None:
        return "(no form in the reference)"
    _, i, j, n = best
    return f"ref line {i + 1} (finding on {near + 1}): …{lines[i][max(0, j - width): j + n + width]}…"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _alarm(c: Labelled, where: str, f: Finding, detail: str) -> int:
    """Record an error/warning that matches no label: house style (a listed variant) or a false alarm."""
    if is_house_style(f):
        c.house_style += 1
        c.flagged.append(Flag(where, "house style", f.rule, term_name(f.term), f.found))
        return 0
    c.by_rule[f.rule] += 1
    c.flagged.append(Flag(where, "false alarm", f.rule, term_name(f.term), f.found, detail))
    return 1


# -- 1. realnews pairs ------------------------------------------------------------
def realnews_pairs(data_dir: Path = DEFAULT) -> Labelled:
    c = Labelled()
    for i, row in enumerate(_read_jsonl(data_dir / "realnews-zhen" / "pairs.jsonl")):
        c.units += 1
        labels: dict[str, str] = {}
        for kind in ("terms", "missing", "lookalike"):
            for form in row.get(kind) or []:
                labels.setdefault(form, kind)
                c.labels[kind] += 1
        missing = {form for form, kind in labels.items() if kind == "missing"}
        c.labelled += len(missing)
        hit: set[str] = set()
        alarms, note = 0, row.get("note") or ""
        for f in glossary.check_pair(row["zh"], row["en"]):
            label = match_label(f.found, labels)
            kind = label[1] if label else ""
            parallel = f.side == "source" and f.rule in PARALLEL
            if kind == "lookalike":  # any finding on a look-alike is a false alarm
                alarms += _alarm(c, f"pair {i}", f, f"{f.side}: lookalike {label and label[0]}")
            elif f.severity not in ALARM:
                c.info += 1
            elif parallel and kind == "missing":
                hit.add(label[0] if label else "")
                c.true_positive_findings += 1
            elif parallel:
                cause = f"labelled rendered ({label[0]})" if label else "unlabelled form"
                alarms += _alarm(c, f"pair {i}", f, cause + (f"; note: {note}" if f.rule == "count-mismatch" and note else ""))
            else:
                alarms += _alarm(c, f"pair {i}", f, f"{f.side}: {f.message}")
        c.false_alarms += alarms
        c.units_with_false_alarm += alarms > 0
        c.detected += len(hit)
        for form in sorted(missing - hit):
            c.flagged.append(Flag(f"pair {i}", "miss", "missing-translation", form, form, note))
    return c


# -- 2. realnews articles ---------------------------------------------------------
def label_found(found: str, label: str) -> bool:
    """A finding's English is the labelled error: equal, or containing it as whole words (case kept)."""
    a, b = en_exact(found), en_exact(label)
    return bool(b) and (a == b or re.search(rf"(?<![A-Za-z]){re.escape(b)}(?![A-Za-z])", a) is not None)


def realnews_articles(data_dir: Path = DEFAULT) -> Labelled:
    folder = data_dir / "realnews-zhen" / "articles"
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    c = Labelled()
    for path in sorted(folder.glob("*.txt")):
        c.units += 1
        errors = labels.get(path.name, {}).get("errors") or []
        c.labelled += len(errors)
        c.labels["errors"] += len(errors)
        hit: set[int] = set()
        alarms = 0
        for f in glossary.check_text(path.read_text(encoding="utf-8"), markdown=True):
            where = f"{path.name}:{f.line}"
            matched = [k for k, e in enumerate(errors) if label_found(f.found, e.get("found", ""))]
            if f.severity not in ALARM:
                c.info += 1
            elif matched:
                hit.update(matched)
                c.true_positive_findings += 1
            else:
                alarms += _alarm(c, where, f, f.message)
        c.false_alarms += alarms
        c.units_with_false_alarm += alarms > 0
        c.detected += len(hit)
        c.flagged += [Flag(path.name, "miss", e.get("kind", ""), e.get("zh", ""), e.get("found", ""), e.get("where", ""))
                      for k, e in enumerate(errors) if k not in hit]
    return c


# -- 3 and 4. term lists: WMT25 and TICO-19 ---------------------------------------
def _score(c: Rendered, where: str, g: Glossary, forms_of: dict[str, tuple[str, ...]], src: str, ref: str,
           findings: list[Finding], ref_lines: list[str]) -> tuple[int, int]:
    """Add one unit's eligible and flagged (unit, term) pairs to ``c``; return both counts."""
    flags = {f.term.id: f for f in findings if f.rule in PARALLEL and f.term is not None}
    eligible = eligible_terms(g, forms_of, src, ref)
    c.flagged_other += len(set(flags) - {t.id for t in eligible})
    flagged = 0
    for term in eligible:
        f = flags.get(term.id)
        if f is None:
            continue
        flagged += 1
        forms, seg = forms_of[term.id], f.segment or 0
        cause = cause_of(f, forms, ref_lines[seg] if seg < len(ref_lines) else ref)
        c.causes[cause] += 1
        c.plural_like += cause == "plural"
        c.flagged.append(Flag(where, f"false alarm: {cause}", f.rule, term_name(term), f.found,
                              f"{f.message} | {' / '.join(forms)} | {snippet(ref_lines, forms, seg)}"))
    c.eligible += len(eligible)
    c.flagged_eligible += flagged
    return len(eligible), flagged


def wmt25(data_dir: Path = DEFAULT) -> Rendered:
    c = Rendered()
    built: dict[str, tuple[Glossary, dict[str, tuple[str, ...]], int]] = {}
    for path in sorted((data_dir / "wmt25-terminology-track2-zhen").glob("*.jsonl")):
        file_eligible = file_flagged = 0
        for n, doc in enumerate(_read_jsonl(path)):
            c.units += 1
            key = json.dumps(doc["proper"], sort_keys=True, ensure_ascii=False)
            if key not in built:  # one dictionary per year, repeated on every document
                built[key] = build_glossary(doc["proper"].items())
                c.terms += len(built[key][0])
                c.skipped_terms += built[key][2]
            g, forms_of, _ = built[key]
            zh, en = doc["zh"], doc["en"]
            # The official metric is per document, and the documents' lines are
            # not aligned by content, so each document is checked as one pair:
            # with the default rules (count-mismatch is off by default), and
            # again with count-mismatch selected.
            default = glossary.check_pair(zh, en, g, rules=DEFAULT_PARALLEL)
            e, f = _score(c, f"{path.stem}#{n}", g, forms_of, zh, en, default, [en])
            file_eligible, file_flagged = file_eligible + e, file_flagged + f
            counted = glossary.check_pair(zh, en, g, rules=PARALLEL)
            flagged_counted = {x.term.id for x in counted if x.term is not None}
            c.document_flagged += sum(t.id in flagged_counted for t in eligible_terms(g, forms_of, zh, en))
        c.per_file[path.name] = (file_eligible, file_flagged)
    return c


def tico19(data_dir: Path = DEFAULT, lists: tuple[str, ...] = ("g_zh-CN_en.csv",)) -> Rendered:
    folder = data_dir / "tico19-en-zh"
    grouped: dict[str, list[str]] = {}
    for name in lists:
        with (folder / "terminologies" / name).open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                grouped.setdefault(row["sourceString"].strip(), []).append(row["targetString"])
    g, forms_of, skipped = build_glossary(grouped.items())
    c = Rendered(terms=len(g), skipped_terms=skipped)
    with (folder / "derived_all.en-zh.tsv").open(encoding="utf-8") as fh:  # plain TSV: quotes are text
        header = fh.readline().rstrip("\n").split("\t")
        col = {name: header.index(name) for name in ("tuid", "en", "zh")}
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) != len(header):
                continue
            c.units += 1
            zh, en = cells[col["zh"]], cells[col["en"]]
            _score(c, cells[col["tuid"]], g, forms_of, zh, en, glossary.check_pair(zh, en, g, rules=PARALLEL), [en])
    c.per_file["derived_all.en-zh.tsv"] = (c.eligible, c.flagged_eligible)
    return c


# -- 5. WMT23 general, news slice -------------------------------------------------
def wmt23_general(data_dir: Path = DEFAULT) -> Unlabelled:
    zh_path = next((data_dir / "wmt23-general-zhen").glob("derived_news_slice_*.zh"))
    zh_lines = zh_path.read_text(encoding="utf-8").splitlines()
    en_lines = zh_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
    c = Unlabelled()
    for i, (zh, en) in enumerate(zip(zh_lines, en_lines)):
        c.units += 1
        for f in glossary.check_pair(zh, en):
            c.findings[(f.rule, f.severity)] += 1
            c.house_style += is_house_style(f)
            c.flagged.append(Flag(f"line {i + 1}", f.severity, f.rule, term_name(f.term), f.found, f.message))
    return c


# -- report -------------------------------------------------------------------------
SETS: dict[str, tuple[str, Callable[[Path], Result]]] = {
    "realnews-pairs": ("realnews-zhen/pairs.jsonl", realnews_pairs),
    "realnews-articles": ("realnews-zhen/articles/labels.json", realnews_articles),
    "wmt25": ("wmt25-terminology-track2-zhen", wmt25),
    "tico19": ("tico19-en-zh/derived_all.en-zh.tsv", tico19),
    "wmt23-general": ("wmt23-general-zhen", wmt23_general),
}


def figures(name: str, r: Result) -> list[tuple[str, float | int, str]]:
    """(figure, value, target) rows for the report, the summary and --json."""
    if isinstance(r, Labelled):
        return [("false alarms", r.false_alarms, "0" if name == "realnews-pairs" else ""),
                ("units with a false alarm", r.false_alarm_unit_rate, ""), ("labelled", r.labelled, ""),
                ("misses", r.misses, ""), ("recall on labels", r.recall, ""), ("house style", r.house_style, ""),
                ("info findings", r.info, "")]
    if isinstance(r, Rendered):
        rows: list[tuple[str, float | int, str]] = [
            ("flagged though rendered", r.rate, "< 0.5%" if name == "wmt25" else ""),
            ("eligible (unit, term) pairs", r.eligible, ""), ("flagged though rendered, count", r.flagged_eligible, "")]
        if name == "wmt25":
            rows += [("same, count-mismatch selected too", r.document_rate, "")]
        return rows + [("flags that look like plurals", r.plural_like, ""),
                       ("flagged, no form in reference", r.flagged_other, "")]
    alarms = sum(n for (_, sev), n in r.findings.items() if sev in ALARM)
    return [("findings", sum(r.findings.values()), ""), ("error/warning", alarms, ""),
            ("of which house style", r.house_style, "")]


def _value(v: float | int) -> str:
    return f"{v:.2%}" if isinstance(v, float) else str(v)


def print_section(name: str, r: Result, verbose: bool) -> None:
    print(f"\n== {name}  ({r.units} units, {r.seconds:.1f} s)")
    for fig, val, target in figures(name, r):
        print(f"  {fig}: {_value(val)}" + (f"  (target {target})" if target else ""))
    if isinstance(r, Labelled):
        print(f"  labels read {dict(r.labels)}; true-positive findings {r.true_positive_findings}; "
              f"false alarms by rule {dict(r.by_rule)}")
    elif isinstance(r, Rendered):
        print(f"  terms {r.terms} (skipped {r.skipped_terms}); flagged though rendered, by cause {dict(r.causes)}")
        for file, (e, f) in r.per_file.items():
            print(f"  {file}: {f} / {e} = {f / e if e else 0:.2%}")
    else:
        for (rule, sev), n in r.findings.most_common():
            print(f"  {rule:22} {sev:8} {n}")
    if verbose:
        for fl in r.flagged:
            print(f"  [{fl.kind}] {fl.where} {fl.rule}: {fl.term}; found {fl.found!r}" + (f" — {fl.detail}" if fl.detail else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT, help="the eval folder (default ../shared/eval)")
    parser.add_argument("--only", action="append", choices=sorted(SETS), help="run only this set (repeatable)")
    parser.add_argument("--verbose", action="store_true", help="list every false alarm and miss")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    results: dict[str, Result] = {}
    for name in dict.fromkeys(args.only or SETS):
        rel, run = SETS[name]
        if not (args.data / rel).exists():
            print(f"{name}: skipped, no data at {args.data / rel}", file=sys.stderr)
            continue
        start = time.perf_counter()
        results[name] = run(args.data)
        results[name].seconds = time.perf_counter() - start
    if not results:
        print(f"no evaluation data at {args.data}", file=sys.stderr)
        return 2
    if args.json:
        out = {name: {re.sub(r"\W+", "_", fig).strip("_"): val for fig, val, _ in figures(name, r)}
               | {"seconds": round(r.seconds, 2)} for name, r in results.items()}
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    for name, r in results.items():
        print_section(name, r, args.verbose)
    print(f"\n== summary\n{'set':18} {'figure':32} {'value':>8}  target")
    for name, r in results.items():
        for fig, val, target in figures(name, r):
            print(f"{name:18} {fig:32} {_value(val):>8}  {target}")
    slowest = max(results, key=lambda n: results[n].seconds)
    print(f"slowest: {slowest} {results[slowest].seconds:.1f} s; total {sum(r.seconds for r in results.values()):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
