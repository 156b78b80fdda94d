"""The build: a site folder in, a static site folder out.

Stages, in order; nothing is written to the output before every check passed:
1. settings and languages (`config`);
2. content: read, check and render every Markdown file (`content`);
3. UI strings: check and load every catalogue (`catalogs`), and the
   translation status (`status`);
4. freeze every page of every language into a staging folder (`freeze`),
   copy each page's own images beside it (`files`), and check the frozen
   pages' links;
5. index each language for search (`search.export`): the browser's copy
   into the site, the preview server's Whoosh index into the cache folder;
6. write each language's single file, to pass on (`single`), and warn
   about file names a memory card cannot hold (`filenames`);
7. write the service worker and each language's precache list (`offline`);
8. publish: put the staged files in the output folder (`publish`).
A failure at any stage raises BuildFailed with every problem found, and the
previous output stays as it was. Stages 2 and 4-6 reuse what an earlier
build made from the same inputs (`cache`) and spread their work over the
machine's cores (`parallel`); a file the last build published unchanged is
staged as that very file, not written again (`staged`).
"""
from dataclasses import dataclass
from pathlib import Path
import shutil

from jinja2 import FileSystemBytecodeCache

from . import (__version__, assets, cache, catalogs, config, content, create_app, files,
               filenames, freeze, offline, publish, single, status)
from .errors import BuildFailed, Problems
from .search import export as search_export, vocabulary as search_vocabulary

CACHE_FOLDER = ".waymark"  # in the site folder: what the build keeps between runs
SEARCH_INDEX = "search"  # in the cache folder: the preview server's Whoosh index
CACHE_STORE = "cache"  # in the cache folder: renderings and pages a rebuild reuses
TEMPLATES = "templates"  # in the cache folder: the templates, compiled


@dataclass
class Result:
    output: Path
    pages: int
    problems: Problems  # warnings only, when the build succeeded
    version: str = __version__


def load(content_dir, problems, store=None):
    """Stages 1-2: the checked, rendered site, or None. `store` (a
    cache.Store) keeps renderings between runs."""
    settings = config.load(content_dir, problems)
    if settings is None:
        return None
    site = content.load(content_dir, settings, problems, store)
    if site is not None:  # the readers' words for search, checked with the content
        search_vocabulary.load(Path(content_dir), site, problems, store)
    return site


def cache_dir_of(content_dir):
    return config.site_dir_of(content_dir) / CACHE_FOLDER


def build(content_dir, output_dir=None, translations_dir=None, cache_dir=None):
    """Build the site whose content is `content_dir`. Defaults, relative to
    the site folder (the content folder's parent): dist/, translations/ and
    the cache folder .waymark/."""
    content_dir = Path(content_dir).resolve()
    site_dir = config.site_dir_of(content_dir)
    output_dir = Path(output_dir or site_dir / "dist").resolve()
    translations_dir = Path(translations_dir or site_dir / "translations")
    cache_dir = Path(cache_dir or site_dir / CACHE_FOLDER)
    problems = Problems(root=str(Path.cwd()))
    store = cache.Store(cache_dir / CACHE_STORE)

    site = load(content_dir, problems, store)
    _stop_on_errors(problems, site)
    ui = catalogs.load_all(translations_dir, site.languages, problems)
    _stop_on_errors(problems)
    rows = status.of(site, translations_dir, Problems())

    with publish.staging(output_dir, problems, cache_dir) as staging:
        _stop_on_errors(problems)
        app = create_app(site, ui=ui, status=rows)
        _keep_compiled_templates(app, cache_dir / TEMPLATES)
        pages = freeze.freeze(app, site, staging, problems, store)
        _stop_on_errors(problems)
        files.copy_images(site, staging)
        index_dir = cache_dir / f"{SEARCH_INDEX}.new"
        shutil.rmtree(index_dir, ignore_errors=True)
        search_export.write_all(site, staging, index_dir, store, cache_dir / SEARCH_INDEX)
        unsaved = single.write_all(app, site, staging, problems, store=store)
        # Every page the worker serves carries the first screen's styles inside.
        unsaved.append(f"static/{assets.published_name(app, assets.FIRST_SCREEN)}")
        filenames.warn(staging, problems)
        _stop_on_errors(problems)
        offline.write_worker(staging, [lang.code for lang in site.languages],
                             site.config.default_language, unsaved)
        publish.publish(staging, output_dir, cache_dir, problems)
        _stop_on_errors(problems)
    _replace(index_dir, cache_dir / SEARCH_INDEX)
    store.prune()
    return Result(output_dir, pages, problems)


def _keep_compiled_templates(app, folder):
    """Keep the compiled templates between builds (Jinja checks each one
    against its source); a folder that cannot be made only costs time."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    app.jinja_env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def _stop_on_errors(problems, *needed):
    if problems.errors or any(item is None for item in needed):
        raise BuildFailed(problems)


def _replace(new, old):
    publish.discard(old, old.parent)
    new.rename(old)
