"""Termbases at scale: the targets of the issue "read the formats people already have, at 100,000 terms".

Measured side by side in one run, medians of ``--repeat`` runs, each figure
against its target with PASS/FAIL:

* a ``zh,en``-only table, first load and index (no cache), against flashtext's
  build on the same English terms (≤ 2×);
* the same from the compiled cache (≤ 0.3 s);
* a cold ``glossary check`` of a 20 KB article with that table, cache warm (≤ 1 s);
* peak RSS of a fresh process that loads and indexes the table (< 400 MB);
* TBX and XLSX of the same terms, first load, against the CSV (≤ 3×).

Usage::

    python benchmarks/scale.py              # 100,000 terms
    python benchmarks/scale.py --terms 10000 --repeat 3   # a quick look
    python benchmarks/scale.py --only tbx   # just the CSV and TBX first loads, side by side

The inputs come from generate.py (made on first use in benchmarks/out/);
the compiled cache goes to a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (a sibling script, not a package)

RSS_SCRIPT = r"""
import json, sys
import glossary.compiled as c
from glossary.automata import automata_of
g = c.load(sys.argv[1], cache=sys.argv[2] == "cache")
a = automata_of(g); a.en; a.zh
fields = dict(line.split(":", 1) for line in open("/proc/self/status"))
print(json.dumps({"peak": int(fields["VmHWM"].split()[0]) * 1024, "terms": len(g)}))
"""


def clock(fn: Callable[[], Any]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def median_of(fn: Callable[[], Any], repeat: int, before: Callable[[], Any] | None = None) -> float:
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        runs.append(clock(fn))
    return statistics.median(runs)


def interleaved(cases: dict[str, Callable[[], Any]], repeat: int) -> dict[str, float]:
    """Medians of each case, timed in turn round after round, so that a busy machine slows them alike."""
    runs: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, fn in cases.items():
            runs[name].append(clock(fn))
    return {name: statistics.median(r) for name, r in runs.items()}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--terms", type=int, default=100_000, help="table size (default 100000)")
    p.add_argument("--repeat", type=int, default=5, help="timed runs per figure (default 5)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, help="input folder (default benchmarks/out/scale-N)")
    p.add_argument("--json", type=Path, help="also write the figures here")
    p.add_argument("--only", choices=["tbx"], help="tbx: only the CSV and TBX first loads, side by side")
    args = p.parse_args(argv)
    out = args.out or HERE / "out" / f"scale-{args.terms}"
    generate.ensure(out, args.terms, 20_000, args.seed)
    cache = Path(tempfile.mkdtemp(prefix="glossary-bench-cache-"))
    os.environ["GLOSSARY_CACHE_DIR"] = str(cache)
    try:
        return run(args, out, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def run(args: argparse.Namespace, out: Path, cache: Path) -> int:
    import glossary.compiled as compiled
    from glossary.automata import automata_of

    repeat = args.repeat
    # The zh,en-only table the issue measures, from generate.py's table without pinyin.
    zh_en = out / "terms-zh-en.csv"
    if not zh_en.exists():
        import csv

        with open(out / "terms-bare.csv", encoding="utf-8", newline="") as fh:
            pairs = [(row["zh"], row["en"]) for row in csv.DictReader(fh)]
        with open(zh_en, "w", encoding="utf-8", newline="") as dst:
            writer = csv.writer(dst, lineterminator="\n")
            writer.writerow(["zh", "en"])
            writer.writerows(pairs)
    g = compiled.load(zh_en, cache=False)
    n = len(g)
    english = [t.en for t in g]
    rows: list[tuple[str, float, str, str]] = []

    def add(name: str, value: float, unit: str = "s", target: str = "", ok: bool | None = None) -> None:
        rows.append((name, value, unit, f"{target} {verdict(ok)}" if ok is not None else ""))
        shown = f"{value:8.3f} {unit}" if unit == "s" else f"{value:8.0f} {unit}" if unit == "MB" else f"{value:8.2f}{unit}"
        print(f"  {name:<58} {shown}  {rows[-1][3]}", flush=True)

    print(f"{n:,} terms ({zh_en.name}); medians of {repeat}")
    if args.only == "tbx":
        return loads(args, g, data=zh_en.read_bytes(), add=add, rows=rows, xlsx=False)
    try:
        from flashtext import KeywordProcessor
    except ImportError:
        KeywordProcessor = None

    def build_flashtext() -> None:
        kp = KeywordProcessor()
        for en in english:
            kp.add_keyword(en)

    def first_load_and_index() -> None:
        fresh = compiled.load(zh_en, cache=False)
        a = automata_of(fresh)
        a.en, a.zh  # noqa: B018

    def from_cache() -> None:
        warm = compiled.load(zh_en)
        a = automata_of(warm)
        a.en, a.zh  # noqa: B018

    raced = interleaved({"flash": build_flashtext, "first": first_load_and_index} if KeywordProcessor
                        else {"first": first_load_and_index}, repeat)
    flash, first = raced.get("flash", float("nan")), raced["first"]
    compiled.load(zh_en)  # fill the cache
    warm = median_of(from_cache, repeat)
    if KeywordProcessor:
        add("flashtext: build on the same English terms", flash)
    add("first load and index (no cache)", first)
    if KeywordProcessor:
        add("  ratio to flashtext's build", first / flash, "×", "≤ 2×", first / flash <= 2)
    add("load and index from the compiled cache", warm, "s", "≤ 0.3 s", warm <= 0.3)

    article = out / "article.md"
    generate.compile_package()
    exe = Path(sys.executable).with_name("glossary")
    cmd = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "glossary"]),
           "check", "--no-config", "--exit-zero", "--glossary", str(zh_en), str(article)]
    subprocess.run(cmd, capture_output=True, check=False)  # the cache is warm
    cold = statistics.median(
        clock(lambda: subprocess.run(cmd, capture_output=True, check=False)) for _ in range(repeat))
    add(f"cold `glossary check` of a {article.stat().st_size / 1000:.0f} KB article, cache warm", cold,
        "s", "≤ 1 s", cold <= 1)

    for mode in ("no-cache", "cache"):
        proc = subprocess.run([sys.executable, "-c", RSS_SCRIPT, str(zh_en), mode], capture_output=True, text=True,
                              check=True)
        peak = json.loads(proc.stdout)["peak"] / 1024 / 1024
        add(f"peak RSS, fresh process, load and index ({mode})", peak, "MB", "< 400 MB", peak < 400)

    return loads(args, g, data=zh_en.read_bytes(), add=add, rows=rows, xlsx=True)


def loads(args: argparse.Namespace, g: Any, *, data: bytes, add: Callable[..., None],
          rows: list[tuple[str, float, str, str]], xlsx: bool) -> int:
    """TBX (and XLSX) of the CSV's terms, first load, timed in turn with the CSV's."""
    from glossary.formats import read_bytes, render
    from glossary.model import Term

    plain = [Term(id=t.id, zh=t.zh, en=t.en) for t in g]  # what the CSV holds: no pinyin to write or check
    blobs = {"tbx": (render(plain, format="tbx"), "t.tbx", "TBX-Basic as exported")}
    if xlsx:
        import io

        import openpyxl

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("terms")
        sheet.append(["zh", "en"])
        for t in plain:
            sheet.append([t.zh, t.en])
        buffer = io.BytesIO()
        book.save(buffer)
        blobs["xlsx"] = (render(plain, format="xlsx"), "t.xlsx", "XLSX as exported, every column")
        blobs["xlsx2"] = (buffer.getvalue(), "t.xlsx", "XLSX with the CSV's two columns")
    cases: dict[str, Callable[[], Any]] = {"csv": lambda: read_bytes(data, "t.csv")}
    for key, (blob, name, _) in blobs.items():
        cases[key] = lambda blob=blob, name=name: read_bytes(blob, name)
    timed = interleaved(cases, args.repeat)
    add("CSV, first load (read and validate)", timed["csv"])
    for key, (blob, _, what) in blobs.items():
        add(f"{what} ({len(blob) / 1e6:.0f} MB), first load", timed[key])
        add("  ratio to the CSV", timed[key] / timed["csv"], "×", "≤ 3×", timed[key] / timed["csv"] <= 3)
    if args.json:
        args.json.write_text(json.dumps([dict(zip(("name", "value", "unit", "target"), r)) for r in rows],
                                        indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
