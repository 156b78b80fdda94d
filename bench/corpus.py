"""A generated multilingual corpus for benchmarks: not our guides.

Each language gets made-up words from its own script (syllables of its
alphabet), so that analysis, indexing and rendering do the work real text in
that script needs, in guides shaped like ours (front matter, headings,
numbered steps, a "Keep in mind" box, links between guides). The same pages
are written for Waymark (one content tree) and for MkDocs (one project per
language, as a multilingual MkDocs site is built).
"""
from pathlib import Path
import random

# Letters of each script (a sample is enough to make words of that script).
ALPHABETS = {
    "en": "abcdefghijklmnoprstuvwy", "es": "abcdefghijlmnñopqrstuvyzáéíóú",
    "fr": "abcdefghijlmnopqrstuvéèàçêô", "de": "abcdefghiklmnoprstuwzäöüß",
    "pt": "abcdefghijlmnopqrstuvxzãõáéíóúç", "tr": "abcçdefgğhıijklmnoöprsştuüvyz",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщыэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ar": "ابتثجحخدذرزسشصضطظعغفقكلمنهوي", "fa": "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی",
    "ur": "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنوہھیے", "am": "ሀለሐመሠረሰሸቀበቨተቸኀነኘአከኸወዐዘዠየደጀገጠጨጰጸፀፈፐ",
    "ti": "ሀለሐመረሰሸቀቐበተቸነኘአከኸወዐዘዠየደጀገጠጨጸፈፐ", "zh": "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年",
    "bn": "অআইঈউঊএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ",
}
LANGUAGES = list(ALPHABETS)
SECTIONS = ("work", "rights", "help", "asylum")


def words(lang, rng, count):
    letters = ALPHABETS[lang]
    if lang == "zh":  # written without spaces
        return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 4)))
                for _ in range(count)]
    return ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9)))
            for _ in range(count)]


def sentence(lang, rng, vocabulary):
    sep = "" if lang == "zh" else " "
    end = {"ar": "؟", "fa": "؟", "ur": "۔", "am": "።", "ti": "።", "zh": "。", "bn": "।"}
    chosen = rng.sample(vocabulary, rng.randint(6, 14))
    return sep.join(chosen) + end.get(lang, ".")


def guide(lang, rng, vocabulary, section, slug, others, source_revision=None):
    title = sentence(lang, rng, vocabulary)[:-1][:60]
    steps = "\n".join(f"{n}. {sentence(lang, rng, vocabulary)}" for n in range(1, 6))
    paragraphs = "\n\n".join(" ".join(sentence(lang, rng, vocabulary) for _ in range(4))
                             for _ in range(5))
    link = rng.choice(others)
    front = [f"title: \"{title}\"", f"summary: \"{sentence(lang, rng, vocabulary)}\""]
    if source_revision:
        front += [f"source_revision: {source_revision}", "status: draft"]
    else:
        front += ["reviewed: 2026-11-01", "sources:", "  - \"ILO Convention No. 189, Article 9\""]
    return ("---\n" + "\n".join(front) + "\n---\n"
            f"## {sentence(lang, rng, vocabulary)[:-1][:40]}\n\n{steps}\n\n"
            f"{paragraphs}\n\n[{vocabulary[0]}]({link}.md)\n\n"
            f"!!! warning \"{vocabulary[1]}\"\n    {sentence(lang, rng, vocabulary)}\n\n"
            f"## {sentence(lang, rng, vocabulary)[:-1][:40]}\n\n{paragraphs}\n")


def write_waymark(root, languages, guides_per_section, seed=1):
    """A Waymark site folder under `root`; returns its content folder."""
    from waymark.translators import revision_of  # the build's own revision ids
    rng = random.Random(seed)
    content = Path(root) / "content"
    slugs = [f"guide-{n}" for n in range(guides_per_section)]
    for index, lang in enumerate(languages):
        vocabulary = words(lang, rng, 400)
        for order, section in enumerate(SECTIONS, start=1):
            folder = content / lang / section
            folder.mkdir(parents=True, exist_ok=True)
            source = content / languages[0] / section
            head = f"title: \"{sentence(lang, rng, vocabulary)[:40]}\""
            if index:
                head += f"\nsource_revision: {revision_of(source / '_index.md')}\nstatus: draft"
            else:
                head += f"\norder: {order}"
            (folder / "_index.md").write_text(f"---\n{head}\n---\n"
                                              f"{sentence(lang, rng, vocabulary)}\n",
                                              encoding="utf-8")
            for slug in slugs:
                revision = revision_of(source / f"{slug}.md") if index else None
                (folder / f"{slug}.md").write_text(
                    guide(lang, rng, vocabulary, section, slug, slugs, revision),
                    encoding="utf-8")
    return content


def write_mkdocs(root, content, languages):
    """One MkDocs project per language, with the same pages; returns their folders."""
    projects = []
    for lang in languages:
        project = Path(root) / f"mkdocs-{lang}"
        docs = project / "docs"
        for page in sorted((content / lang).rglob("*.md")):
            rel = page.relative_to(content / lang)
            target = docs / (rel.parent / "index.md" if rel.name == "_index.md" else rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = page.read_text(encoding="utf-8").split("---\n", 2)[2]
            target.write_text(text, encoding="utf-8")
        (docs / "index.md").write_text(f"# {lang}\n", encoding="utf-8")
        (project / "mkdocs.yml").write_text(
            f"site_name: Guides {lang}\ntheme:\n  name: material\n  language: {lang}\n"
            f"plugins:\n  - search\nmarkdown_extensions:\n  - admonition\n  - toc:\n"
            f"      permalink: false\n", encoding="utf-8")
        projects.append(project)
    return projects
