"""Which files of the content folder may be published, and where they go.

A built site is copied to USB sticks (FAT32, exFAT), opened on Windows and
macOS, and served as web addresses, so every name in a language folder must
survive all of these: no characters a web address or those disks refuse, no
names Windows keeps for devices, no two names that differ only in case
(`Guide.md` and `guide.md` are one file there; the second copy overwrites the
first). Nothing that resolves outside the content folder (a symlink to a
private file) is read or published. A page's own images are found beside it,
or beside its source when a translation has none of its own.
"""
import os
from pathlib import Path
import unicodedata

from . import kinds, staged

# What each character breaks, in the words of the message.
URL_CHARACTERS = {"#": "web addresses", "?": "web addresses", "%": "web addresses"}
DISK_CHARACTERS = dict.fromkeys(':*"<>|\\', "USB sticks (FAT32, exFAT) and Windows")
DEVICE_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
                *(f"LPT{n}" for n in range(1, 10))}


def check_tree(content_dir, languages, problems):
    """Report every name in the language folders (`languages`: their names)
    that a disk, a browser or the site's own pages would break, and every
    link out of the content folder."""
    content_dir = Path(content_dir)
    folders = sorted(p.name for p in content_dir.iterdir()
                     if p.is_dir() and not p.name.startswith((".", "_")))
    _report_twins(content_dir, folders, problems)
    for code in languages:
        if _is_inside(content_dir / code, content_dir, problems):
            _check_folder(content_dir, content_dir / code, problems)


def _check_folder(content_dir, top, problems):
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        entries = sorted(dirs + [n for n in names if not n.startswith(".") or n.endswith(".md")])
        for name in entries:
            path = Path(folder) / name
            message = name_problem(name) or _site_page_problem(path.relative_to(content_dir))
            if message:
                problems.error(path, None, message)
            if path.is_symlink():  # (the walk does not enter linked folders)
                _is_inside(path, content_dir, problems)
        _report_twins(Path(folder), entries, problems)


def _is_inside(path, content_dir, problems):
    if inside(path, content_dir):
        return True
    problems.error(path, None, f"this links to {path.resolve()}, outside the content folder: "
                               f"copy the file here instead")
    return False


def _report_twins(folder, names, problems):
    for first, second in case_twins(names):
        problems.error(folder / second, None, f"'{first}' and '{second}' differ only in case: "
                                              f"USB sticks, Windows and macOS keep only one of "
                                              f"them; rename one")


def name_problem(name):
    """Why a file or folder name cannot be published, or None."""
    for char in name:
        if char in URL_CHARACTERS or char in DISK_CHARACTERS:
            breaks = URL_CHARACTERS.get(char) or DISK_CHARACTERS[char]
            return f"the name '{name}' has '{char}', which {breaks} cannot take: rename it " \
                   f"(letters, digits, '-' and '_' are safe)"
        if ord(char) < 32:
            return f"the name {name!r} has a control character: rename it"
    if name.startswith("."):
        return f"the name '{name}' starts with '.', which hides the file: rename it"
    if name.endswith((".", " ")):
        return f"the name '{name}' ends with a dot or a space, which Windows and USB sticks " \
               f"drop: rename it"
    if name.split(".")[0].upper() in DEVICE_NAMES:
        return f"'{name}' is a name Windows keeps for a device: rename it"
    return None


def _site_page_problem(rel):
    """A page whose built file is, but for case, one the site makes itself."""
    if rel.suffix != ".md" or len(rel.parts) not in (2, 3):
        return None
    stem, built = rel.stem, f"{rel.stem}.html"
    if len(rel.parts) == 3 and stem.casefold() == "index":
        return f"'{rel.name}' would be built as {built}, over the section's own index.html: " \
               f"rename it"
    if len(rel.parts) == 2 and stem.casefold() in kinds.RESERVED | {"_index"} and stem != stem.lower():
        return f"'{rel.name}' would be built as {built}, which USB sticks, Windows and macOS " \
               f"take for the site's own {stem.lower()}.html: rename it"
    return None


def case_twins(names):
    """(first, second) for names that one disk or another takes as the same."""
    seen = {}
    for name in names:
        key = unicodedata.normalize("NFC", name).casefold()
        if key in seen:
            yield seen[key], name
        else:
            seen[key] = name


def inside(path, root):
    """Whether `path`, with every link followed, is inside the folder `root`."""
    return Path(path).resolve().is_relative_to(Path(root).resolve())


def find_image(rel, folders, content_dir):
    """The first file `rel` names in `folders` (a language's own folder, then
    its source's), if it is really inside the content folder."""
    for folder in folders:
        file = Path(folder) / rel
        if file.is_file() and inside(file, content_dir):
            return file
    return None


def copy_images(site, output_dir):
    """Copy each page's own images beside the page, in every language it is
    shown in. Return the paths written, from `output_dir`."""
    written = set()
    for lang in site.languages:
        for entry in site.entries:
            for source, rel in entry.shown(lang.code).doc.images:
                staged.put(output_dir, f"{lang.code}/{rel}", Path(source).read_bytes())
                written.add(f"{lang.code}/{rel}")
    return written


def image_paths(site):
    """The paths, from the output folder, that copy_images writes."""
    return {f"{lang.code}/{rel}" for lang in site.languages for entry in site.entries
            for _, rel in entry.shown(lang.code).doc.images}
