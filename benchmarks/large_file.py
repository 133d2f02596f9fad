"""Time and peak memory of ``glossary check`` on large Markdown files.

Generates seeded English Markdown (paragraphs with glossed names from the
bundled table, headings, fenced code blocks with blank lines inside, a few
variant and forbidden spellings), runs ``glossary check`` on it in a fresh
process (``python -c`` calling ``glossary.cli.main``, which is what the
installed command runs), and prints the wall time, the peak RSS of that
process (its VmHWM) and the number of report lines, for each size.

Usage (from the repository root, with the project installed)::

    python benchmarks/large_file.py                 # 5 MB and 50 MB
    python benchmarks/large_file.py --sizes 1,10,50 --keep --out /tmp/large

Comparing sizes shows whether time grows linearly and memory stays flat as
the file grows. ``--compare`` also checks each file whole, in this process
(as ``glossary.check_text``; this takes about 40 bytes of memory per byte of
text), and says whether the command's report, made piece by piece, is the
same. docs/errors.md quotes the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import glossary

_FILLER = [
    "the", "delegation", "said", "on", "Tuesday", "that", "the", "programme", "would", "continue", "as",
    "planned", "and", "that", "further", "details", "were", "expected", "later", "in", "the", "year",
    "while", "officials", "in", "several", "provinces", "reviewed", "the", "budget", "figures", "and",
    "engineers", "tested", "the", "new", "systems", "ahead", "of", "the", "next", "launch", "window",
]


def _paragraphs(rng: random.Random) -> list[str]:
    """A pool of paragraphs, each a few sentences with glossed and plain names."""
    terms = [t for t in glossary.load() if not t.ambiguous]
    pool = []
    for _ in range(2000):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            t = rng.choice(terms)
            words = rng.sample(_FILLER, rng.randint(6, 14))
            roll = rng.random()
            if roll < 0.01 and t.forbidden:
                name = f"{rng.choice(t.forbidden)} ({t.zh})"
            elif roll < 0.03 and t.variants:
                name = rng.choice(t.variants)
            elif roll < 0.4:
                name = f"{t.en} ({t.zh})"
            else:
                name = t.en
            cut = rng.randint(1, len(words) - 1)
            sentences.append(" ".join(words[:cut]).capitalize() + f" {name} " + " ".join(words[cut:]) + ".")
        pool.append(" ".join(sentences))
    return pool


def generate(path: Path, size: int, seed: int = 1) -> None:
    """Write about ``size`` bytes of Markdown to ``path``."""
    rng = random.Random(seed)
    pool = _paragraphs(rng)
    written = 0
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as out:
        while written < size:
            if n % 40 == 0:
                block = f"## Section {n // 40 + 1}\n\n"
            elif n % 97 == 0:
                block = "```text\nLi Qiang (李刚) in code is not checked\n\n\nstill code: Wang Yapin\n```\n\n"
            else:
                block = rng.choice(pool) + "\n\n"
            out.write(block)
            written += len(block.encode("utf-8"))
            n += 1


#: Runs the command's main() and then records the process's own peak RSS (VmHWM, Linux) in the
#: file named by its first argument. ``ru_maxrss`` from wait4 would not do: Linux carries the
#: parent's high-water mark over fork and exec, so a child of this (large) process would report
#: at least this process's size.
_CHILD = """
import sys
from glossary import bilingual
from glossary.cli import main

if sys.argv[2] != "default":
    bilingual.CHUNK_BYTES = int(sys.argv[2])
status = main(sys.argv[3:])
try:
    with open("/proc/self/status", encoding="ascii") as fh:
        peak = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmHWM:"))
except OSError:
    peak = 0
with open(sys.argv[1], "w", encoding="ascii") as out:
    out.write(str(peak))
sys.exit(status)
"""


def measure(path: Path, extra: list[str], piece_bytes: int | None = None) -> tuple[float, int, int, int]:
    """(seconds, peak RSS in bytes, exit status, report lines) of one ``glossary check`` run."""
    report = path.with_suffix(".report.txt")
    peak_file = path.with_suffix(".peak")
    with report.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(peak_file), str(piece_bytes or "default"),
                                 "check", "--no-config", "--exit-zero", *extra, str(path)],
                                stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"glossary check failed ({proc.returncode}): {err}")
    with report.open("rb") as fh:
        lines = sum(1 for _ in fh)
    rss = int(peak_file.read_text(encoding="ascii") or 0)
    if not rss:  # not Linux: ru_maxrss, an upper bound (see _CHILD)
        rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return seconds, rss, proc.returncode, lines


def compare(path: Path) -> str:
    """Whether the command's report equals check_text's on the whole file ("yes"/"NO")."""
    from dataclasses import replace

    from glossary.bilingual import read_text
    from glossary.report import format_text

    whole = [replace(f, path=str(path)) for f in glossary.check_text(read_text(path))]
    report = path.with_suffix(".report.txt").read_text(encoding="utf-8")
    return "yes" if format_text(whole, 1) == report else "NO"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5,50", help="comma-separated file sizes in MB (default: 5,50)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="folder for the generated files (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--piece-bytes", type=int, metavar="N",
                        help="read texts in pieces of N bytes (default: glossary.bilingual.CHUNK_BYTES, 256 KiB); "
                             "a huge N checks each file in one piece, as before pieces")
    parser.add_argument("--compare", action="store_true",
                        help="also check each file whole in this process and compare the reports")
    args = parser.parse_args(argv)
    folder = args.out or Path(tempfile.mkdtemp(prefix="glossary-large-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'size':>8} {'seconds':>8} {'MB/s':>6} {'peak RSS':>10} {'report lines':>13}")
    try:
        for mb in (float(s) for s in args.sizes.split(",")):
            path = folder / f"large-{mb:g}mb.md"
            if not path.exists():
                generate(path, int(mb * 1_000_000), args.seed)
            size = path.stat().st_size
            seconds, rss, _, lines = measure(path, [], args.piece_bytes)
            same = f"  same as whole: {compare(path)}" if args.compare else ""
            print(f"{size / 1e6:>6.1f}MB {seconds:>8.1f} {size / 1e6 / seconds:>6.2f} {rss / 2**20:>8.0f}MB "
                  f"{lines:>13,}{same}")
    finally:
        if not args.keep and args.out is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
