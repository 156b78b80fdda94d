"""File names a memory card can hold.

USB sticks and SD cards are formatted FAT32 or exFAT, which ignore case and
refuse some characters and names. A built site with such a name loses a
page (or one replaces another) when it is copied to a stick, so the build
warns about them, and so does `waymark export usb`.
"""
from pathlib import Path, PurePosixPath

from .files import case_twins, name_problem

LONGEST = 255  # characters in one name, on FAT32 and exFAT


def problems(paths):
    """(path, message) for each relative path that FAT32 or exFAT cannot hold
    as it is (by the rules content file names follow, `files.name_problem`),
    and for paths that differ only in case."""
    found = []
    folders = {str(parent) for path in paths for parent in PurePosixPath(path).parents}
    every = sorted(set(paths) | folders - {"."})
    for path in every:
        for part in PurePosixPath(path).parts:
            why = name_problem(part)
            if why is None and len(part) > LONGEST:
                why = f"the name '{part[:40]}…' is longer than {LONGEST} characters: rename it"
            if why:
                found.append((path, why))
    for first, second in case_twins(every):
        found.append((second, f"differs from '{first}' only in upper and lower case: on a "
                              f"memory card one would replace the other"))
    return sorted(found)


def warn(folder, found):
    """A warning for each name in the built `folder` that a card cannot hold."""
    folder = Path(folder)
    paths = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    paths = [path for path in paths if not path.startswith(".")]
    for path, message in problems(paths):
        found.warning(f"(built file) {path}", None, message)
