"""Speed benchmarks for glossary: our matcher against flashtext, pyahocorasick and re.

Runs every approach side by side in one process on the inputs written by
``generate.py`` (made on first use), repeats each measurement ``--repeat``
times, and prints medians, ratios and the targets of the issue "Speed at
scale" with PASS/FAIL. Cold-process figures (memory, start-up, the CLI) are
measured in subprocesses.

Usage::

    python benchmarks/speed.py            # 100,000 terms, 1 MB texts
    python benchmarks/speed.py --quick    # 10,000 terms, 100 KB texts (smoke test)
    python benchmarks/speed.py --profile  # also cProfile the slow paths
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

import glossary  # noqa: E402
from glossary.automata import automata_of  # noqa: E402
from glossary import match  # noqa: E402

Fn = Callable[[], Any]


# ----------------------------------------------------------------- recording
@dataclass(frozen=True)
class Target:
    """A limit a figure must not exceed, as the issue states it."""

    limit: float
    text: str

    def verdict(self, value: float) -> str:
        return "PASS" if value <= self.limit else "FAIL"


@dataclass
class Row:
    """One printed figure: a median time (seconds) or a plain value."""

    section: str
    name: str
    value: float
    unit: str = "s"
    runs: list[float] = field(default_factory=list)
    note: str = ""
    target: Target | None = None

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return self.target.verdict(self.value)


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        if value >= 100:
            return f"{value:8.1f} s "
        if value >= 1:
            return f"{value:8.2f} s "
        return f"{value * 1000:8.1f} ms"
    if unit == "MB":
        return f"{value:8.1f} MB"
    if unit == "x":
        return f"{value:8.2f} × "
    return f"{value:8.3g} {unit}"


class Report:
    """Collects rows, printing each as it is measured."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.section = ""

    def start(self, section: str, title: str) -> None:
        """Begin a section: ``section`` is a short tag for the summary, ``title`` is printed."""
        self.section = section
        print(f"\n== {title}", flush=True)

    def add(self, name: str, value: float, **kw: Any) -> Row:
        row = Row(self.section, name, value, **kw)
        self.rows.append(row)
        spread = ""
        if len(row.runs) > 1:
            lo, hi = fmt(min(row.runs), row.unit).strip(), fmt(max(row.runs), row.unit).strip()
            spread = f"[{lo} – {hi}, n={len(row.runs)}]"
        target = f"target {row.target.text}: {row.verdict}" if row.target else ""
        print(f"  {name:<46} {fmt(value, row.unit)}  {spread:<28} {row.note:<36} {target}".rstrip(), flush=True)
        return row

    def targets(self) -> list[Row]:
        return [r for r in self.rows if r.target is not None]

    def summary(self) -> None:
        print("\n== Targets")
        for r in self.targets():
            assert r.target is not None
            print(f"  {r.verdict:<5} {r.section + ': ' + r.name:<52} {fmt(r.value, r.unit).strip():>10}  "
                  f"(target {r.target.text})")


# ------------------------------------------------------------------- timing
def clock(fn: Fn) -> tuple[float, Any]:
    gc.collect()
    t = time.perf_counter()
    result = fn()
    return time.perf_counter() - t, result


def race(cases: dict[str, Fn], repeat: int, before: Fn | None = None) -> dict[str, tuple[list[float], Any]]:
    """Run every case once per round, ``repeat`` rounds, so noise falls on all alike.

    ``before`` runs (untimed) before each timed call, e.g. to empty a memo.
    """
    out: dict[str, tuple[list[float], Any]] = {name: ([], None) for name in cases}
    for _ in range(repeat):
        for name, fn in cases.items():
            if before is not None:
                before()
            dt, result = clock(fn)
            out[name][0].append(dt)
            out[name] = (out[name][0], result)
    return out


def median(runs: Sequence[float]) -> float:
    return statistics.median(runs)


def count(result: Any) -> str:
    try:
        return f"{len(result)} matches"
    except TypeError:
        return f"{result} matches"


def cold(g: glossary.Glossary) -> Fn:
    """A function that empties the Automata's memo of segmented windows.

    Best effort: the memo is an implementation detail of glossary.match
    (``Automata._cuts``); when it is missing nothing is cleared.
    """

    def clear() -> None:
        cache = vars(automata_of(g)).get("_cuts")
        if isinstance(cache, dict):
            cache.clear()

    return clear


def build_automata(g: glossary.Glossary) -> None:
    a = automata_of(g)
    a.en, a.zh, a.tokenizer  # noqa: B018  (built lazily on first access)


def head(text: str, size: int) -> str:
    """The first ``size`` characters of ``text``, extended to the end of a line."""
    cut = text.find("\n", size)
    return text if cut < 0 else text[: cut + 1]


# ------------------------------------------------------------------- inputs
@dataclass
class Inputs:
    dir: Path
    meta: dict[str, int]
    en: str
    zh: str

    @classmethod
    def prepare(cls, out: Path, terms: int, size: int, seed: int) -> Inputs:
        meta = generate.ensure(out, terms, size, seed)
        return cls(out, meta, (out / "en.txt").read_text("utf-8"), (out / "zh.txt").read_text("utf-8"))

    def path(self, name: str) -> Path:
        return self.dir / name


# --------------------------------------------------------------- benchmarks
def bench_load(report: Report, data: Inputs, repeat: int) -> glossary.Glossary:
    n = data.meta["terms"]
    report.start("load", f"Loading tables ({n:,} terms)")
    runs, g = race({"load": lambda: glossary.load(data.path("terms.csv"))}, repeat)["load"]
    assert isinstance(g, glossary.Glossary)
    report.add(f"load {n:,}-term CSV (pinyin given)", median(runs), runs=runs, note=f"{len(g):,} terms")
    bare = race({"bare": lambda: glossary.load(data.path("terms-bare.csv"))}, min(repeat, 3))["bare"][0]
    report.add(f"load {n:,}-term CSV (pinyin computed)", median(bare), runs=bare)
    small = data.path("terms-small.csv")
    first, _ = clock(lambda: glossary.load(small))
    each = [clock(lambda: glossary.load(small))[0] for _ in range(99)]
    report.add("load 10-term CSV, first of 100", first)
    report.add("load 10-term CSV, each of the next 99", median(each), runs=each)
    return g


def bench_build(report: Report, g: glossary.Glossary, repeat: int) -> glossary.Glossary:
    n = len(g)
    report.start("build", f"Index build ({n:,} terms; medians of fresh Glossaries)")
    from glossary import segment

    if segment._base.cache_info().currsize == 0:
        dt, _ = clock(segment.base_tokenizer)
        report.add("jieba base dictionary (once per process)", dt, note="not counted below")
    stages: dict[str, list[float]] = {"Glossary(terms)": [], ".automata.en": [], ".automata.zh": [],
                                      ".automata.tokenizer": [], "total": []}
    built = g
    for _ in range(repeat):
        dt, built = clock(lambda: glossary.Glossary(g.terms))
        times = [dt, *(clock(partial(getattr, automata_of(built), attr))[0] for attr in ("en", "zh", "tokenizer"))]
        for name, t in zip(stages, [*times, sum(times)], strict=True):
            stages[name].append(t)
    for name, runs in stages.items():
        target = Target(3.0, "< 3 s") if name == "total" else None
        label = f"build total ({n:,} terms)" if name == "total" else name
        report.add(label, median(runs), runs=runs, target=target if n >= 100_000 else None)
    return built


#: Run in a fresh interpreter. Peak RSS is VmHWM from /proc (the high-water
#: mark of this process's own memory): ru_maxrss is not used because Linux
#: carries the parent's high-water mark over fork and exec into it.
MEMORY_SCRIPT = r"""
import json, resource, sys, time
def status():
    try:
        with open("/proc/self/status") as fh:
            fields = dict(line.split(":", 1) for line in fh)
        return int(fields["VmRSS"].split()[0]) * 1024, int(fields["VmHWM"].split()[0]) * 1024
    except (OSError, KeyError, ValueError):
        return None, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
stages = []
def stage(name, fn):
    t = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t
    rss, peak = status()
    stages.append({"name": name, "seconds": seconds, "rss": rss, "peak": peak})
    return result
glossary = stage("import glossary", lambda: __import__("glossary"))
g = stage("glossary.load", lambda: glossary.load(sys.argv[1]))
from glossary.automata import automata_of
for attr in ("en", "zh", "tokenizer"):
    stage(".automata." + attr, lambda: getattr(automata_of(g), attr))
print(json.dumps(stages))
"""


def bench_memory(report: Report, data: Inputs) -> None:
    n = data.meta["terms"]
    report.start("memory", f"Memory and cold build (fresh process, {n:,} terms; RSS now / peak so far)")
    proc = subprocess.run([sys.executable, "-c", MEMORY_SCRIPT, str(data.path("terms.csv"))],
                          capture_output=True, text=True, check=True)
    stages = json.loads(proc.stdout)
    mb = 1024 * 1024
    for st in stages:
        now = f"RSS {st['rss'] / mb:.0f} MB" if st["rss"] is not None else "RSS ?"
        note = f"{now}, peak {st['peak'] / mb:.0f} MB"
        if st["name"] == ".automata.tokenizer":
            note += " (incl. jieba dictionary)"
        report.add(st["name"], st["seconds"], note=note)
    last = stages[-1]
    if last["rss"] is not None:
        report.add("RSS, loaded + indexed", last["rss"] / mb, unit="MB")
    target = Target(400, "< 400 MB") if n >= 100_000 else None
    report.add("peak RSS (VmHWM), loaded + indexed", last["peak"] / mb, unit="MB", target=target)


def run_cold(cmd: Sequence[str], cwd: Path) -> float:
    t = time.perf_counter()
    subprocess.run(list(cmd), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def bench_startup(report: Report, runs: int) -> None:
    report.start("startup", f"Start-up (median of {runs} subprocess runs, interleaved)")
    py = sys.executable
    bare: list[float] = []
    imp: list[float] = []
    for _ in range(runs):
        bare.append(run_cold([py, "-c", "pass"], HERE))
        imp.append(run_cold([py, "-c", "import glossary"], HERE))
    report.add("python -c pass", median(bare), runs=bare)
    report.add('python -c "import glossary"', median(imp), runs=imp)
    added = median(imp) - median(bare)
    report.add("added by import glossary", added, target=Target(0.25, "< 0.25 s"))


def cli_command(article: Path, table: Path | None = None) -> tuple[list[str], str]:
    """The command that checks ``article`` in a cold process, and what it is.

    ``glossary check`` when the CLI is installed and works, else the same
    check through ``python -c``.
    """
    import importlib.util

    script = Path(sys.executable).with_name("glossary")
    exe = str(script) if script.exists() else shutil.which("glossary")
    if exe and importlib.util.find_spec("glossary.cli") is not None:
        cmd = [exe, "check", "--no-config", "--exit-zero", *(["--glossary", str(table)] if table else []), str(article)]
        probe = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if probe.returncode == 0 and "Traceback" not in probe.stderr:
            return cmd, "glossary check"
    load = f"glossary.load({str(table)!r})" if table else "None"
    code = f"import glossary,sys; glossary.check_text(open(sys.argv[1], encoding='utf-8').read(), {load})"
    return [sys.executable, "-c", code, str(article)], "python -c check_text (no CLI)"


def bench_cli(report: Report, data: Inputs, runs: int) -> None:
    article = data.path("article.md")
    size = article.stat().st_size
    report.start("cli", f"Checking a {size / 1000:.0f} KB article in a cold process (median of {runs})")
    n = data.meta["terms"]
    for table, label in ((None, "bundled glossary"), (data.path("terms.csv"), f"{n:,}-term glossary")):
        cmd, what = cli_command(article, table)
        times = [run_cold(cmd, HERE) for _ in range(runs)]
        report.add(f"{what}, {label}", median(times), runs=times)


FLASHTEXT = "flashtext: extract_keywords(span_info=True)"


def regex_for(forms: Sequence[str]) -> re.Pattern[str]:
    alts = sorted(set(forms), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alts)) + r")(?!\w)", re.IGNORECASE)


def bench_english(report: Report, data: Inputs, g: glossary.Glossary, repeat: int, re_sample: int) -> None:
    import ahocorasick

    text = data.en
    report.start("english", f"English text ({len(text.encode()) / 1e6:.2f} MB, {len(g):,} terms, "
                 f"{data.meta['en_planted']:,} planted)")
    build_automata(g)
    kp = None
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        print("  (flashtext is not installed: its rows are left out)")
    else:
        dt, kp = clock(lambda: _flashtext(KeywordProcessor(), g))
        report.add("flashtext: build KeywordProcessor", dt, note="not in the runs below")
    dt, floor_auto = clock(lambda: _automaton(ahocorasick, (t.en.lower() for t in g.terms)))
    report.add("pyahocorasick: build automaton", dt, note="not in the runs below")
    cases: dict[str, Fn] = {
        "ours: find_terms": lambda: glossary.find_terms(text, g),
        "ours: find_en": lambda: match.find_en(text, g),
        "ours: check_text": lambda: glossary.check_text(text, g),
        "pyahocorasick floor: iter(text.lower())": lambda: sum(1 for _ in floor_auto.iter(text.lower())),
    }
    if kp is not None:
        extract = kp.extract_keywords
        cases[FLASHTEXT] = lambda: extract(text, span_info=True)
    results = race(cases, repeat)
    floor = median(results["pyahocorasick floor: iter(text.lower())"][0])
    for name, (runs, result) in results.items():
        note = count(result) if not name.startswith("ours: check") else f"{len(result)} findings"
        report.add(name, median(runs), runs=runs, note=note)
    flash = median(results[FLASHTEXT][0]) if FLASHTEXT in results else None
    for name in ("ours: find_terms", "ours: find_en", "ours: check_text"):
        t = median(results[name][0])
        report.add(f"{name[6:]} ÷ pyahocorasick floor", t / floor, unit="x")
        if flash is not None:
            goal = {"ours: find_terms": Target(1.0, "≤ 1.0×"), "ours: check_text": Target(1.5, "≤ 1.5×")}.get(name)
            report.add(f"{name[6:]} ÷ flashtext", t / flash, unit="x", target=goal)
    if flash is not None:
        report.add("flashtext ÷ pyahocorasick floor", flash / floor, unit="x")
    dt, rx = clock(lambda: regex_for([t.en for t in g.terms]))
    report.add("re alternation: compile", dt)
    sample = head(text, re_sample)
    re_runs, found = race({"re": lambda: len(rx.findall(sample))}, min(repeat, 3))["re"]
    scale = len(text) / len(sample)
    report.add(f"re alternation on a {len(sample) / 1000:.0f} KB sample", median(re_runs), runs=re_runs,
               note=count(found))
    report.add("re alternation, extrapolated to the full text", median(re_runs) * scale,
               note=f"EXTRAPOLATED ×{scale:.1f}")
    report.add("re (extrapolated) ÷ pyahocorasick floor", median(re_runs) * scale / floor, unit="x")


def _flashtext(kp: Any, g: glossary.Glossary) -> Any:
    for t in g.terms:
        kp.add_keyword(t.en, t.id)
    return kp


def _automaton(ahocorasick: Any, keys: Any) -> Any:
    auto = ahocorasick.Automaton()
    for key in keys:
        auto.add_word(key, len(key))
    auto.make_automaton()
    return auto


def bench_chinese(report: Report, data: Inputs, g: glossary.Glossary, repeat: int) -> None:
    import ahocorasick

    text = data.zh
    report.start("chinese", f"Chinese text ({len(text.encode()) / 1e6:.2f} MB, {len(text):,} chars, "
                 f"{data.meta['zh_planted']:,} planted)")
    build_automata(g)
    dt, raw = clock(lambda: _automaton(ahocorasick, (t.zh for t in g.terms)))
    report.add("pyahocorasick: build automaton", dt, note="not in the runs below")
    cases: dict[str, Fn] = {
        "ours: find_terms": lambda: glossary.find_terms(text, g),
        "ours: find_zh": lambda: match.find_zh(text, g),
        "pyahocorasick raw: iter(text)": lambda: sum(1 for _ in raw.iter(text)),
    }
    results = race(cases, repeat, before=cold(g))
    for name, (runs, result) in results.items():
        report.add(name, median(runs), runs=runs, note=count(result) + (", memo emptied" if "ours" in name else ""))
    warm = race({"warm": lambda: match.find_zh(text, g)}, repeat)["warm"][0]
    report.add("ours: find_zh, memo warm (same text again)", median(warm), runs=warm)
    floor = median(results["pyahocorasick raw: iter(text)"][0])
    for name in ("ours: find_terms", "ours: find_zh"):
        t = median(results[name][0])
        report.add(f"{name[6:]} ÷ pyahocorasick raw", t / floor, unit="x", target=Target(5, "≤ 5×"))


def bench_text_scaling(report: Report, data: Inputs, g: glossary.Glossary, repeat: int) -> None:
    report.start("text size", "Scaling with text size: first tenth of each text (×1) vs the whole (×10)")
    small_en, small_zh = head(data.en, len(data.en) // 10), head(data.zh, len(data.zh) // 10)
    cases: dict[str, tuple[Callable[[str], Any], str, str]] = {
        "find_terms, English": (lambda t: glossary.find_terms(t, g), small_en, data.en),
        "check_text, English": (lambda t: glossary.check_text(t, g), small_en, data.en),
        "find_terms, Chinese": (lambda t: glossary.find_terms(t, g), small_zh, data.zh),
    }
    for name, (fn, small, big) in cases.items():
        res = race({"x1": partial(fn, small), "x10": partial(fn, big)}, repeat, before=cold(g))
        t1, t10 = median(res["x1"][0]), median(res["x10"][0])
        size = len(big) / len(small)
        report.add(f"{name}: ×10 ÷ ×1", t10 / t1, unit="x", target=Target(11, "≤ 11×"),
                   note=f"{fmt(t1, 's').strip()} → {fmt(t10, 's').strip()}; text ×{size:.2f}")


def bench_glossary_scaling(report: Report, data: Inputs, g: glossary.Glossary, repeat: int) -> None:
    small_g = glossary.Glossary(g.terms[: len(g) // 10])
    build_automata(small_g)
    report.start("glossary size", f"Scaling with glossary size: {len(small_g):,} vs {len(g):,} terms on the same text")
    cases: dict[str, Callable[[glossary.Glossary], Any]] = {
        "find_terms, English": (lambda gl: glossary.find_terms(data.en, gl)),
        "check_text, English": (lambda gl: glossary.check_text(data.en, gl)),
        "find_terms, Chinese": (lambda gl: glossary.find_terms(data.zh, gl)),
    }
    def before() -> None:
        cold(g)()
        cold(small_g)()

    for name, fn in cases.items():
        res = race({"small": partial(fn, small_g), "big": partial(fn, g)}, repeat, before=before)
        ts, tb = median(res["small"][0]), median(res["big"][0])
        report.add(f"{name}: {len(g) // 1000}k ÷ {len(small_g) // 1000}k terms", tb / ts, unit="x",
                   target=Target(2, "≤ 2×"),
                   note=f"{fmt(ts, 's').strip()} → {fmt(tb, 's').strip()}; "
                        f"{len(res['small'][1])} vs {len(res['big'][1])} found")


# ---------------------------------------------------------------- profiling
#: pstats' table: (file, line, function) → (primitive calls, calls, own time, cumulative time, callers).
ProfileStats = dict[tuple[str, int, str], tuple[int, int, float, float, Any]]


def short_path(path: str) -> str:
    """The last two parts of a source path: glossary/match.py, collections/__init__.py."""
    parts = Path(path).parts
    return "/".join(parts[-2:]) if len(parts) > 1 else path


def profile(data: Inputs, g: glossary.Glossary, top: int) -> None:
    """cProfile of the slow paths at full size: the functions with most own time."""
    paths: dict[str, Fn] = {
        "find_terms, English": lambda: glossary.find_terms(data.en, g),
        "check_text, English": lambda: glossary.check_text(data.en, g),
        "find_terms, Chinese (memo emptied)": lambda: glossary.find_terms(data.zh, g),
        f"load {data.meta['terms']:,}-term CSV": lambda: glossary.load(data.path("terms.csv")),
    }
    for name, fn in paths.items():
        cold(g)()
        prof = cProfile.Profile()
        prof.runcall(fn)
        stats: ProfileStats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
        total = sum(v[2] for v in stats.values())
        print(f"\n== Profile: {name} (total {total:.2f} s under cProfile; top {top} by own time)")
        print(f"  {'calls':>9} {'own s':>8} {'cum s':>8}  function")
        ranked = sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
        for (file, line, func), (_, calls, own, cum, _) in ranked:
            where = f"{short_path(file)}:{line}({func})" if line else func
            print(f"  {calls:>9} {own:8.3f} {cum:8.3f}  {where}")


# --------------------------------------------------------------------- main
def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{os.cpu_count()} CPUs ({cpu}), Python {platform.python_version()}, {system}"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="small run: 10,000 terms, 100 KB texts, 3 repeats")
    p.add_argument("--terms", type=int, help="glossary size (default 100000; 10000 with --quick)")
    p.add_argument("--bytes", type=int, help="size of each text in bytes (default 1000000; 100000 with --quick)")
    p.add_argument("--seed", type=int, default=1, help="random seed of the inputs (default 1)")
    p.add_argument("--repeat", type=int, help="timed runs per measurement (default 5; 3 with --quick)")
    p.add_argument("--startup-runs", type=int, default=10, help="subprocess runs for start-up (default 10)")
    p.add_argument("--re-sample", type=int, default=20_000, help="characters of English for the re alternation")
    p.add_argument("--out", type=Path, help="input folder (default benchmarks/out/full or benchmarks/out/quick)")
    p.add_argument("--profile", action="store_true", help="also print cProfile of the slow paths")
    p.add_argument("--top", type=int, default=15, help="functions per profile (default 15)")
    p.add_argument("--json", type=Path, help="also write every figure to this JSON file")
    p.add_argument("--strict", action="store_true", help="exit 1 when a target fails")
    args = p.parse_args(argv)
    args.terms = args.terms or (10_000 if args.quick else 100_000)
    args.bytes = args.bytes or (100_000 if args.quick else 1_000_000)
    args.repeat = args.repeat or (3 if args.quick else 5)
    args.out = args.out or HERE / "out" / ("quick" if args.quick else "full")
    if args.quick:
        args.startup_runs = min(args.startup_runs, 5)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/speed.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(f"glossary speed benchmarks — {command.strip()}")
    print(f"machine: {machine()}")
    data = Inputs.prepare(args.out, args.terms, args.bytes, args.seed)
    print(f"inputs: {args.out} ({data.meta['terms']:,} terms, seed {data.meta['seed']}); "
          f"medians of {args.repeat} runs unless stated")
    report = Report()
    loaded = bench_load(report, data, args.repeat)
    g = bench_build(report, loaded, args.repeat)
    bench_memory(report, data)
    generate.compile_package()
    bench_startup(report, args.startup_runs)
    bench_cli(report, data, min(args.repeat, 5))
    bench_english(report, data, g, args.repeat, args.re_sample)
    bench_chinese(report, data, g, args.repeat)
    bench_text_scaling(report, data, g, args.repeat)
    bench_glossary_scaling(report, data, g, args.repeat)
    report.summary()
    if args.profile:
        profile(data, g, args.top)
    if args.json:
        args.json.write_text(json.dumps({"command": command, "machine": machine(), "inputs": data.meta,
                                         "rows": [asdict(r) for r in report.rows]}, indent=1, ensure_ascii=False))
    failed = [r for r in report.targets() if r.verdict == "FAIL"]
    return 1 if args.strict and failed else 0


if __name__ == "__main__":
    sys.exit(main())
