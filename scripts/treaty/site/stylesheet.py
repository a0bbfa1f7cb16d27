"""Material's style sheet without the rules no page of the site can use.

Material ships one style sheet for all its features (138 KB; 23 KB compressed, a third of what a
page loads first). After the build, a rule is dropped when one of the classes its selector
requires is used neither by a page of the site nor by the site's scripts:

  - the classes of every page, collected while the pages are written (`classes_of`; each build
    writes its own into the site folder, `write_classes`, and the last step reads them all);
  - the words of the scripts (Material's and the edition's), which add classes as they run,
    except Material's own classes (md-...) of a component that no page has: a tooltip, a code
    block's buttons, a version selector are added by scripts only where a page has them.

Only classes required by the whole selector count (not those inside :not(), :is() and the like),
so a rule is never dropped that could apply. Plain Python (tinycss2): no MkDocs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import tinycss2

CLASS_ATTRIBUTE = re.compile(r'class="([^"]*)"')
SCRIPT_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
CLASSES_FILE = ".treaty-classes-{name}.json"
MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
NESTED = ("media", "supports", "container", "layer")
# Material's icons as custom properties (an SVG each, for admonitions, task lists, tabs...): kept
# only where a rule still reads them with var().
ICON_PROPERTY = re.compile(r"""(--md-[a-z0-9-]*icon[a-z0-9-]*):url\((?:'[^']*'|"[^"]*"|[^)'"]*)\);?""")


def classes_of(html: str) -> set[str]:
    return {name for value in CLASS_ATTRIBUTE.findall(html) for name in value.split()}


def write_classes(site: Path, name: str, classes: set[str]) -> None:
    (Path(site) / CLASSES_FILE.format(name=name)).write_text(json.dumps(sorted(classes)), encoding="utf-8")


def read_classes(site: Path) -> set[str] | None:
    """The classes the builds wrote (their files removed), or None when none did."""
    files = sorted(Path(site).glob(CLASSES_FILE.format(name="*")))
    if not files:
        return None
    classes = set()
    for path in files:
        classes.update(json.loads(path.read_text(encoding="utf-8")))
        path.unlink()
    return classes


def trim_stylesheet(site: Path) -> None:
    """Drop from the site's Material style sheet the rules no page can use (after every build)."""
    site = Path(site)
    classes = read_classes(site)
    if classes is None:
        return
    words = set()
    for script in site.glob("assets/javascripts/**/*.js"):
        words.update(SCRIPT_WORD.findall(script.read_text(encoding="utf-8", errors="replace")))
    used = classes | {word for word in words if not word.startswith("md-") or block(word) in classes}
    for path in site.glob(MATERIAL_CSS):
        path.write_text(trimmed(path.read_text(encoding="utf-8"), used), encoding="utf-8")


def block(name: str) -> str:
    """A class's component (BEM block): "md-search-result__item--active" -> "md-search-result"."""
    return re.split(r"__|--", name, maxsplit=1)[0]


def trimmed(css: str, used: set[str]) -> str:
    kept = serialize(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), used)
    return without_unread_icons(kept)


def without_unread_icons(css: str) -> str:
    """`css` without the icon properties no rule reads (declared, never var()'d)."""
    return ICON_PROPERTY.sub(lambda m: m.group(0) if f"var({m.group(1)}" in css else "", css)


def serialize(rules, used: set[str]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            kept = [selector for selector in selectors(rule.prelude) if required(selector) <= used]
            if kept:
                prelude = ",".join(tinycss2.serialize(selector).strip() for selector in kept)
                out.append(prelude + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in NESTED and rule.content is not None:
            inner = serialize(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + inner + "}")
        elif rule.type in ("at-rule", "qualified-rule"):
            out.append(tinycss2.serialize([rule]))
        # parse errors and white space are left out (the style sheet is minified)
    return "".join(out)


def selectors(prelude: list) -> list[list]:
    """A rule's selectors: its prelude cut at the commas outside brackets."""
    out, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append(current)
            current = []
        else:
            current.append(token)
    out.append(current)
    return out


def required(selector: list) -> set[str]:
    """The classes a selector requires: `.name` outside any function (:not(.a) requires nothing)."""
    return {after.value for before, after in zip(selector, selector[1:])
            if before.type == "literal" and before.value == "." and after.type == "ident"}
