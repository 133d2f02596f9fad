"""Language tags as termbases and spreadsheets write them: which of the table's languages each names.

One reading for every format: a TBX ``xml:lang`` and a CSV or XLSX header
cell (``zh-CN``, ``ZH_cn``, ``zh-Hant-TW``, Microsoft's legacy ``zh-CHT``,
ISO 639-2 ``zho``) go through :func:`language`. The script subtag decides
before the region (``zh-Hans-HK`` is Simplified, ``zh-Hant-SG``
Traditional); romanized Chinese (``zh-Latn-pinyin``) is not Chinese text.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["language"]

_CHINESE = frozenset({"zh", "zho", "chi", "cmn"})
_ENGLISH = frozenset({"en", "eng"})
_SIMPLIFIED_SCRIPTS = frozenset({"hans", "chs"})
_TRADITIONAL_SCRIPTS = frozenset({"hant", "cht"})
_TRADITIONAL_REGIONS = frozenset({"tw", "hk", "mo"})


@lru_cache(maxsize=512)
def language(tag: str) -> str:
    """``"zh"`` (Simplified), ``"hant"`` (Traditional), ``"en"`` or ``""`` for a language tag, any case.

    >>> [language(t) for t in ("zh", "ZH-cn", "zh-Hans", "zh-Hant", "zh_TW", "zh-HK", "en-GB", "fr")]
    ['zh', 'zh', 'zh', 'hant', 'hant', 'hant', 'en', '']
    >>> [language(t) for t in ("zh-CHT", "zh-CHS", "zh-Hans-HK", "zh-Hant-SG", "zh-Latn-pinyin", "zho-CN", "eng")]
    ['hant', 'zh', 'zh', 'hant', '', 'zh', 'en']
    """
    parts = tag.strip().lower().replace("_", "-").split("-")
    if parts[0] in _ENGLISH:
        return "en"
    if parts[0] not in _CHINESE:
        return ""
    rest = set(parts[1:])
    if "latn" in rest:
        return ""  # pinyin or another romanization: not the Chinese column
    if rest & _SIMPLIFIED_SCRIPTS:
        return "zh"
    if rest & _TRADITIONAL_SCRIPTS or rest & _TRADITIONAL_REGIONS:
        return "hant"
    return "zh"
