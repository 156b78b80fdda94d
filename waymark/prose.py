"""What guides' Markdown becomes for readers, beyond Markdown itself: each
"Keep in mind" box headed by a real heading (so it is in the outline a
screen reader lists), and the glossary in the alphabetical order of its own
language, with a letter index. Both run after the table of contents is made,
so heading ids and the anchors other pages link to are those of the file.
"""
from html import unescape
import re
import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from . import alphabets

GLOSSARY = "glossary.md"  # a page with this path is the glossary: one term per ## heading
_HEADING = re.compile(r"h([1-6])")
_PLACEHOLDER = re.compile("\x02\\d+\x03")  # Markdown's stand-in for an escaped character


class ReaderExtension(Extension):
    def __init__(self, page_path, lang):
        super().__init__()
        self.page_path, self.lang = page_path, lang

    def extendMarkdown(self, md):
        md.treeprocessors.register(_HeadedBoxes(md), "waymark_boxes", 4)
        if self.page_path == GLOSSARY and self.lang:
            md.treeprocessors.register(_GlossaryOrder(md, self.lang), "waymark_glossary", 3)


class _HeadedBoxes(Treeprocessor):
    """The box's title becomes a heading one level below the one before it."""

    def run(self, root):
        level = 1  # the page's title, outside the Markdown
        for element in root.iter():
            found = _HEADING.fullmatch(element.tag)
            if found:
                level = int(found.group(1))
            elif element.tag == "div" and "admonition" in element.get("class", "").split():
                title = element.find("p")
                if title is not None and "admonition-title" in title.get("class", ""):
                    title.tag = f"h{min(level + 1, 6)}"


class _GlossaryOrder(Treeprocessor):
    """Each term (a ## heading and what follows it) in the language's order,
    after the introduction, with a list of letters linking each letter's
    first term."""

    def __init__(self, md, lang):
        super().__init__(md)
        self.lang = lang

    def run(self, root):
        children = list(root)
        starts = [i for i, child in enumerate(children) if child.tag == "h2"]
        if len(starts) < 2:
            return
        terms = [children[start:end] for start, end in zip(starts, starts[1:] + [len(children)])]
        terms.sort(key=lambda term: alphabets.sort_key(_text(term[0]), self.lang))
        for child in children[starts[0]:]:
            root.remove(child)
        index = etree.SubElement(root, "ul", {"class": "letters"})
        seen = set()
        for term in terms:
            letter = alphabets.initial(_text(term[0]), self.lang)
            if letter and letter not in seen and term[0].get("id"):
                seen.add(letter)
                link = etree.SubElement(etree.SubElement(index, "li"), "a",
                                        {"href": "#" + term[0].get("id")})
                link.text = letter
            root.extend(term)


def _text(element):
    return _PLACEHOLDER.sub("", "".join(element.itertext()))


def contents(doc):
    """[(id, text)] of a page's ## headings, for its contents list."""
    return [(heading_id, unescape(name)) for level, heading_id, name in doc.headings
            if level == 2]
