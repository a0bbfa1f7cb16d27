"""MkDocs hook for the engine comparison only (scripts/benchmarks/search.py), never for the site.

It gives Material's built-in search plugin each language's settings (lunr language, separator,
pipeline from Material's own translations), and moves each language's index, which the plugin
writes at <site>/search/search_index.json for every language in turn, to
<site>/<lang>/search/search_index.json, so that a reader of one language would load that
language's index only (the comparison serves it in place of the root file).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

# Material's own settings for Chinese (its translation partials/languages/zh.html): jieba's
# segments are joined by zero-width spaces, which the separator then splits on.
SEPARATORS = {"zh": r"[\s\u200b\u3000\-、。，．？！；]+"}
# Material's pipeline per translation (zh.html: stemmer; ar.html: none; the others: English's).
PIPELINES = {"zh": ["stemmer"], "ar": []}


def _language(config) -> str | None:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) if i18n else None


@event_priority(100)
def on_config(config):
    search = config.plugins.get("material/search") or config.plugins.get("search")
    lang = _language(config)
    if search is None or lang in (None, "xx"):
        return config
    search.config.lang = [lang]
    # Material reads these from its translation of the theme language, once: set them per build.
    search.config.separator = SEPARATORS.get(lang, r"[\s\-]+")
    search.config.pipeline = PIPELINES.get(lang, ["stopWordFilter"])
    return config


@event_priority(-100)
def on_post_build(config):
    lang = _language(config)
    index = Path(config.site_dir) / "search" / "search_index.json"
    if lang in (None, "xx") or not index.exists():
        return
    target = Path(config.site_dir) / lang / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(index, target)
