"""`waymark init DIR`: a new site folder to start from.

It holds a settings file with every key explained, a small `content/en`
with one page of each kind (a section, a guide, a page), written to the
editorial brief and inventing nothing, a `translations/` folder and a README
for the site's maintainers.
"""
from pathlib import Path
import shutil

STARTER = Path(__file__).resolve().parent / "starter"
RENAMED = {"gitignore": ".gitignore"}  # package data cannot carry dotfiles


class NotEmpty(Exception):
    """The folder for a new site already holds files."""


def init(folder):
    """Create the starter site in `folder`; return the files made."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise NotEmpty(f"{folder} is not empty: choose a new folder for the site")
    made = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_dir():
            continue
        rel = source.relative_to(STARTER)
        target = folder / rel.parent / RENAMED.get(rel.name, rel.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        made.append(target)
    return made
