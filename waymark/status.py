"""How far each translation is: per language, which files are done, draft,
outdated or missing, and how many UI strings are translated. The status
command prints it; the build shows it as `status.html`."""
from dataclasses import dataclass, field

from . import catalogs


@dataclass
class LanguageStatus:
    lang: object  # languages.Language
    done: list = field(default_factory=list)  # Entry
    draft: list = field(default_factory=list)
    outdated: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    ui_done: int = 0
    ui_total: int = 0


def of(site, translations_dir, problems):
    """A LanguageStatus for each language but the default; what is still to
    do in the catalogues goes into `problems` as warnings."""
    rows = []
    for lang in site.languages:
        if lang.code == site.config.default_language:
            continue
        row = LanguageStatus(lang)
        for entry in site.entries:
            shown = entry.shown(lang.code)
            state = ("missing" if shown.missing else "outdated" if shown.outdated
                     else "draft" if shown.draft else "done")
            getattr(row, state).append(entry)
        row.ui_done, row.ui_total = catalogs.review(translations_dir, lang, problems)
        rows.append(row)
    return rows
