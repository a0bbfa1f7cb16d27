"""Content is Markdown, never HTML: the renderer refuses what the checker refuses, by itself.

    raw HTML        Python-Markdown's HTML block preprocessor and inline HTML pattern are removed:
                    `<b>`, `<!-- -->`, `<![CDATA[ ... ]]>` in a page are text, shown as written
    {: ... }        attr_list sets an #id only if the site's layout does not use it, a .class only
                    from data/checks.yml (`classes`) and other attributes only from `attributes`
    addresses       links and images use http:, https:, mailto: or a relative address, link to the
                    hosts of `link_hosts`, show images of the site only (the checker's rules,
                    treaty.model.policy, from the same data file)
    heading ids     a heading's id never takes one the layout uses ("Title" gets #h-title)
    table columns   an aligned column is given a class (Python-Markdown writes a style attribute,
                    which the site's Content-Security-Policy does not allow)

What is refused is left out of the page and recorded (`problems`, and `report` when given): the
`treaty` plugin stops the build on it, naming the file and line. Usable in any Python-Markdown
pipeline:

    markdown.markdown(text, extensions=["attr_list", "treaty.markdown.safety"])
"""

from __future__ import annotations

import re

from markdown.extensions.attr_list import AttrListTreeprocessor, get_attrs_and_remainder
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from markdown import Extension
from treaty.findings import Finding
from treaty.model.policy import (
    attribute_problem,
    class_problem,
    classify_url,
    id_problem,
    markup_rules,
    reserved_id,
)

ALIGN = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")


class SafeAttrList(AttrListTreeprocessor):
    """attr_list, setting only what the policy allows; the rest is refused and recorded."""

    def __init__(self, md, extension: TreatySafetyExtension):
        super().__init__(md)
        self.extension = extension

    def assign_attrs(self, elem, attrs_string: str, *, strict: bool = False) -> str:
        attrs, remainder = get_attrs_and_remainder(attrs_string)
        if strict and remainder:
            return remainder
        for key, value in attrs:
            # "#x" and "id=x" both set the id; ".x" and "class='x y'" classes.
            name = "class" if key == "." else self.sanitize_name(key).lower()
            values = (value or "").split() if name == "class" else [value]
            for one in values:
                refused = self.problem(name, one)
                if refused:
                    self.extension.refuse(*refused, "remove it from the {: ...} list")
                elif name == "class":
                    elem.set("class", f"{elem.get('class')} {one}" if elem.get("class") else one)
                else:
                    elem.set(name, one)
        return remainder

    def problem(self, name: str, value: str | None) -> tuple[str, str, str] | None:
        rules = self.extension.rules
        if name == "id":
            message = id_problem(value or "", rules)
            return ("reserved-id", message, value or "id") if message else None
        if name == "class":
            message = class_problem(value, rules)
            return ("unsafe-class", message, value) if message else None
        found = attribute_problem(name, rules)
        return (found[0], found[1], name) if found else None


def safe_slugify(slugify, rules: dict):
    """The table of contents' slugify, giving "h-title" where it would give a reserved id."""

    def safe(value, separator):
        slug = slugify(value, separator)
        return "h" + separator + slug.lstrip("_") if slug and reserved_id(slug, rules) else slug

    safe.treaty_safe = True
    return safe


class PolicyTreeprocessor(Treeprocessor):
    """Last in the tree's processing: every address of the page by the policy, aligned table
    columns as classes."""

    def __init__(self, md, extension: TreatySafetyExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root):
        rules = self.extension.rules
        for element in root.iter():
            for name in ("href", "src"):
                value = element.get(name)
                if value is None:
                    continue
                problem = classify_url(value, element.tag == "img" or name == "src", rules)
                if problem:
                    element.set(name, "")  # emptied, not removed: MkDocs expects every link's href
                    self.extension.refuse(problem[0], problem[1], value, problem[2])
            style = element.get("style")
            if style is not None:
                del element.attrib["style"]
                align = ALIGN.match(style)
                if element.tag in ("th", "td") and align:
                    element.set("class", f"treaty-align-{align.group(1)}")
                else:
                    self.extension.refuse("unsafe-attribute", "a style attribute in the page", "style",
                                          "remove it; the site's style sheet gives the layout")


class TreatySafetyExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "source": ["", "File name of the text, for messages"],
            "first_line": [1, "Line of that file where the Markdown text begins"],
            "report": ["", "Called with each refusal (a Finding) as it is made"],
            "files": ["", "The project's data files (treaty.project.files.DataFiles); not given: the package's"],
        }
        super().__init__(**kwargs)
        self.problems: list[Finding] = []
        self.source = ""
        self.rules: dict = {}

    def reset(self):
        self.problems = []

    def refuse(self, code: str, message: str, token: str, fix: str) -> None:
        line = self.line_of(token)
        finding = Finding(self.getConfig("source") or "<text>", line, 1, code, message, fix)
        self.problems.append(finding)
        report = self.getConfig("report")
        if report:
            report(finding)

    def line_of(self, token: str) -> int:
        first = int(self.getConfig("first_line") or 1)
        at = self.source.find(token) if token else -1
        return first + self.source.count("\n", 0, at) if at >= 0 else first

    def extendMarkdown(self, md):
        md.registerExtension(self)
        self.reset()
        self.rules = markup_rules(self.getConfig("files") or None)
        # Raw HTML is text: no HTML block is set aside, no tag or comment is passed through.
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)
        md.preprocessors.register(SafetyPreprocessor(md, self), "treaty_safety", 100)
        # After every other extension and MkDocs' title (1), before its relative links (0).
        md.treeprocessors.register(PolicyTreeprocessor(md, self), "treaty_policy", 0.5)
        md.treaty_safety = self


class SafetyPreprocessor(Preprocessor):
    """Keeps the text as written (for the line of what is refused). Runs first, when every
    extension is loaded: attr_list is the policy's, and the table of contents' names are safe."""

    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, lines):
        self.extension.source = "\n".join(lines)
        processors = self.md.treeprocessors
        if "attr_list" in processors and not isinstance(processors["attr_list"], SafeAttrList):
            processors.register(SafeAttrList(self.md, self.extension), "attr_list", 8)
        if "toc" in processors and not getattr(processors["toc"].slugify, "treaty_safe", False):
            processors["toc"].slugify = safe_slugify(processors["toc"].slugify, self.extension.rules)
        return lines


def makeExtension(**kwargs):
    return TreatySafetyExtension(**kwargs)
