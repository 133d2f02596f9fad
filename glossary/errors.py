"""The one exception the library raises for bad input."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GlossaryError", "Problem"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a term table: where it is, what it is, how to fix it.

    ``line`` is 1-based (0 when the problem concerns the whole file).
    """

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}: {self.message}{hint}"


class GlossaryError(ValueError):
    """A term table or input text that cannot be used.

    The message names the file, the line and the problem; ``problems`` holds
    every problem found, not only the first.
    """

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem("<input>", 0, problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        first = self.problems[0] if self.problems else None
        self.path = first.path if first else ""
        self.line = first.line if first else 0
        lines = [str(p) for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"... and {len(self.problems) - 20} more problems")
        super().__init__("\n".join(lines))
