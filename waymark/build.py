"""The build: content folder in, static site folder out.

Stages, in order; nothing is written to the output before every check passed:
1. settings and languages (`config`);
2. content: read, check and render every Markdown file (`content`);
3. UI catalogues: check and compile (`catalogs`);
4. freeze every page of every language into a staging folder (`freeze`);
5. check the frozen pages' links;
6. index each language for search (`search.export`);
7. write the service worker with the precache list (`offline`);
8. swap the staging folder in for the output folder.
A failure at any stage raises BuildFailed with every problem found, and the
previous output stays as it was.
"""
from dataclasses import dataclass
from pathlib import Path
import shutil
import tempfile

from .search import export as search_export, vocabulary as search_vocabulary

from . import catalogs, config, content, create_app, freeze, offline, translators
from .errors import BuildFailed, Problems

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    output: Path
    pages: int
    problems: Problems  # warnings only, when the build succeeded


def load(content_dir, problems):
    """Stages 1-2: the checked, rendered site, or None."""
    settings = config.load(content_dir, problems)
    if settings is None:
        return None
    site = content.load(content_dir, settings, problems)
    if site is not None:  # the readers' words for search, checked with the content
        search_vocabulary.load(Path(content_dir), site, problems)
    return site


def build(content_dir=ROOT / "content", output_dir=ROOT / "dist",
          translations_dir=ROOT / "translations"):
    content_dir, output_dir = Path(content_dir).resolve(), Path(output_dir).resolve()
    problems = Problems(root=str(Path.cwd()))
    site = load(content_dir, problems)
    if site is None or problems.errors:
        raise BuildFailed(problems)
    check_output(output_dir, problems)
    if problems.errors:
        raise BuildFailed(problems)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="waymark-mo-") as compiled, \
            tempfile.TemporaryDirectory(prefix=f".{output_dir.name}.", dir=output_dir.parent) as staging:
        catalogs.compile_all(translations_dir, site.languages, compiled, problems)
        if problems.errors:
            raise BuildFailed(problems)
        status = translators.status(site, translations_dir, Problems())
        app = create_app(site, translations_dir=compiled, test_config={"WAYMARK_STATUS": status})
        pages = freeze.freeze(app, site, Path(staging) / "site", problems)
        if problems.errors:
            raise BuildFailed(problems)
        search_export.write_all(site, Path(staging) / "site")
        offline.write_worker(Path(staging) / "site", [lang.code for lang in site.languages],
                             site.config.default_language)
        swap(Path(staging) / "site", output_dir)
    return Result(output_dir, pages, problems)


def check_output(output_dir, problems):
    """Refuse to replace a folder that is not an earlier build."""
    if output_dir.exists() and any(output_dir.iterdir()) and not (
            (output_dir / offline.WORKER).exists() and (output_dir / "index.html").exists()):
        problems.error(output_dir, None, "this folder is not empty and is not a Waymark "
                                         "build; choose another --output or empty it")


def swap(new, output_dir):
    """Put `new` where `output_dir` is, keeping the old one until the last moment."""
    old = new.parent / "old"
    if output_dir.exists():
        output_dir.rename(old)
    new.rename(output_dir)
    shutil.rmtree(old, ignore_errors=True)
