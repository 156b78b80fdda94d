"""File names a memory card can hold.

USB sticks and SD cards are formatted FAT32 or exFAT, which ignore case and
refuse some characters and names. A built site with such a name loses a
page (or one replaces another) when it is copied to a stick, so the build
warns about them, and so does `waymark export usb`.
"""
from pathlib import Path, PurePosixPath

RESERVED_CHARACTERS = set('"*:<>?\\|')
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
                  *(f"LPT{n}" for n in range(1, 10))}


def problems(paths):
    """(path, message) for each relative path that FAT32 or exFAT cannot hold
    as it is, and for paths that differ only in case."""
    found, seen = [], {}
    folders = {str(parent) for path in paths for parent in PurePosixPath(path).parents}
    for path in sorted(set(paths) | folders - {"."}):
        for part in PurePosixPath(path).parts:
            bad = sorted(set(part) & RESERVED_CHARACTERS) + [
                f"\\x{ord(c):02x}" for c in part if ord(c) < 32]
            if bad:
                found.append((path, f"'{part}' has characters that memory cards do not "
                                    f"allow in names ({' '.join(bad)}): rename it"))
            elif part.endswith((".", " ")):
                found.append((path, f"'{part}' ends with a dot or a space, which memory "
                                    f"cards drop: rename it"))
            elif part.split(".")[0].upper() in RESERVED_NAMES:
                found.append((path, f"'{part}' is a name Windows keeps for a device: "
                                    f"rename it"))
            elif len(part) > 255:
                found.append((path, f"'{part[:40]}…' is longer than 255 characters"))
        folded = path.casefold()
        if folded in seen:
            found.append((path, f"differs from '{seen[folded]}' only in upper and lower "
                                f"case: on a memory card one would replace the other"))
        seen.setdefault(folded, path)
    return found


def warn(folder, found):
    """A warning for each name in the built `folder` that a card cannot hold."""
    folder = Path(folder)
    paths = [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]
    paths = [path for path in paths if not path.startswith(".")]
    for path, message in problems(paths):
        found.warning(f"(built file) {path}", None, message)
