"""What a page may contain besides text: one set of rules for the checker (treaty.checks.markup),
the renderer (treaty.markdown.safety) and the build's last look at each page (treaty.site.lastline),
read from the `markup` section of data/checks.yml.

A project's own data/checks.yml may narrow the package's rules, never widen them where that would
let a page run a script or take over the theme's elements: its link schemes and attributes are
those the package's file allows too, its reserved ids and prefixes are added to the package's,
and what the published page may contain (`published`) is always the package's. Its link hosts and
classes are its own (a class the theme's scripts read never is a page's).

Plain Python: no Markdown, no MkDocs.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from treaty.project.files import DataFiles, defaults

SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
STRIPPED = re.compile(r"[\x00-\x20\x7f]")
# An id a page may give an element: a letter, then letters, digits, '-' and '_'.
ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
CLASS = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _lower(values) -> list[str]:
    return [str(value).lower() for value in values or []]


def markup_rules(files: DataFiles | None = None) -> dict:
    """The `markup` rules of the project's data/checks.yml, narrowed by the package's."""
    package = defaults().load("checks.yml")["markup"]
    own = (files or defaults()).load("checks.yml").get("markup") or {}
    rules = {**package, **own}
    allowed = set(_lower(package["link_schemes"]))
    rules["link_schemes"] = [s for s in _lower(own.get("link_schemes", package["link_schemes"])) if s in allowed]
    attributes = set(_lower(package["attributes"]))
    rules["attributes"] = [a for a in _lower(own.get("attributes", package["attributes"])) if a in attributes]
    for key in ("reserved_ids", "reserved_id_prefixes", "embedded", "reserved_class_prefixes"):
        rules[key] = sorted(set(package.get(key) or []) | set(own.get(key) or []))
    rules["classes"] = [c for c in own.get("classes", package.get("classes")) or []
                        if CLASS.match(str(c)) and not str(c).startswith(tuple(rules["reserved_class_prefixes"]))]
    rules["published"] = package["published"]
    return rules


def classify_url(url: str, image: bool, rules: dict) -> tuple[str, str, str] | None:
    """(code, message, fix) for an address a page may not use, None for one it may. The address
    is read as a browser reads it: entities decoded, control characters and spaces dropped."""
    address = STRIPPED.sub("", html.unescape(url.strip().removeprefix("<").removesuffix(">")))
    shown = url.strip()[:60]
    scheme = SCHEME.match(address)
    allowed = _lower(rules.get("link_schemes", ["http", "https", "mailto"]))
    if scheme and scheme.group(1).lower() not in allowed:
        return ("unsafe-url", f"the address '{shown}' uses '{scheme.group(1).lower()}:', which a page may not use",
                f"link with {', '.join(s + ':' for s in allowed)} or a relative address such as ../7/")
    if scheme and scheme.group(1).lower() == "mailto":
        if image:
            return ("unsafe-url", f"an image cannot come from '{shown}'", "use an image file of the site")
        return None
    if not scheme and not address.replace("\\", "/").startswith("//"):
        return None  # relative: a page or file of the site
    try:
        host = (urlsplit(address.replace("\\", "/")).hostname or "").lower()
    except ValueError:
        host = ""
    if image:
        return ("external-image", f"the image comes from another host ({host or shown})",
                "the site makes no request to another host; remove the image")
    if host not in _lower(rules.get("link_hosts", [])):
        return ("external-link", f"the link leads to another host ({host or shown})",
                "link to the site's own pages with a relative address; links to other hosts are limited "
                "to the hosts of data/checks.yml (markup.link_hosts)")
    return None


def reserved_id(ident: str, rules: dict) -> str | None:
    """The reason an id is the site's own (its layout's, its scripts', its anchors'), or None."""
    lowered = ident.lower()
    if lowered in _lower(rules.get("reserved_ids")):
        return f"the id '{ident}' is used by the site's layout"
    prefix = next((p for p in rules.get("reserved_id_prefixes") or [] if lowered.startswith(p.lower())), None)
    if prefix:
        return f"ids starting with '{prefix}' are the site's own (its layout, scripts and paragraph anchors)"
    return None


def id_problem(ident: str, rules: dict) -> str | None:
    """Why a page may not give an element this id, or None."""
    reserved = reserved_id(ident or "", rules)
    if reserved or ID.match(ident or ""):
        return reserved
    return f"the id '{(ident or '')[:40]}' is not a name (a letter, then letters, digits, '-' or '_')"


def class_problem(name: str, rules: dict) -> str | None:
    """Why a page may not give an element this class, or None."""
    allowed = rules.get("classes") or []
    if name in allowed:
        return None
    listed = ", ".join(allowed) if allowed else "none"
    return f"the class '{name[:40]}' is not one a page may set (data/checks.yml markup.classes: {listed})"


def attribute_problem(name: str, rules: dict) -> tuple[str, str] | None:
    """(code, message) for an attribute a page may not set with {: ...} (besides #id and .class)."""
    lowered = name.lower()
    if lowered.startswith("on"):
        return "event-handler", f"the attribute '{name}' runs a script"
    if lowered not in _lower(rules.get("attributes")):
        return "unsafe-attribute", f"the attribute '{name}' may not be set on a page"
    return None
