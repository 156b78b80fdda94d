"""Small helpers the tests share."""
import re

from waymark import config, content
from waymark.errors import Problems


def load(content_dir):
    """(site, problems) for a content folder; paths read 'content/...'."""
    problems = Problems(root=str(content_dir.parent))
    settings = config.load(content_dir, problems)
    site = content.load(content_dir, settings, problems) if settings else None
    return site, [str(p) for p in problems.items]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def static(build_dir, name):
    """Where static/`name` is in a build: its published name carries its
    hash ("style.css" -> "static/style.3f9a1c2b.css")."""
    from waymark import assets
    built = assets.in_build(build_dir)
    assert name in built, f"no static/{name} in {build_dir}: {sorted(built)}"
    return built[name]


def served_hits(html):
    """The links of a search page's results as the preview server wrote them
    (its ordered list of hits), best first; [] when it has none."""
    if '<ol class="hits">' not in html:
        return []
    results = html.split('<ol class="hits">', 1)[1].split("</ol>", 1)[0]
    return re.findall(r'<li><a href="([^"]+)"', results)
