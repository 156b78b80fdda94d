"""A translator's mistakes in a guide are reported with file, line and a fix."""
import datetime
import shutil

import pytest

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


def test_remote_images_are_removed_from_the_page(content):
    # From file:// a '//host/x.png' is a network share: a USB reader's PC would contact it.
    write(content / "en/work/hours.md", GUIDE + "\n![map](https://example.org/map.png) and "
          "![plan](//example.org/plan.png) stay out.\n\n"
          "<img src=\"//example.org/raw.png\"> <img src=\"/\\example.org/slash.png\">\n")
    site, problems = load(content)
    assert problems == [
        "content/en/work/hours.md:7: warning: removed the image 'https://example.org/map.png': "
        "pages load nothing from other sites",
        "content/en/work/hours.md:7: warning: removed the image '//example.org/plan.png': "
        "pages load nothing from other sites",
        "content/en/work/hours.md:9: warning: removed the image '//example.org/raw.png': "
        "pages load nothing from other sites",
        "content/en/work/hours.md:9: warning: removed the image '/\\example.org/slash.png': "
        "pages load nothing from other sites",
    ]
    html = site.find("work/hours.md").source.html
    assert "example.org" not in html
    assert "<p> and  stay out.</p>" in html


def test_a_guides_own_image_is_listed_for_the_build(content):
    write(content / "en/work/hours.md", GUIDE + "\n![map](map.png) ![plan](img/plan%20a.png)\n")
    write(content / "en/work/map.png", "png")
    write(content / "en/work/img/plan a.png", "png")
    site, problems = load(content)
    assert problems == []
    doc = site.find("work/hours.md").source
    assert '<img alt="map" src="map.png">' in doc.html
    assert doc.images == [(content / "en/work/map.png", "work/map.png"),
                          (content / "en/work/img/plan a.png", "work/img/plan a.png")]


def test_a_translation_shows_the_source_image_unless_it_has_its_own(content):
    write(content / "en/work/contract.md", (content / "en/work/contract.md").read_text()
          + "\n![map](map.png) ![sign](sign.png)\n")
    write(content / "es/work/contract.md", (content / "es/work/contract.md").read_text()
          + "\n![mapa](map.png) ![firma](sign.png)\n")
    write(content / "en/work/map.png", "english map")
    write(content / "en/work/sign.png", "english sign")
    write(content / "es/work/sign.png", "cartel")
    site, problems = load(content)
    assert problems == []
    assert site.find("work/contract.md").translations["es"].images == [
        (content / "en/work/map.png", "work/map.png"), (content / "es/work/sign.png", "work/sign.png")]


def test_a_missing_or_misplaced_image_names_its_line(content):
    write(content / "en/work/hours.md", GUIDE + "\n![map](map.png)\n\n![up](../../up.png)\n\n"
          "![root](/static/logo.png)\n\n![doc](notes.txt)\n")
    write(content / "en/work/notes.txt", "not a picture")
    _, problems = load(content)
    assert problems == [
        "content/en/work/hours.md:7: error: the image 'map.png' is missing: put the file beside "
        "this page (work/map.png in this language's folder)",
        "content/en/work/hours.md:9: error: the image '../../up.png' is outside this language's "
        "folder: put it beside the page",
        "content/en/work/hours.md:11: error: the image '/static/logo.png': give its path from this "
        "file, such as 'map.png' (a path from the site's root breaks on a USB copy)",
        "content/en/work/hours.md:13: error: the image 'notes.txt' is not a picture a browser "
        "shows: use .avif, .gif, .jpeg, .jpg, .png, .svg, .webp",
    ]


def test_an_image_linked_from_outside_the_content_folder_is_not_used(content, tmp_path):
    write(tmp_path / "private/photo.png", "someone's passport")
    (content / "en/work/photo.png").symlink_to(tmp_path / "private/photo.png")
    write(content / "en/work/hours.md", GUIDE + "\n![id](photo.png)\n")
    site, problems = load(content)
    assert problems == [
        f"content/en/work/photo.png: error: this links to {tmp_path}/private/photo.png, outside "
        f"the content folder: copy the file here instead",
        "content/en/work/hours.md:7: error: the image 'photo.png' is missing: put the file beside "
        "this page (work/photo.png in this language's folder)",
    ]
    assert site.find("work/hours.md").source.images == []


def test_a_guide_linked_from_outside_the_content_folder_is_refused(content, tmp_path):
    write(tmp_path / "private/notes.md", GUIDE + "\nThe shelter's door code is 4711.\n")
    (content / "en/work/notes.md").symlink_to(tmp_path / "private/notes.md")
    site, problems = load(content)
    assert problems == [f"content/en/work/notes.md: error: this links to {tmp_path}/private/"
                        f"notes.md, outside the content folder: copy the file here instead"]
    assert site.find("work/notes.md") is None
    assert not any("4711" in doc.body for e in site.entries
                   for doc in [e.source, *e.translations.values()])


def test_footnotes_work_and_their_links_are_in_the_page(content):
    write(content / "en/work/hours.md", GUIDE + "\nYou may rest[^1]. See [the note](#fn:1).\n"
          "\n[^1]: At least eleven hours a day.\n")
    site, problems = load(content)
    assert problems == []
    html = site.find("work/hours.md").source.html
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in html
    assert '<li id="fn:1">' in html and 'href="#fnref:1"' in html


def test_a_footnote_nothing_refers_to_is_named(content):
    write(content / "en/work/hours.md", GUIDE + "\nYou may rest[^1].\n\n[^1]: Eleven hours.\n"
          "[^week]: And one day a week.\n")
    _, problems = load(content)
    assert problems == ["content/en/work/hours.md:10: error: the footnote [^week] is not used in "
                        "the text: add [^week] where it belongs, or remove it"]


def test_an_id_given_twice_names_both_lines(content):
    write(content / "en/work/hours.md", GUIDE + "\n## Where to go {#where}\n\n## Where to go "
          "next {#where-next}\n\n## Where else {#where}\n")
    _, problems = load(content)
    assert problems == ["content/en/work/hours.md:11: error: the id 'where' is used twice on this "
                        "page (first on line 7): give each heading its own id"]


def nested_list(depth):
    return "".join("    " * level + "- item\n" for level in range(depth))


def test_lists_nested_too_deep_are_refused_where_they_pass_the_limit(content):
    # 800 levels made Python-Markdown recurse to death; 3,000 ran for minutes.
    write(content / "en/work/hours.md", GUIDE + "\n" + "- " * 800 + "deep\n")
    write(content / "en/work/contract.md", GUIDE + "\n" + nested_list(3000))
    write(content / "en/offline.md", GUIDE + "\n" + nested_list(30))
    _, problems = load(content)
    assert problems == [
        "content/en/work/contract.md:321: error: the file is longer than 200,000 characters (it "
        "has 18,015,055): split it into several guides",
        "content/en/offline.md:23: error: lists, quotes or indented blocks are nested 17 deep "
        "here; Waymark reads at most 16 levels: flatten them",
        "content/en/work/hours.md:7: error: lists, quotes or indented blocks are nested 800 deep "
        "here; Waymark reads at most 16 levels: flatten them",
    ]


def test_a_list_nested_as_deep_as_allowed_renders(content):
    write(content / "en/work/hours.md", GUIDE + "\n" + nested_list(16))
    site, problems = load(content)
    assert problems == []
    assert site.find("work/hours.md").source.html.count("<ul>") == 16


def test_markdown_that_would_take_minutes_is_refused(content):
    # Each took Python-Markdown from seconds to minutes, or made it recurse to death.
    write(content / "en/work/hours.md", GUIDE + "\nA paragraph " + "[a](" * 6000 + "\n")
    write(content / "en/work/contract.md", GUIDE + "\n" + "".join(
        f"*[W{n}]: word {n}\n" for n in range(150)))
    write(content / "en/offline.md", GUIDE + "\n" + "*" * 3000 + "x" + "*" * 3000 + "\n")
    write(content / "en/help/complaint.md", GUIDE + "\nFine: <b>bold</b>, x<y.\n\n"
          + ("<b " * 200 + "\n\n") * 40)
    _, problems = load(content)
    assert problems == [
        "content/en/help/complaint.md:9: error: more than 100 '<' that start an HTML tag never "
        "closed with '>': write 'less than' or close the tags",
        "content/en/offline.md:5: error: the Markdown from here on is nested too deeply to read "
        "(lists, quotes, definitions or emphasis inside one another): simplify it or split the file",
        "content/en/work/contract.md:107: error: more than 100 abbreviations (*[...]: lines) in "
        "one file: keep the ones readers need",
        "content/en/work/hours.md:7: error: more than 100 '[' in one paragraph: split it, or "
        "remove stray brackets",
    ]


def test_a_paragraph_of_links_and_a_few_tags_is_not_too_much(content):
    links = ", ".join(f"[guide {n}](contract.md)" for n in range(100))
    write(content / "en/work/hours.md", GUIDE + "\n" + links + "\n\nA <b>bold</b> x<y.\n")
    site, problems = load(content)
    assert problems == []
    assert site.find("work/hours.md").source.html.count('<a href="contract.html">') == 100


def test_a_source_with_errors_still_counts_as_there(content):
    # Its translations and the links to it are fine: one mistake, one message.
    write(content / "en/work/contract.md", "---\ntitle: Step 1: sign\nreviewed: 2026-01-15\n---\n")
    write(content / "en/work/_index.md", "---\ntitle: [Work]\n---\n")
    _, problems = load(content)
    assert problems == [
        "content/en/work/_index.md:2: error: 'title' must be some text; a text that starts with "
        "'[' or '{' must be in quotes: title: \"[Draft] Your pay\"",
        "content/en/work/contract.md:2: error: the front matter is not valid YAML: mapping values "
        "are not allowed here (a value that contains ': ' must be in quotes: title: \"Step 1: ask\")",
    ]


@pytest.mark.parametrize("name, message", [
    ("what#next.md", "the name 'what#next.md' has '#', which web addresses cannot take: rename it "
                     "(letters, digits, '-' and '_' are safe)"),
    ("why?.md", "the name 'why?.md' has '?', which web addresses cannot take: rename it "
                "(letters, digits, '-' and '_' are safe)"),
    ("100%.md", "the name '100%.md' has '%', which web addresses cannot take: rename it "
                "(letters, digits, '-' and '_' are safe)"),
    ("step:1.md", "the name 'step:1.md' has ':', which USB sticks (FAT32, exFAT) and Windows "
                  "cannot take: rename it (letters, digits, '-' and '_' are safe)"),
    ("a|b.md", "the name 'a|b.md' has '|', which USB sticks (FAT32, exFAT) and Windows cannot "
               "take: rename it (letters, digits, '-' and '_' are safe)"),
    ("map.png.", "the name 'map.png.' ends with a dot or a space, which Windows and USB sticks "
                 "drop: rename it"),
    ("notes.md ", "the name 'notes.md ' ends with a dot or a space, which Windows and USB sticks "
                  "drop: rename it"),
    ("CON.md", "'CON.md' is a name Windows keeps for a device: rename it"),
    ("nul.png", "'nul.png' is a name Windows keeps for a device: rename it"),
    (".draft.md", "the name '.draft.md' starts with '.', which hides the file: rename it"),
    ("Index.md", "'Index.md' would be built as Index.html, over the section's own index.html: "
                 "rename it"),
])
def test_names_that_break_addresses_or_usb_sticks_are_refused(content, name, message):
    write(content / "en/work" / name, GUIDE)
    _, problems = load(content)
    assert problems[0] == f"content/en/work/{name}: error: {message}"


def test_a_page_named_like_the_sites_own_but_for_case(content):
    write(content / "en/Search.md", GUIDE)
    _, problems = load(content)
    assert problems == ["content/en/Search.md: error: 'Search.md' would be built as Search.html, "
                        "which USB sticks, Windows and macOS take for the site's own search.html: "
                        "rename it"]


def test_names_that_differ_only_in_case_collide_on_usb_sticks(content):
    write(content / "en/work/Hours.md", GUIDE)
    write(content / "es/Work/x.txt", "")
    problems = load(content)[1]
    assert problems[:2] == [
        "content/en/work/hours.md: error: 'Hours.md' and 'hours.md' differ only in case: USB "
        "sticks, Windows and macOS keep only one of them; rename one",
        "content/es/work: error: 'Work' and 'work' differ only in case: USB sticks, Windows and "
        "macOS keep only one of them; rename one",
    ]


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


def test_names_outside_the_language_folders_are_not_checked(content):
    write(content / "_drafts/what?.md", GUIDE)  # never published
    write(content / "notes: before the meeting.txt", "")
    _, problems = load(content)
    assert problems == []


def test_a_language_folder_linked_from_elsewhere_is_one_error(content, tmp_path):
    shutil.move(content / "fa", tmp_path / "fa-elsewhere")
    (content / "fa").symlink_to(tmp_path / "fa-elsewhere")
    site, problems = load(content)
    assert problems == [f"content/fa: error: this links to {tmp_path}/fa-elsewhere, outside the "
                        f"content folder: copy the file here instead"]
    assert site.find("work/contract.md").translations.keys() == {"ar", "es"}
