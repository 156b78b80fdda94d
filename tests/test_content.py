"""A translator's mistakes in a guide are reported with file, line and a fix."""
import datetime

from helpers import load, write

GUIDE = """---
title: Your rights
reviewed: 2026-01-15
---
Text.
"""


def test_the_small_site_loads_without_problems(content):
    site, problems = load(content)
    assert problems == []
    assert [s.source.title for s in site.sections] == ["Work", "Help"]
    assert [g.source.title for g in site.sections[0].guides] == ["Your contract", "Working hours"]
    assert [p.source.title for p in site.pages] == ["Offline and sharing"]
    assert [lang.code for lang in site.languages] == ["en", "ar", "es", "fa"]


def test_each_language_knows_its_name_and_direction(content):
    site, _ = load(content)
    names = {lang.code: (lang.name, lang.dir) for lang in site.languages}
    assert names == {"en": ("English", "ltr"), "es": ("español", "ltr"),
                     "ar": ("العربية", "rtl"), "fa": ("فارسی", "rtl")}


def test_settings_file_orders_languages_and_names_the_site(content):
    write(content.parent / "waymark.yml", "name: Camino\nlanguages: [es, en]\n")
    site, problems = load(content)
    assert problems == []
    assert site.config.name == "Camino"
    assert [lang.code for lang in site.languages] == ["es", "en", "ar", "fa"]


def test_unknown_setting_names_line_and_suggests(content):
    write(content.parent / "waymark.yml", "name: Camino\ndefault_langage: en\n")
    _, problems = load(content)
    assert problems == ["waymark.yml:2: error: unknown key 'default_langage' "
                        "(did you mean 'default_language'?)"]


def test_translation_states_missing_outdated_draft(content):
    site, _ = load(content)
    contract = site.find("work/contract.md")
    assert contract.shown("es").doc.title == "Tu contrato"
    assert not (contract.shown("es").draft or contract.shown("es").outdated)
    assert contract.shown("ar").draft and not contract.shown("ar").outdated
    assert contract.shown("fa").missing and contract.shown("fa").doc.lang == "en"
    assert site.find("help/complaint.md").shown("es").outdated
    # A translation without its own date and sources shows the source's.
    assert contract.shown("es").reviewed == datetime.date(2026, 1, 15)
    assert contract.shown("es").sources == ["ILO Convention No. 189, Article 7"]


def test_links_to_guides_become_relative_page_urls(content):
    site, _ = load(content)
    html = site.find("work/contract.md").source.html
    assert '<a href="../help/complaint.html#where-to-go">make a complaint</a>' in html
    assert '<a href="contract.html">your contract</a>' in site.find("work/hours.md").source.html


def test_keep_in_mind_box_and_heading_ids(content):
    site, _ = load(content)
    html = site.find("work/contract.md").translations["ar"].html
    assert '<div class="admonition warning">' in html
    # Headed one level below the heading before it, so screen readers list it.
    assert '<h3 class="admonition-title">تذكّر</h3>' in html
    assert '<h2 id="ما-يمكنك-فعله-الآن">' in html


def test_link_to_missing_guide_names_file_and_line(content):
    write(content / "ar/work/contract.md", (content / "ar/work/contract.md").read_text()
          .replace("../help/complaint.md", "../help/complain.md"))
    _, problems = load(content)
    assert problems == ["content/ar/work/contract.md:11: error: "
                        "link to a missing guide '../help/complain.md'"]


def test_link_to_a_page_file_asks_for_the_md_path(content):
    write(content / "en/work/hours.md", GUIDE + "\nSee [this](contract.html).\n")
    _, problems = load(content)
    assert problems == ["content/en/work/hours.md:7: error: link to 'contract.html': "
                        "link to a guide by its .md file, for example '../asylum/interview.md'"]


def test_script_in_a_guide_is_removed_with_a_warning(content):
    write(content / "en/work/hours.md", GUIDE + "\n<script>alert('x')</script>\n\n"
          "<p onclick=\"steal()\">Hello</p>\n\n[click](javascript:alert(1))\n\n"
          "<iframe src=\"https://example.org/\"></iframe>\n")
    site, problems = load(content)
    assert problems == [
        "content/en/work/hours.md:7: warning: removed <script>: raw HTML of this kind is not allowed in guides",
        "content/en/work/hours.md:9: warning: removed the 'onclick' attribute from <p>: guides cannot carry script or inline styles",
        "content/en/work/hours.md:11: warning: removed the link 'javascript:alert(1)': only http, https, mailto and tel links are allowed",
        "content/en/work/hours.md:13: warning: removed <iframe>: raw HTML of this kind is not allowed in guides",
    ]
    html = site.find("work/hours.md").source.html
    for unsafe in ("<script", "alert", "onclick", "javascript:", "<iframe"):
        assert unsafe not in html
    assert "<p>Hello</p>" in html


def test_event_handler_from_attribute_list_is_removed(content):
    write(content / "en/work/hours.md", GUIDE + "\nRead this.\n{: onmouseover=\"x()\" }\n")
    site, problems = load(content)
    assert problems == ["content/en/work/hours.md:8: warning: removed the 'onmouseover' "
                        "attribute from <p>: guides cannot carry script or inline styles"]
    assert "onmouseover" not in site.find("work/hours.md").source.html


def test_remote_image_is_removed(content):
    write(content / "en/work/hours.md", GUIDE + "\n![map](https://example.org/map.png)\n")
    site, problems = load(content)
    assert problems == ["content/en/work/hours.md:7: warning: removed the image "
                        "'https://example.org/map.png': pages load nothing from other sites"]


def test_translation_without_source_is_an_error(content):
    write(content / "es/work/overtime.md", "---\ntitle: Horas extra\n"
                                           "source_revision: 4a84443e6187\n---\nTexto\n")
    _, problems = load(content)
    assert problems == ["content/es/work/overtime.md: error: there is no en source for this "
                        "translation: expected content/en/work/overtime.md"]


def test_guide_outside_a_section_folder_structure(content):
    write(content / "en/work/more/deep.md", GUIDE)
    write(content / "en/rights/x.md", GUIDE)
    _, problems = load(content)
    assert problems == [
        "content/en/work/more/deep.md: error: guides go one folder deep: <language>/<section>/<guide>.md",
        "content/en/rights/_index.md: error: this section has no _index.md: add one with its title",
    ]


def test_reserved_page_names(content):
    write(content / "en/search.md", GUIDE)
    _, problems = load(content)
    assert problems == ["content/en/search.md: error: 'search' is a name the site uses itself: "
                        "rename this page"]


def test_not_utf8_names_the_line(content):
    (content / "en/work/hours.md").write_bytes(b"---\ntitle: x\nreviewed: 2026-01-01\n---\ncaf\xe9\n")
    _, problems = load(content)
    assert problems == ["content/en/work/hours.md:5: error: the file is not UTF-8 text: save it as UTF-8"]


def test_unknown_language_folder(content):
    write(content / "xx-nope/work/_index.md", "---\ntitle: x\n---\n")
    _, problems = load(content)
    assert problems == ["content/xx-nope: error: 'xx-nope' is not a language code "
                        "(use a code such as 'ar', 'fa' or 'pt-BR')"]


def test_missing_default_language(content):
    write(content.parent / "waymark.yml", "default_language: fr\n")
    site, problems = load(content)
    assert site is None
    assert problems == ["content/fr: error: the default language 'fr' has no folder: "
                        "create content/fr/ or change default_language in waymark.yml"]


def test_every_problem_is_reported_in_one_run(content):
    write(content / "en/work/hours.md", "---\ntitel: Hours\nreviewed: 2026-01-15\n---\nText\n")
    write(content / "es/work/contract.md", "---\ntitle: Tu contrato\n---\n[x](../nope.md)\n")
    _, problems = load(content)
    assert problems == [
        "content/en/work/hours.md:2: error: unknown key 'titel' (did you mean 'title'?)",
        "content/es/work/contract.md:2: error: missing required key 'source_revision'",
        "content/es/work/contract.md:4: error: link to a missing guide '../nope.md'",
    ]


def test_link_to_a_missing_heading_names_file_line_and_suggests(content):
    write(content / "es/work/contract.md", (content / "es/work/contract.md").read_text()
          .replace("#where-to-go", "#where-to-goo"))
    write(content / "en/work/hours.md", GUIDE + "\nSee [below](#nowhere).\n")
    _, problems = load(content)
    assert problems == [
        "content/es/work/contract.md:11: error: link to '../help/complaint.md#where-to-goo': "
        "content/es/help/complaint.md has no heading with the id 'where-to-goo' "
        "(did you mean 'where-to-go'?)",
        "content/en/work/hours.md:7: error: link to '#nowhere': this page has no heading "
        "with the id 'nowhere'",
    ]
