"""The guides: read every language folder, check it, render it.

Which files are pages, and of which kind, is declared in `kinds`: a
section's `_index.md`, a guide in a section's folder, a page such as
"Offline and sharing" at the top of a language folder. The default
language's files are the sources; a file at the same path in another
language is their translation. Every source is a page in every language:
where the translation is missing, the source is shown with a notice.
"""
from dataclasses import dataclass, field
import hashlib
from pathlib import Path

from . import cache, contacts, files, frontmatter, kinds, markup, parallel
from .errors import Problems, did_you_mean, relative


@dataclass
class Doc:
    """One Markdown file in one language."""

    lang: str
    path: str  # relative to the language folder: "asylum/interview.md"
    file: Path
    meta: dict
    body: str
    body_line: int
    revision: str  # git's blob id of the file: translations record it
    lines: dict = field(default_factory=dict)  # front-matter key -> line
    html: str = ""
    headings: list = field(default_factory=list)
    anchors: list = field(default_factory=list)  # see markup.Rendered
    images: list = field(default_factory=list)  # see markup.Rendered

    @property
    def title(self):
        return self.meta.get("title", "")

    @property
    def display(self):
        """How messages name the file: 'content/es/asylum/interview.md' from
        the project folder (a path the reader can type), or from its
        content folder when that is elsewhere."""
        shown = relative(self.file.resolve())
        if not Path(shown).is_absolute():
            return shown
        content_dir = self.file.parents[self.path.count("/") + 1]
        return f"{content_dir.name}/{self.lang}/{self.path}"


@dataclass
class Shown:
    """What a reader of one language gets for one entry."""

    doc: Doc  # the translation, or the source when there is none
    lang: str  # the reader's language
    missing: bool = False
    outdated: bool = False
    draft: bool = False
    source_meta: dict = field(default_factory=dict)  # the source's front matter

    @property
    def sources(self):
        return self.doc.meta.get("sources") or self.source_meta.get("sources") or []

    @property
    def reviewed(self):
        return self.doc.meta.get("reviewed") or self.source_meta.get("reviewed")


@dataclass
class Entry:
    """A section, guide or page, in all the languages it exists in."""

    kind: kinds.Kind
    path: str
    source: Doc
    translations: dict  # lang -> Doc
    guides: list = field(default_factory=list)  # a section's guides, in order

    @property
    def url(self):
        """The page's URL, relative to its language folder."""
        return self.kind.page_url(self.path)

    @property
    def slug(self):
        values = self.kind.values(self.path)
        return values.get("slug") or values.get("section")

    @property
    def endpoint(self):
        """(endpoint, values) for url_for, less the language."""
        return self.kind.endpoint, self.kind.values(self.path)

    @property
    def order(self):
        return self.source.meta.get("order", 1000)

    def shown(self, lang):
        doc = self.translations.get(lang)
        if doc is None:
            return Shown(self.source, lang, missing=lang != self.source.lang,
                         source_meta=self.source.meta)
        recorded = doc.meta.get("source_revision") or ""
        return Shown(doc, lang, outdated=not self.source.revision.startswith(recorded),
                     draft=doc.meta.get("status") == "draft", source_meta=self.source.meta)


@dataclass
class Site:
    config: object
    sections: list  # Entry, in order, each with its guides
    pages: list  # Entry
    contacts: list = field(default_factory=list)  # contacts.Directory, global first

    @property
    def languages(self):
        return self.config.languages

    @property
    def entries(self):
        for section in self.sections:
            yield section
            yield from section.guides
        yield from self.pages

    def find(self, path):
        return self.by_path.get(path)

    @property
    def by_path(self):
        if getattr(self, "_by_path", None) is None:
            self._by_path = {entry.path: entry for entry in self.entries}
        return self._by_path


def load(content_dir, config, problems, store=None):
    """Read, check and render all content. Problems go into `problems`.
    Renderings come from `store` (a cache.Store) when nothing they depend on
    changed since a build put them there."""
    content_dir = Path(content_dir)
    store = store or cache.Store()
    default = config.default_language
    source_folder = content_dir / config.language(default).folder
    files.check_tree(content_dir, [lang.folder for lang in config.languages], problems)
    unreadable = set()  # sources with errors: they exist, so their links and translations are fine
    sources = _read_language(source_folder, default, True, problems, unreadable)
    entries = _entries(source_folder, sources, problems, unreadable)
    by_path = {entry.path: entry for entry in entries}
    for lang in config.languages:
        if lang.code == default:
            continue
        for doc in _read_language(content_dir / lang.folder, lang.code, False, problems):
            if doc.path in by_path:
                by_path[doc.path].translations[doc.lang] = doc
            elif doc.path not in unreadable:
                problems.error(doc.file, None, f"there is no {default} source for this "
                                               f"translation: expected {content_dir.name}/"
                                               f"{default}/{doc.path}")
    def exists(path):
        return path in by_path or path in unreadable

    # What a rendering depends on besides its own file: which pages exist
    # (links), the files beside the guides (images) and Waymark's code.
    salt = cache.digest(cache.code_version(), sorted(by_path), sorted(unreadable),
                        cache.files_digest(content_dir, skip={".md"}))
    docs = [doc for entry in entries for doc in [entry.source, *entry.translations.values()]]
    keys = [cache.digest(salt, doc.revision, doc.path, doc.lang, str(doc.file)) for doc in docs]
    found = [store.get_json("render", key) for key in keys]
    missing = [n for n, known in enumerate(found) if known is None]
    fresh = parallel.each(_render, (docs, exists, source_folder), missing)
    for n, rendered in zip(missing, fresh):
        found[n] = rendered
        store.put_json("render", keys[n], rendered)
    for doc, rendered in zip(docs, found):
        _use(doc, rendered, problems)
    for entry in entries:
        for doc in [entry.source, *entry.translations.values()]:
            _check_anchors(doc, by_path, problems)
    site = _site(config, entries)
    site.contacts = contacts.load(content_dir, problems)
    return site


def _read_language(folder, lang, is_source, problems, unreadable=None):
    docs = []
    if not files.inside(folder, folder.parent):
        return docs  # a link out of the content folder: files.check_tree reported it
    for file in sorted(folder.rglob("*.md")):  # (rglob does not enter linked folders)
        if file.is_symlink() and not files.inside(file, folder.parent):
            continue  # the same
        rel = file.relative_to(folder).as_posix()
        kind = kinds.kind_of(rel)
        if kind is None and rel.count("/") > 1:
            problems.error(file, None, "guides go one folder deep: "
                                       "<language>/<section>/<guide>.md")
            continue
        if kind is None:
            problems.error(file, None, "names that start with _ or . are the site's own "
                                       "(such as _index.md in a section): rename this file")
            continue
        if rel.count("/") == 0 and Path(rel).stem in kinds.RESERVED:
            problems.error(file, None, f"'{Path(rel).stem}' is a name the site uses "
                                       f"itself: rename this page")
            continue
        raw = file.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            problems.error(file, line, "the file is not UTF-8 text: save it as UTF-8")
            if unreadable is not None:
                unreadable.add(rel)
            continue
        schema = kind.schema if is_source else f"{kind.schema} translation"
        parsed = frontmatter.parse(text, file, schema, problems)
        if parsed is not None:
            docs.append(Doc(lang, rel, file, parsed.meta, parsed.body,
                            parsed.body_line, git_blob_id(raw), parsed.lines))
        elif unreadable is not None:
            unreadable.add(rel)
    return docs


def _entries(folder, sources, problems, unreadable):
    entries = [Entry(kinds.kind_of(doc.path), doc.path, doc, {}) for doc in sources]
    have = {entry.path for entry in entries} | unreadable
    for entry in entries:
        index = str(Path(entry.path).parent / "_index.md")
        if entry.kind.name == "guide" and index not in have:
            problems.error(folder / index, None, "this section has no _index.md: "
                                                 "add one with its title")
            have.add(index)
    return entries


def _render(shared, number):
    """Render doc `number` of shared = (docs, page_exists, source_folder):
    its HTML, headings, anchors, images and problems, as plain data (for
    the cache, and to come back from another process)."""
    docs, page_exists, source_folder = shared
    doc = docs[number]
    folders = [doc.file.parents[doc.path.count("/")], source_folder]
    recorded = Problems()
    rendered = markup.render(doc.body, path=doc.file, body_line=doc.body_line,
                             page_path=doc.path, page_exists=page_exists,
                             problems=recorded, lang=doc.lang,
                             find_file=lambda rel: files.find_image(rel, folders,
                                                                    source_folder.parent))
    return {"html": rendered.html, "headings": rendered.headings, "anchors": rendered.anchors,
            "images": [[str(file), rel] for file, rel in rendered.images],
            "problems": recorded.as_data()}


def _use(doc, rendered, problems):
    problems.replay(rendered["problems"])
    doc.html = rendered["html"]
    doc.headings = [tuple(heading) for heading in rendered["headings"]]
    doc.anchors = [tuple(anchor) for anchor in rendered["anchors"]]
    doc.images = [(Path(file), rel) for file, rel in rendered["images"]]


def _check_anchors(doc, by_path, problems):
    """A #fragment must name a heading of the page as the reader gets it."""
    for target, fragment, href, line in doc.anchors:
        entry = by_path.get(target)
        if entry is None:
            continue  # reported as a missing guide already
        shown = entry.shown(doc.lang).doc
        ids = [heading_id for _, heading_id, _ in shown.headings]
        if fragment not in ids:
            where = "this page" if shown is doc else shown.display
            problems.error(doc.file, line, f"link to '{href}': {where} has no heading "
                                           f"with the id '{fragment}'{did_you_mean(fragment, ids)}")


def _site(config, entries):
    def ordered(items):
        return sorted(items, key=lambda e: (e.order, e.source.title.casefold()))

    sections = ordered(e for e in entries if e.kind.name == "section")
    for section in sections:
        folder = section.path.split("/")[0]
        section.guides = ordered(e for e in entries
                                 if e.kind.name == "guide" and e.path.split("/")[0] == folder)
    pages = ordered(e for e in entries if e.kind.name == "page")
    return Site(config, sections, pages)


def git_blob_id(data):
    """The id git gives a file's content, so `git show <id>` finds old versions."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
