"""glossary: a Chinese–English term table and checks for its renderings.

>>> import glossary
>>> g = glossary.load()
>>> g.lookup("王亚平").en
'Wang Yaping'
>>> glossary.romanize("王亚平", kind="person")
'Wáng Yàpíng'
>>> [m.text for m in glossary.find_terms("Premier Li Qiang (李强) visited Tianjin.")]
['Li Qiang', '李强', 'Tianjin']

The public names are imported on first use (PEP 562), so that ``import
glossary`` and the command line start at once: a Ctrl-C in the first
milliseconds then lands in the command's own handler, not in an import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = [
    "CATEGORIES",
    "ROMANIZATIONS",
    "Finding",
    "Fix",
    "Glossary",
    "GlossaryError",
    "Match",
    "Problem",
    "Term",
    "apply_fixes",
    "check_pair",
    "check_pairs",
    "check_text",
    "export",
    "find_terms",
    "fix_text",
    "load",
    "romanize",
]

__version__ = "0.1.0"

#: Public name → the module that defines it.
_HOME = {
    "check_pair": ".check", "check_pairs": ".check", "check_text": ".check",
    "GlossaryError": ".errors", "Problem": ".errors",
    "export": ".exports",
    "apply_fixes": ".fix", "fix_text": ".fix",
    "Glossary": ".index", "load": ".index",
    "find_terms": ".match",
    "CATEGORIES": ".model", "ROMANIZATIONS": ".model", "Finding": ".model", "Fix": ".model", "Match": ".model", "Term": ".model",
    "romanize": ".pinyin",
}

if TYPE_CHECKING:  # pragma: no cover
    from .check import check_pair, check_pairs, check_text
    from .errors import GlossaryError, Problem
    from .exports import export
    from .fix import apply_fixes, fix_text
    from .index import Glossary, load
    from .match import find_terms
    from .model import CATEGORIES, ROMANIZATIONS, Finding, Fix, Match, Term
    from .pinyin import romanize


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        try:  # a submodule not imported yet: glossary.check, glossary.forms
            return import_module(f".{name}", __name__)
        except ModuleNotFoundError:
            raise AttributeError(f"module 'glossary' has no attribute {name!r}") from None
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
