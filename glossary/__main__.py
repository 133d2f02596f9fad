"""``python -m glossary``: the same as the ``glossary`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
