"""Where the library keeps what it saves between runs (the compiled cache, jieba's frequency table)."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_dir"]


def cache_dir() -> Path:
    """The folder of the compiled cache: ``$GLOSSARY_CACHE_DIR``, else the user's cache folder."""
    env = os.environ.get("GLOSSARY_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("zhen-glossary", appauthor=False))
