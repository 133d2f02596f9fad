"""Generate a synthetic glossary and texts for the speed benchmarks.

Everything is drawn from one seeded ``random.Random``, so the same
``--terms/--bytes/--seed`` always give the same files (for a given pypinyin,
which supplies the readings of the character pool).

Files written to ``--out`` (default ``benchmarks/out/full``):

* ``terms.csv``       the glossary: id,zh,en,pinyin,romanization,category
                      (pinyin and romanization given, so loading computes neither)
* ``terms-bare.csv``  the same terms as id,zh,en,category (loading computes pinyin)
* ``terms-small.csv`` the first 10 terms, for the small-table load benchmark
* ``en.txt``          English prose with a term every ~20 words, some glossed
* ``zh.txt``          Chinese prose with a term every ~30 characters
* ``article.md``      a 20 KB English article using the bundled table's terms
* ``meta.json``       the parameters and how many terms were planted

Terms planted in the texts are drawn from the first tenth of the table (the
terms are in random order), so a glossary of the first tenth finds the same
planted terms as the whole one: that is what the glossary-size scaling
benchmark compares.

Usage::

    python benchmarks/generate.py --terms 100000 --bytes 1000000 --seed 1 --out benchmarks/out/full
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
BUNDLED_TABLE = REPO / "data" / "terms.csv"

#: Common Simplified characters, most frequent first (from a general frequency
#: list). Polyphonic characters are dropped at run time (see :func:`char_pool`).
COMMON = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家"
    "种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民"
    "第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话"
    "合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神"
    "总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则"
    "听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候"
    "带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵"
    "连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片"
    "史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房"
    "半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批"
    "群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚"
    "独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福"
    "纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修"
    "皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒"
    "岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误"
    "湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损"
    "忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授"
    "诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖"
    "丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休"
    "虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅"
    "振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱"
    "援译夺汽烧距裁偏符勇触课敬哭懂墙袭召罚侠厅拜巧侧韩冒债曼融惯享戴童犹乘挂奖绍厚纵障讯涉彻刊丈爆乌役描洗玛患妙镜唱烦"
    "签仙彼弗症仿倾牌陷鸟轰咱菜闭奋庆撤泪茶疾缘播朗杜奶季丹狗尾仪偷奔珠虫驻孔宜艾桥淡翼恨繁寒伴叹旦愈潮粮缩罢聚径恰挑袋"
    "灰捕徐珍幕映裂泰隔启尖忠累炎暂估泛荒偿横拒瑞忆孤鼻闹羊呆厉衡胞零穷舍码赫婆魂灾洪腿胆津俗辩胸晓劲贫仁偶辑邦恢赖圈摸"
)

#: Common monophonic surnames (a name's first character).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓彭萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪"
    "范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)

#: English filler: common words, none of them a capitalized pinyin name.
EN_WORDS = (  # noqa: SIM905 (a word list reads better as text)
    "the of and to in is was for that on with as by at from it his her this which be are have had not but they were "
    "been has their said its an who also will would more new after first two one other about into over than when "
    "some time years there can all may only most people such made year later where between many under while during "
    "before both through since city state these being three could did them part then well work world group team "
    "report plan launch mission space rocket station orbit satellite program agency engineer scientist official "
    "minister meeting session delegate committee province capital river mountain company project research data "
    "system test flight crew module payload vehicle engine stage model design build country region market policy "
    "budget press media source expert analyst director chief deputy member council court law rule public private "
    "early late last next week month today yesterday morning evening large small long short high low major minor "
    "north south east west central local national foreign global domestic said told noted added stated announced "
    "confirmed reported expected planned completed started opened closed visited joined led met spoke wrote"
).split()

EN_SEPARATORS = frozenset(" -'")


@dataclass(frozen=True)
class Entry:
    """One synthetic term."""

    id: str
    zh: str
    en: str
    pinyin: str
    category: str


@dataclass
class Meta:
    """What was generated, written to meta.json."""

    terms: int
    bytes: int
    seed: int
    en_chars: int
    zh_chars: int
    en_planted: int
    zh_planted: int
    en_glossed: int
    article_chars: int
    version: int = 2


# ------------------------------------------------------------------ readings
def compile_package() -> None:
    """Write the package's bytecode, as ``pip install`` does, so that a cold process measured by a
    benchmark does not compile the package first (with PYTHONDONTWRITEBYTECODE set, an editable
    install never keeps it)."""
    import compileall

    import glossary

    compileall.compile_dir(str(Path(glossary.__file__).parent), quiet=1)


def _readings(chars: str) -> dict[str, tuple[str, str]]:
    """(toneless, tone-marked) reading of each character that has just one."""
    from pypinyin import Style, pinyin

    out: dict[str, tuple[str, str]] = {}
    for ch in chars:
        marked = pinyin(ch, style=Style.TONE, heteronym=True)[0]
        plain = {p for p in pinyin(ch, style=Style.NORMAL, heteronym=True)[0]}
        if len(marked) == 1 and len(plain) == 1 and marked[0].isalpha():
            toneless = plain.pop().replace("v", "ü")
            out[ch] = (toneless, marked[0])
    return out


def char_pools() -> tuple[str, str, str, dict[str, tuple[str, str]]]:
    """Surnames, the term pool and the filler pool (disjoint), with readings.

    Common monophonic characters are dealt alternately to the term and the
    filler pool, so filler never spells a term by accident.
    """
    unique = "".join(dict.fromkeys(c for c in COMMON + SURNAMES if "\u4e00" <= c <= "\u9fff"))
    readings = _readings(unique)
    surnames = "".join(c for c in dict.fromkeys(SURNAMES) if c in readings)
    rest = [c for c in unique if c not in surnames]
    term_pool = "".join(c for i, c in enumerate(rest) if i % 2 == 0 and c in readings)
    filler_pool = "".join(c for i, c in enumerate(rest) if i % 2 == 1)
    return surnames, term_pool, filler_pool, readings


# --------------------------------------------------------------------- terms
def _word(syllables: Sequence[str]) -> str:
    """Syllables written as one word, with the pinyin apostrophe before a/o/e."""
    out = syllables[0]
    for s in syllables[1:]:
        out += ("'" if s[0] in "aoe" else "") + s
    return out[:1].upper() + out[1:]


def _group(n: int) -> list[int]:
    """Word sizes for an n-syllable non-personal name: pairs, a tail of one joins the last."""
    sizes = [2] * (n // 2)
    if n % 2:
        if sizes:
            sizes[-1] += 1
        else:
            sizes = [1]
    return sizes


def _spell(chars: str, readings: dict[str, tuple[str, str]], person: bool) -> tuple[str, str]:
    """English and tone-marked pinyin of a synthetic name."""
    plain = [readings[c][0] for c in chars]
    marked = [readings[c][1] for c in chars]
    sizes = [1, len(chars) - 1] if person else _group(len(chars))
    en_words, py_words, i = [], [], 0
    for size in sizes:
        en_words.append(_word(plain[i:i + size]))
        py_words.append(_word(marked[i:i + size]))
        i += size
    return " ".join(en_words), " ".join(py_words)


def _en_key(en: str) -> str:
    return "".join(c for c in en.casefold() if c not in EN_SEPARATORS)


def make_terms(count: int, rng: random.Random) -> list[Entry]:
    """``count`` terms with unique zh and unique English (ignoring case, spaces, hyphens, apostrophes)."""
    surnames, pool, _, readings = char_pools()
    seen_zh: set[str] = set()
    seen_en: set[str] = set()
    out: list[Entry] = []
    while len(out) < count:
        person = rng.random() < 0.5
        if person:
            zh = rng.choice(surnames) + "".join(rng.choices(pool, k=rng.choice((1, 2, 2))))
            category = "person"
        else:
            zh = "".join(rng.choices(pool, k=rng.choice((2, 3, 4, 4, 5))))
            category = rng.choice(("organization", "place", "other"))
        en, py = _spell(zh, readings, person)
        key = _en_key(en)
        if zh in seen_zh or key in seen_en:
            continue
        seen_zh.add(zh)
        seen_en.add(key)
        out.append(Entry(id=f"t{len(out):06d}", zh=zh, en=en, pinyin=py, category=category))
    return out


def write_tables(terms: Sequence[Entry], out: Path) -> None:
    with open(out / "terms.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("id", "zh", "en", "pinyin", "romanization", "category"))
        w.writerows((t.id, t.zh, t.en, t.pinyin, "pinyin", t.category) for t in terms)
    for name, rows in (("terms-bare.csv", terms), ("terms-small.csv", terms[:10])):
        with open(out / name, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(("id", "zh", "en", "category"))
            w.writerows((t.id, t.zh, t.en, t.category) for t in rows)


# --------------------------------------------------------------------- texts
def _sentences_en(words: Sequence[str], rng: random.Random) -> Iterator[list[str]]:
    """Endless filler sentences (lists of words)."""
    while True:
        yield [rng.choice(words) for _ in range(rng.randint(8, 24))]


def english_text(terms: Sequence[Entry], size: int, rng: random.Random,
                 gloss_rate: float = 0.1, words: Sequence[str] = EN_WORDS) -> tuple[str, int, int]:
    """About ``size`` bytes of English with a term every ~20 words.

    A term is followed by its Chinese in brackets with probability
    ``gloss_rate``; one gloss in 20 is another term's Chinese (a mismatch),
    and one term in 50 is written lower-case (a tolerant match).
    Returns (text, terms planted, glosses written).
    """
    parts: list[str] = []
    length = planted = glossed = 0
    gap = rng.randint(10, 30)
    sentences_in_par = 0
    for sentence in _sentences_en(words, rng):
        out: list[str] = []
        for word in sentence:
            out.append(word)
            gap -= 1
            if gap > 0:
                continue
            gap = rng.randint(10, 30)
            term = rng.choice(terms)
            name = term.en.lower() if rng.random() < 0.02 else term.en
            if rng.random() < gloss_rate:
                zh = rng.choice(terms).zh if rng.random() < 0.05 else term.zh
                name += f" ({zh})"
                glossed += 1
            out.append(name)
            planted += 1
        line = " ".join(out)
        line = line[0].upper() + line[1:] + "."
        sentences_in_par += 1
        sep = "\n\n" if sentences_in_par % 6 == 0 else " "
        parts.append(line + sep)
        length += len((line + sep).encode("utf-8"))
        if length >= size:
            break
    return "".join(parts).rstrip() + "\n", planted, glossed


def chinese_text(terms: Sequence[Entry], size: int, rng: random.Random, filler: str) -> tuple[str, int]:
    """About ``size`` UTF-8 bytes of Chinese with a term every ~30 characters.

    Filler characters come from a pool disjoint from the terms' characters;
    clauses end in ，and sentences in 。. Returns (text, terms planted).
    """
    out: list[str] = []
    length = planted = 0
    gap = rng.randint(20, 40)
    clause = rng.randint(6, 16)
    clauses = 0
    while length < size:
        piece = rng.choice(filler)
        gap -= 1
        if gap <= 0:
            gap = rng.randint(20, 40)
            piece = rng.choice(terms).zh
            planted += 1
        out.append(piece)
        length += len(piece.encode("utf-8"))
        clause -= len(piece)
        if clause <= 0:
            clause = rng.randint(6, 16)
            clauses += 1
            mark = "。" if clauses % 3 == 0 else "，"
            if clauses % 15 == 0:
                mark += "\n"
            out.append(mark)
            length += len(mark.encode("utf-8"))
    return "".join(out).rstrip("，") + "。\n", planted


def bundled_terms(path: Path = BUNDLED_TABLE) -> list[Entry]:
    """The bundled table's terms (zh, en, category), for the article."""
    with open(path, encoding="utf-8", newline="") as fh:
        return [Entry(id=r["id"], zh=r["zh"], en=r["en"], pinyin="", category=r.get("category", ""))
                for r in csv.DictReader(fh) if r.get("zh") and r.get("en")]


# ---------------------------------------------------------------------- main
def generate(out: Path, terms: int, size: int, seed: int) -> Meta:
    """Write every benchmark input to ``out`` and return what was made."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    entries = make_terms(terms, rng)
    write_tables(entries, out)
    in_text = entries[: max(1, terms // 10)]
    en, en_planted, en_glossed = english_text(in_text, size, rng)
    _, _, filler, _ = char_pools()
    zh, zh_planted = chinese_text(in_text, size, rng, filler)
    article, _, _ = english_text(bundled_terms(), 20_000, rng, gloss_rate=0.3)
    (out / "en.txt").write_text(en, encoding="utf-8")
    (out / "zh.txt").write_text(zh, encoding="utf-8")
    (out / "article.md").write_text(article, encoding="utf-8")
    meta = Meta(terms=terms, bytes=size, seed=seed, en_chars=len(en), zh_chars=len(zh), en_planted=en_planted,
                zh_planted=zh_planted, en_glossed=en_glossed, article_chars=len(article))
    (out / "meta.json").write_text(json.dumps(asdict(meta), indent=2) + "\n", encoding="utf-8")
    return meta


def read_meta(out: Path) -> dict[str, int] | None:
    """The meta.json of an earlier run, or None."""
    try:
        meta: dict[str, int] = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta


def ensure(out: Path, terms: int, size: int, seed: int) -> dict[str, int]:
    """Generate into ``out`` unless it already holds these parameters."""
    meta = read_meta(out)
    want = {"terms": terms, "bytes": size, "seed": seed, "version": Meta.__dataclass_fields__["version"].default}
    if meta is None or any(meta.get(k) != v for k, v in want.items()):
        meta = asdict(generate(out, terms, size, seed))
    return meta


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--terms", type=int, default=100_000, help="glossary size (default 100000)")
    p.add_argument("--bytes", type=int, default=1_000_000, help="size of each text in UTF-8 bytes (default 1000000)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--out", type=Path, default=HERE / "out" / "full",
                   help="output folder (default benchmarks/out/full)")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    meta = generate(args.out, args.terms, args.bytes, args.seed)
    print(f"wrote {args.out}: {meta.terms} terms, {meta.en_chars} English chars ({meta.en_planted} terms, "
          f"{meta.en_glossed} glossed), {meta.zh_chars} Chinese chars ({meta.zh_planted} terms), "
          f"article {meta.article_chars} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
