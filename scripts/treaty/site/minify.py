"""The edition's own scripts and style sheet, minified in the site (Material's come minified):
their comments and indentation are a third of what they weigh compressed, on every page's first
load. With rjsmin and rcssmin, which keep strings and regular expressions as written. Plain Python:
no MkDocs."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

OWN = ("assets/stylesheets/treaty.css", "assets/javascripts/treaty.js", "assets/javascripts/treaty/*.js")


def minify_assets(site: Path) -> None:
    for pattern in OWN:
        for path in Path(site).glob(pattern):
            text = path.read_text(encoding="utf-8")
            path.write_text(rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text), encoding="utf-8")
