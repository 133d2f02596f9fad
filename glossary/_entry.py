"""The console entry point: quiet on a Ctrl-C while the program is still loading.

The ``glossary`` command imports its modules first. A Ctrl-C in those few
milliseconds would print Python's traceback; until :func:`glossary.cli.main`
runs (which handles Ctrl-C itself), it ends the program with status 130.
"""

from __future__ import annotations

import signal
import sys


def _interrupted(signum: int, frame: object) -> None:
    raise SystemExit(130)


def run() -> int:
    """Load the command line and run it; exit 130 on a Ctrl-C while loading."""
    previous = signal.signal(signal.SIGINT, _interrupted)
    try:
        from .cli import main
    finally:
        signal.signal(signal.SIGINT, previous)
    return main()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
