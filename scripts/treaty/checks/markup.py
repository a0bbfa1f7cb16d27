"""What a page may contain besides text: Markdown, and nothing the theme would render as active
content. Raw HTML is not accepted at all; links and images are.

    raw-html          an HTML tag or comment in the Markdown
    script            a <script> element
    iframe            an element that embeds another document or program (iframe, object, embed, ...)
    event-handler     an on...= attribute (onclick, onerror, ...), in HTML or with {: ...}
    unsafe-attribute  any other attribute set with {: ...} than #id, .class and data/checks.yml's list
    unsafe-url        a link or image whose address is javascript:, data:, vbscript:, file:, ...
    external-image    an image from another host (the site makes no request to another host)
    external-link     a link to a host not listed in data/checks.yml (markup.link_hosts)
    active-content    anything else the rendered page would run or load (found by rendering it)
    too-complex       a page the Markdown renderer would take hours on, or could not nest

The source is read first, for the line and column of each problem; then the page is rendered
with the Markdown extensions of mkdocs.yml and the HTML is read, so that a trick the first reading
misses (an encoded address, say) is still found. Plain Python: Python-Markdown, no MkDocs.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
from treaty.checks.rules import check_rules
from treaty.findings import Finding, Located
from treaty.model.blocks import FENCE, scan

BACKTICKS = re.compile(r"`+")
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)|<!--|<!\[CDATA\[|<![A-Za-z]|<\?", re.M)
ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
LINK = re.compile(
    r"(!?)\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.M)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
STRIPPED = re.compile(r"[\x00-\x20\x7f]")
# What Python-Markdown writes with the extensions of mkdocs.yml; anything else came from the page.
SAFE_TAGS = {"p", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "h3",
             "h4", "h5", "h6", "hr", "br", "img", "sup", "div", "span", "dl", "dt", "dd", "table",
             "thead", "tbody", "tr", "th", "td"}
SAFE_ATTRIBUTES = {"href", "src", "alt", "title", "id", "class", "lang", "dir", "role", "start"}


def mask_code(body: str, fences: bool = False) -> str:
    """`body` with code spans blanked (they are shown as text), lines unchanged; fenced code too
    when an extension of the site reads fences (without one, a fence is not code)."""
    lines = body.split("\n")
    if fences:
        for block in scan(body, "en", treaty_text=False, fences=True).blocks:
            if block.kind == "code" and FENCE.match(lines[block.start]):
                for index in range(block.start, block.end):
                    lines[index] = " " * len(lines[index])
    return "\n".join(_mask_spans(line) if "`" in line else line for line in lines)


def _mask_spans(line: str) -> str:
    """A code span opens with a run of backticks and closes with the next run of the same length,
    on the same line (across lines Python-Markdown reads a line starting with a tag as HTML).
    Linear in the length of the line, whatever its backticks."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    cursor: dict[int, int] = {}  # per length, how far its list was searched
    out, index = list(line), 0
    while index < len(runs):
        start, end = runs[index]
        positions = by_length[end - start]
        at = cursor.get(end - start, 0)
        while at < len(positions) and positions[at] <= index:
            at += 1
        cursor[end - start] = at
        if at == len(positions):
            index += 1  # no closing run: these backticks are text
            continue
        closing = positions[at]
        for offset in range(start, runs[closing][1]):
            out[offset] = " "
        index = closing + 1
    return "".join(out)


def classify_url(url: str, image: bool, rules: dict) -> tuple[str, str, str] | None:
    """(code, message, fix) for an address a page may not use, None for one it may."""
    address = STRIPPED.sub("", html.unescape(url.strip().removeprefix("<").removesuffix(">")))
    shown = url.strip()[:60]
    scheme = SCHEME.match(address)
    allowed = [s.lower() for s in rules.get("link_schemes", ["http", "https", "mailto"])]
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
    if host not in [h.lower() for h in rules.get("link_hosts", [])]:
        return ("external-link", f"the link leads to another host ({host or shown})",
                "link to the site's own pages with a relative address; links to other hosts are limited "
                "to the United Nations hosts of data/checks.yml")
    return None


def check_markup(body: str, rel: str, first_line: int, rules: dict | None = None) -> list[Finding]:
    """Problems of a Markdown body starting on line `first_line`; `rules`: the `markup` section
    of data/checks.yml."""
    rules = check_rules()["markup"] if rules is None else rules
    extensions = rules.get("render_extensions", [])
    text = mask_code(body, fences=any(name in extensions for name in ("fenced_code", "pymdownx.superfences")))
    where = Located(text, first_line)
    findings = []

    def add(offset, code, message, fix):
        line, column = where(offset)
        findings.append(Finding(rel, line, column, code, message, fix))

    # Links first; their addresses are then blanked, so that no address is read twice.
    spans = []
    for link in LINK.finditer(text):
        _url(add, link.start(2), link.group(2), bool(link.group(1)), rules)
        spans.append(link.span(2))
    for reference in REFERENCE.finditer(text):
        _url(add, reference.start(1), reference.group(1), False, rules)
        spans.append(reference.span(1))
    if spans:
        chars = list(text)  # one copy, however many links
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    for autolink in AUTOLINK.finditer(text):
        _url(add, autolink.start(1), autolink.group(1), False, rules)
    embedded = set(rules.get("embedded", []))
    closing = []
    for tag in TAG.finditer(text):
        name = (tag.group(2) or "").lower()
        if tag.group(1):
            closing.append(tag)  # </div>: reported only when no opening tag is
            continue
        if name == "script":
            add(tag.start(), "script", "a <script> element in the page", "remove it: pages contain text, never scripts")
        elif name in embedded:
            add(tag.start(), "iframe", f"an <{name}> element embeds another document in the page",
                "remove it; link to the document instead")
        else:
            add(tag.start(), "raw-html", f"raw HTML '{tag.group()[:30]}' in the Markdown",
                "write the text in Markdown only; the site gives every page its layout "
                "(write &lt; for a literal '<')")
        if tag.group(2):
            end = text.find(">", tag.end(), tag.end() + 2000)
            inside = text[tag.end(): end if end >= 0 else tag.end() + 2000]
            for attribute in ATTRIBUTE.finditer(inside):
                _attribute(add, tag.end() + attribute.start(), attribute, rules, html_tag=True)
    if closing and not any(f.code in ("raw-html", "script", "iframe") for f in findings):
        add(closing[0].start(), "raw-html", f"raw HTML '{closing[0].group()[:30]}' in the Markdown",
            "write the text in Markdown only (write &lt; for a literal '<')")
    for attr_list in ATTR_LIST.finditer(text):
        for attribute in ATTRIBUTE.finditer(attr_list.group(1)):
            _attribute(add, attr_list.start(1) + attribute.start(), attribute, rules, html_tag=False)
    limit, deepest = rules.get("max_brackets", 500), rules.get("max_indent", 100)
    spaced = text.expandtabs(4) if "\t" in text else text
    indented = re.search(rf"^ {{{deepest + 1},}}\S", spaced, re.M)
    if indented:
        line = spaced.count("\n", 0, indented.start())
        add(_line_start(text, line), "too-complex",
            f"a line is indented more than {deepest} spaces (lists nested too deep)",
            "simplify the nesting of lists and quotations")
    elif text.count("[") > limit:
        offset = -1
        for _ in range(limit + 1):
            offset = text.index("[", offset + 1)
        add(offset, "too-complex", f"the page has more than {limit} opening brackets '['",
            "a page with so many links or brackets cannot be rendered in reasonable time; simplify it")
    elif not findings and re.search(r"[<{&\[]", body):
        try:
            findings += rendered(body, rel, first_line, rules)
        except RecursionError:
            findings.append(Finding(rel, first_line, 1, "too-complex", "the page is nested too deeply to be rendered",
                                    "simplify the nesting of lists and quotations"))
    return sorted(findings)


def _line_start(text: str, line: int) -> int:
    """Offset of the start of line `line` (0-based) of `text`."""
    offset = 0
    for _ in range(line):
        offset = text.index("\n", offset) + 1
    return offset


def _attribute(add, offset, attribute, rules, html_tag: bool):
    name = attribute.group(1)
    value = attribute.group(2)
    if name.lower().startswith("on") and value is not None:
        add(offset, "event-handler", f"the attribute '{name}' runs a script", "remove it: pages contain no scripts")
    elif not html_tag and value is not None and name.lower() not in [a.lower() for a in rules.get("attributes", [])]:
        add(offset, "unsafe-attribute", f"the attribute '{name}' may not be set on a page",
            f"remove it; a page may set #id, .class and {', '.join(rules.get('attributes', []))}")
    elif html_tag and value is not None and name.lower() in ("href", "src", "action", "formaction", "srcset",
                                                              "data", "poster", "xlink:href", "background"):
        _url(add, offset, value.strip("'\""), name.lower() != "href", rules)


def _url(add, offset, url, image, rules):
    problem = classify_url(url, image, rules)
    if problem:
        add(offset, *problem)


class _Collector(HTMLParser):
    def __init__(self, rules):
        super().__init__(convert_charrefs=True)
        self.rules, self.found = rules, []

    def handle_starttag(self, tag, attrs):
        if tag not in SAFE_TAGS:
            code = ("script" if tag == "script"
                    else "iframe" if tag in self.rules.get("embedded", []) else "active-content")
            self.found.append((code, f"<{tag}", f"the page renders a <{tag}> element"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(("event-handler", name,
                                   f"the page renders an '{name}' attribute, which runs a script"))
            elif name not in SAFE_ATTRIBUTES:
                self.found.append(("active-content", name, f"the page renders an attribute '{name}'"))
            elif name in ("href", "src") and value is not None:
                problem = classify_url(value, tag == "img" or name == "src", self.rules)
                if problem:
                    self.found.append((problem[0], value, problem[1]))

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.found.append(("raw-html", "<!--", "the page renders an HTML comment"))


def rendered(body: str, rel: str, first_line: int, rules: dict) -> list[Finding]:
    """What the page becomes with the extensions of mkdocs.yml, read as a browser would."""
    output = markdown.markdown(body, extensions=rules.get("render_extensions", []))
    collector = _Collector(rules)
    collector.feed(output)
    collector.close()
    findings, where, lower = [], Located(body, first_line), body.lower()
    for code, token, message in collector.found:
        offset = lower.find(token.lower()[:40]) if token else -1
        line, column = where(offset) if offset >= 0 else (first_line, 1)
        findings.append(Finding(rel, line, column, code, message,
                                "remove it: a page contains text in Markdown, links and nothing active"))
    return sorted(set(findings))
