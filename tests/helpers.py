"""Small helpers the tests share."""
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
