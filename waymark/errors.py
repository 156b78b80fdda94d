"""Problems found in content, and the one exception a failed build raises.

Every check in Waymark reports into a `Problems` list instead of raising at
the first fault, so a translator sees everything to fix in one run, each as
`path:line: level: message`.
"""
from dataclasses import dataclass, field
import difflib
import os
from pathlib import Path
import sys


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    level: str  # "error" or "warning"
    message: str

    def __str__(self):
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.level}: {self.message}"


@dataclass
class Problems:
    """The problems found so far; paths are shown relative to `root`."""

    root: str = ""
    items: list = field(default_factory=list)

    def error(self, path, line, message):
        self.items.append(Problem(self._show(path), line, "error", message))

    def warning(self, path, line, message):
        self.items.append(Problem(self._show(path), line, "warning", message))

    def as_data(self):
        """The problems as plain lists, to keep (the build's cache) or send
        from another process; `replay` reports them again."""
        return [[p.level, p.path, p.line, p.message] for p in self.items]

    def replay(self, data):
        for level, path, line, message in data:
            (self.error if level == "error" else self.warning)(path, line, message)

    @property
    def errors(self):
        return [p for p in self.items if p.level == "error"]

    @property
    def warnings(self):
        return [p for p in self.items if p.level == "warning"]

    def _show(self, path):
        path = str(path)
        if self.root and path.startswith(self.root.rstrip("/") + "/"):
            return path[len(self.root.rstrip("/")) + 1:]
        return path


class BuildFailed(Exception):
    """The build stopped before writing anything; `problems` says why."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(f"{len(problems.errors)} error(s)")


def relative(path):
    """`path` as typed from the current folder, when it is inside it."""
    shown = os.path.relpath(path)
    return str(path) if shown.startswith("..") else shown


def did_you_mean(word, choices):
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def command():
    """How the reader typed Waymark's command, so that the commands our
    messages suggest work when pasted: `python3 build.py` in a checkout,
    else `waymark`."""
    script = Path(sys.argv[0])
    if script.name != "build.py":
        return "waymark"
    return f"python3 {relative(script.resolve())}"
