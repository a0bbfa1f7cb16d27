"""The edition's own scripts and style sheet, minified in the site (Material's come minified):
their comments and indentation are a third of what they weigh compressed, on every page's first
load. With rjsmin and rcssmin, which keep strings and regular expressions as written. And each
page without the blank lines and indentation of the templates. Plain Python: no MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import rcssmin
import rjsmin

OWN = ("assets/stylesheets/treaty.css", "assets/javascripts/treaty.js", "assets/javascripts/treaty/*.js")
KEEP_SPACE = re.compile(r"(<(pre|code|kbd|textarea)\b.*?</\2>)", re.S | re.I)
SPACE = " \t\r"  # not every white space: a no-break space is text


def minify_assets(site: Path) -> None:
    for pattern in OWN:
        for path in Path(site).glob(pattern):
            text = path.read_text(encoding="utf-8")
            path.write_text(rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text), encoding="utf-8")


def collapse_blank_lines(html: str) -> str:
    """The page without the blank lines and indentation Material's templates leave (a third of an
    article's page): white space that holds a line break becomes one line break, which shows the
    same, except in the elements that show white space as written (pre, code, kbd, textarea)."""
    out, at = [], 0
    for kept in KEEP_SPACE.finditer(html):
        out += [collapse(html[at:kept.start()]), kept.group()]
        at = kept.end()
    out.append(collapse(html[at:]))
    return "".join(out)


def collapse(text: str) -> str:
    """Each run of spaces, tabs, carriage returns and line breaks that holds a line break as one
    line break. (Line by line: a regular expression for it tries every space of the page as the
    start of a run, and took a twentieth of a build.)"""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    inner = [kept for line in lines[1:-1] if (kept := line.strip(SPACE))]
    return "\n".join([lines[0].rstrip(SPACE), *inner, lines[-1].lstrip(SPACE)])
