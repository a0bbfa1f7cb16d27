"""What a page may contain besides text: Markdown, and nothing the theme would render as active
content. Raw HTML is not accepted at all; links and images are.

    raw-html          an HTML tag or comment in the Markdown
    script            a <script> element
    iframe            an element that embeds another document or program (iframe, object, embed, ...)
    event-handler     an on...= attribute (onclick, onerror, ...), in HTML or with {: ...}
    unsafe-attribute  any other attribute set with {: ...} than #id, .class and data/checks.yml's list
    reserved-id       an #id set with {: ...} that the site's layout or scripts use (#__config, #title)
    unsafe-class      a .class set with {: ...} that data/checks.yml does not list
    unsafe-url        a link or image whose address is javascript:, data:, vbscript:, file:, ...
    external-image    an image from another host (the site makes no request to another host)
    external-link     a link to a host not listed in data/checks.yml (markup.link_hosts)
    active-content    anything else the rendered page would run or load (found by rendering it)
    too-complex       a page the Markdown renderer would take hours on, or could not nest

The source is read first, for the line and column of each problem; then the page is rendered
with the Markdown extensions of mkdocs.yml (raw HTML passed through, as a renderer that allowed it
would) and the HTML is read as a browser reads it (treaty.model.html5), so that a trick the first
reading misses (an encoded address, a bogus comment ending where a browser ends it) is still
found. The rules are treaty.model.policy's, which the site's renderer (treaty.markdown.safety)
applies too. Plain Python: Python-Markdown, no MkDocs.
"""

from __future__ import annotations

import re

import markdown
from treaty.findings import Finding, Located
from treaty.model import html5
from treaty.model.blocks import FENCE, scan
from treaty.model.policy import attribute_problem, class_problem, classify_url, id_problem, markup_rules

BACKTICKS = re.compile(r"`+")
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)|<!--|<!\[CDATA\[|<![A-Za-z]|<\?", re.M)
ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
LINK = re.compile(
    r"(!?)\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.M)
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
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


def mask_spans(text: str) -> str:
    """`text` with its code spans blanked where they run across lines too, as in one paragraph
    (a backtick run closes with the next of its length, whatever lies between), line breaks kept."""
    if "`" not in text:
        return text  # no code span (the usual case: this is a synopsis or treaty text)
    return "".join(char if char == "\n" else masked for char, masked in zip(text, _mask_spans(text)))


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



def check_markup(body: str, rel: str, first_line: int, rules: dict | None = None) -> list[Finding]:
    """Problems of a Markdown body starting on line `first_line`; `rules`: the `markup` section
    of data/checks.yml."""
    rules = markup_rules() if rules is None else rules
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
        entries = list(ATTRIBUTE.finditer(attr_list.group(1)))
        # "{: ...}", or braces holding #id, .class or key=value: an attribute list; "{word}" may be text.
        listed = attr_list.group().startswith("{:") or any(
            e.group(2) is not None or e.group(1)[:1] in "#." for e in entries)
        for attribute in entries:
            if listed or attribute.group(2) is not None:
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
        # The rendered page, for what the source reading missed (only when it found nothing: a page
        # with problems is refused already, and rendering hostile text can be slow).
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
    if not html_tag:
        _listed(add, offset, name, value.strip("'\"") if value else value, rules)
    elif name.lower().startswith("on") and value is not None:
        add(offset, "event-handler", f"the attribute '{name}' runs a script", "remove it: pages contain no scripts")
    elif value is not None and name.lower() in ("href", "src", "action", "formaction", "srcset",
                                                "data", "poster", "xlink:href", "background"):
        _url(add, offset, value.strip("'\""), name.lower() != "href", rules)


def _listed(add, offset, name, value, rules):
    """An entry of an attribute list {: #id .class key=value } (the renderer's rules)."""
    if name.startswith("#") or name.lower() == "id":
        ident = name[1:] if name.startswith("#") else value or ""
        problem = id_problem(ident, rules)
        if problem:
            add(offset, "reserved-id", problem, "choose another id (the site's own are listed in data/checks.yml)")
        return
    if name.startswith(".") or name.lower() == "class":
        for one in [name[1:]] if name.startswith(".") else (value or "").split():
            problem = class_problem(one, rules)
            if problem:
                add(offset, "unsafe-class", problem, "remove it; the site gives every page its layout")
        return
    found = attribute_problem(name, rules)
    if found:
        fix = ("remove it: pages contain no scripts" if found[0] == "event-handler"
               else f"remove it; a page may set #id, .class and {', '.join(rules.get('attributes', []))}")
        add(offset, found[0], found[1], fix)


def _url(add, offset, url, image, rules):
    problem = classify_url(url, image, rules)
    if problem:
        add(offset, *problem)


def _rendered_problems(body_node, rules) -> list[tuple[str, str, str]]:
    """(code, token, message) of what the rendered page holds besides Markdown's own output."""
    found = []
    for node in html5.elements(body_node):
        tag = node.tag
        if tag == html5.COMMENT:
            # A browser reads "<!...>", "<?...>" and "</ ...>" as comments too.
            found.append(("raw-html", ("<!--", "<!", "<?", "</"), "the page renders an HTML comment"))
            continue
        if tag not in SAFE_TAGS:
            code = "script" if tag == "script" else "iframe" if tag in rules.get("embedded", []) else "active-content"
            found.append((code, f"<{tag}", f"the page renders a <{tag}> element"))
        for name, value in node.attributes.items():
            if name.startswith("on"):
                found.append(("event-handler", name, f"the page renders an '{name}' attribute, which runs a script"))
            elif name not in SAFE_ATTRIBUTES:
                found.append(("active-content", name, f"the page renders an attribute '{name}'"))
            elif name in ("href", "src") and value is not None:
                problem = classify_url(value, tag == "img" or name == "src", rules)
                if problem:
                    found.append((problem[0], value, problem[1]))
    return found


def rendered(body: str, rel: str, first_line: int, rules: dict) -> list[Finding]:
    """What the page becomes with the extensions of mkdocs.yml, read as a browser would."""
    output = markdown.markdown(body, extensions=rules.get("render_extensions", []))
    findings, where, lower = [], Located(body, first_line), body.lower()
    for code, tokens, message in _rendered_problems(html5.fragment(output), rules):
        offsets = [lower.find(token.lower()[:40]) for token in ((tokens,) if isinstance(tokens, str) else tokens)]
        offset = next((at for at in offsets if at >= 0), -1)
        line, column = where(offset) if offset >= 0 else (first_line, 1)
        findings.append(Finding(rel, line, column, code, message,
                                "remove it: a page contains text in Markdown, links and nothing active"))
    return sorted(set(findings))
