"""``python -m glossary``: the same as the ``glossary`` command."""

import sys

from ._entry import run

if __name__ == "__main__":
    sys.exit(run())
