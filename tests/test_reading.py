"""What a page says to its reader, in the built HTML: the glossary in the
reader's alphabet, dates in the reader's digits, whose review date it is,
the chooser in every language, the print list and the printed address."""
import re

import segno

from conftest import ROOT
from helpers import load, write
from waymark import alphabets, assets
from waymark.build import build
from waymark.content import git_blob_id


def page(site, path):
    return (site / path).read_text(encoding="utf-8")


def in_order(words, lang):
    return sorted(words, key=lambda word: alphabets.sort_key(word, lang))


def test_spanish_puts_ñ_after_n_and_accents_with_their_letter():
    assert in_order(["oso", "ñandú", "nube", "árbol", "zorro", "avión", "nadie"], "es") == [
        "árbol", "avión", "nadie", "nube", "ñandú", "oso", "zorro"]
    assert alphabets.initial("ñandú", "es") == "Ñ" and alphabets.initial("árbol", "es") == "A"


def test_persian_letters_sort_in_their_places():
    words = ["گل", "کار", "ژاله", "زن", "چای", "جا", "پناهنده", "بابا", "آب", "حق", "یک"]
    assert in_order(words, "fa") == [
        "آب", "بابا", "پناهنده", "جا", "چای", "حق", "زن", "ژاله", "کار", "گل", "یک"]
    # Arabic yeh and kaf, as some keyboards type them, sort as the Persian letters.
    assert in_order(["يک", "كار", "گل"], "fa") == ["كار", "گل", "يک"]
    assert alphabets.initial("آب", "fa") == "ا"


def test_ukrainian_letters_sort_in_their_places():
    words = ["яблуко", "йод", "їжак", "іній", "ирій", "єнот", "ємність", "дім", "ґанок", "гора"]
    assert in_order(words, "uk") == [
        "гора", "ґанок", "дім", "ємність", "єнот", "ирій", "іній", "їжак", "йод", "яблуко"]


def test_glossary_is_in_the_readers_alphabet_with_a_letter_index(content):
    source = write(content / "en/glossary.md", "---\ntitle: Words\nreviewed: 2026-01-15\n---\n"
                   "Words in the guides.\n\n"
                   "## Union {#union}\n\nA group of workers.\n\n"
                   "## Child {#child}\n\nUnder 18. See [union](#union).\n\n"
                   "## Nobody {#nobody}\n\nNo one.\n\n"
                   "## Appeal {#appeal}\n\nAsking again.\n")
    revision = git_blob_id(source.read_bytes())[:12]
    write(content / "es/glossary.md", f"---\ntitle: Palabras\nsource_revision: {revision}\n---\n"
          "Palabras de las guías.\n\n"
          "## Sindicato {#union}\n\nUn grupo.\n\n"
          "## Niño {#child}\n\nMenor de 18. Ver [sindicato](#union).\n\n"
          "## Nadie {#nobody}\n\nNinguna persona.\n\n"
          "## Apelación {#appeal}\n\nPedir otra vez.\n")
    site, problems = load(content)
    assert problems == []
    glossary = site.find("glossary.md")
    english, spanish = glossary.source.html, glossary.translations["es"].html
    assert re.findall(r"<h2 id=\"(\w+)\"", english) == ["appeal", "child", "nobody", "union"]
    assert re.findall(r"<h2 id=\"(\w+)\"", spanish) == ["appeal", "nobody", "child", "union"]
    assert ('<ul class="letters"><li><a href="#appeal">A</a></li><li><a href="#nobody">N</a></li>'
            '<li><a href="#union">S</a></li></ul>') in spanish
    # The introduction stays first, and each term keeps its text.
    assert spanish.startswith("<p>Palabras de las guías.</p>")
    assert '<h2 id="child">Niño</h2>\n<p>Menor de 18. Ver <a href="#union">sindicato</a>.</p>' in spanish


def test_persian_dates_use_the_digits_of_the_text(small_site):
    html = page(small_site, "fa/work/contract.html")
    assert '<time datetime="2026-01-15">۱۵ ژانویهٔ ۲۰۲۶</time>' in html
    assert '<time datetime="2026-01-15">15 يناير 2026</time>' in page(small_site, "ar/work/contract.html")


def test_a_translation_showing_its_sources_date_says_whose_date_it_is(small_site):
    html = page(small_site, "es/help/complaint.html")  # a translation without its own date
    assert ('<p class="reviewed" lang="es" dir="ltr">Última revisión (del original en inglés): '
            '<time datetime="2026-01-15">15 de enero de 2026</time></p>') in html
    html = page(small_site, "fa/work/contract.html")  # not translated: the original itself
    assert ('<p class="reviewed" lang="fa" dir="rtl">آخرین بازبینی: '
            '<time datetime="2026-01-15">۱۵ ژانویهٔ ۲۰۲۶</time></p>') in html


def test_language_chooser_greets_in_every_language(small_site):
    html = page(small_site, "index.html")
    greetings = ('<span lang="en" dir="ltr">Choose your language</span>'
                 '<span lang="ar" dir="rtl">اختر لغتك</span>'
                 '<span lang="es" dir="ltr">Elige tu idioma</span>'
                 '<span lang="fa" dir="rtl">زبان خود را انتخاب کنید</span>')
    assert f'<h2 id="choose" class="greetings">{greetings}</h2>' in html
    assert re.sub(r" · ", "", re.search(r'<a class="skip" href="#choose">(.*?)</a>', html)
                  .group(1)) == greetings


def test_print_page_lists_every_guide_to_print(small_site):
    html = page(small_site, "es/print.html")
    assert "<h1>Imprimir las guías</h1>" in html
    links = re.findall(r'<li lang="\w+"><a href="([^"]+)">', html)
    assert links == ["work/contract.html", "work/hours.html", "help/complaint.html", "offline.html"]
    assert '<a href="print.html">Imprimir las guías</a>' in page(small_site, "es/index.html")


def test_a_guide_prints_with_a_qr_code_of_its_address_when_the_site_has_one(content, small_site):
    assert 'class="qr"' not in page(small_site, "es/work/contract.html")  # no base_url
    write(content.parent / "waymark.yml", "base_url: https://guides.example.org/help/\n")
    output = content.parent / "dist"
    build(content, output, ROOT / "translations", content.parent / "cache")
    html = page(output, "es/work/contract.html")
    address = "https://guides.example.org/help/es/work/contract.html"
    assert f'<p>Esta guía en internet: <bdi dir="ltr">{address}</bdi></p>' in html
    drawn = re.search(r'<svg viewBox="[^"]+" class="qr"><title>([^<]+)</title>(.*?)</svg>', html)
    assert drawn.group(1) == "Código QR de la dirección de esta guía"
    assert drawn.group(2) in segno.make(address, error="m").svg_inline(border=2, lineclass=None)


def test_dark_scheme_keeps_the_sites_theme_colour():
    css = assets.themed((ROOT / "site/static/first-screen.css").read_text(encoding="utf-8"), "#ffd23f")
    dark = css[css.index("@media (prefers-color-scheme: dark)"):]
    dark = dark[:dark.index("\n}\n")]
    assert "--brand: #ffd23f;" in css and "--on-brand: #1b1f1f" in css
    assert "--brand" not in dark and "--on-brand" not in dark  # the bar stays the theme's
    assert "--paper: #121817;" in dark
