"""glossary: a Chinese–English term table and checks for its renderings.

>>> import glossary
>>> g = glossary.load()
>>> g.lookup("王亚平").en
'Wang Yaping'
>>> glossary.romanize("王亚平", kind="person")
'Wáng Yàpíng'
>>> [m.text for m in glossary.find_terms("Premier Li Qiang (李强) visited Tianjin.")]
['Li Qiang', '李强', 'Tianjin']
"""

from __future__ import annotations

from .check import check_pair, check_pairs, check_text
from .errors import GlossaryError, Problem
from .exports import export
from .index import Glossary, load
from .match import find_terms
from .model import CATEGORIES, ROMANIZATIONS, Finding, Match, Term
from .pinyin import romanize

__all__ = [
    "CATEGORIES",
    "ROMANIZATIONS",
    "Finding",
    "Glossary",
    "GlossaryError",
    "Match",
    "Problem",
    "Term",
    "check_pair",
    "check_pairs",
    "check_text",
    "export",
    "find_terms",
    "load",
    "romanize",
]

__version__ = "0.1.0"
