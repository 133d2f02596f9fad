"""glossary: a Chinese–English term table and checks for its renderings.

>>> import glossary
>>> g = glossary.load()
>>> g.lookup("王亚平").en
'Wang Yaping'
>>> glossary.romanize("王亚平", kind="person")
'Wáng Yàpíng'
"""

from __future__ import annotations

from .errors import GlossaryError, Problem
from .exports import export
from .index import Glossary, load
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
    "export",
    "load",
    "romanize",
]

__version__ = "0.1.0"
