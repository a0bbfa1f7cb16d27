"""The build's last look at each published page, after the templates: whatever the checker and
the renderer let through, a page whose content area holds anything the sanitizer would remove,
or an id that would take the place of one of the layout's, is not published.

    unsafe-html       the content area (<article>) holds an element, attribute or address outside
                      data/checks.yml's `published` lists: the sanitizer (nh3) would change it
    clobbering-id     an id of the content area that the layout or its scripts use as well (twice
                      on the page, or in a namespace of theirs: __config, md-..., treaty-...)

The page is read as a browser reads it (treaty.model.html5). Plain Python: no MkDocs.
"""

from __future__ import annotations

from collections import Counter

from treaty.findings import Finding
from treaty.model import html5
from treaty.model.policy import markup_rules

CONTENT = "article.md-content__inner"
# The layout's own element at the start of the content area: the skip link's target (an empty div,
# partials/content.html). It is set aside before the content is judged; another element with its
# id is still a clobbering id.
SKIP_TARGET = "treaty-text"
FIX = ("the page's Markdown, front matter, the catalogs or the data files put it there; remove it "
       "(run `treaty check`), and report it if the files look right")


class PublishedPolicy:
    """The package's `published` lists, read once per build."""

    def __init__(self, rules: dict | None = None):
        rules = rules or markup_rules()
        published = rules["published"]
        self.allow = html5.Allowlist.of(published)
        self.id_prefixes = tuple(published.get("forbidden_id_prefixes") or ())

    def check(self, page_html: str, rel: str) -> list[Finding]:
        """Findings about the published page of source file `rel` (empty: it may be published)."""
        content_html, findings = self.read(page_html, rel)
        if content_html is None or self.allow.clean(content_html) == content_html:
            return findings  # the usual case: the sanitizer writes back exactly what it was given
        content = self.content(html5.parse(page_html))  # read again, to tell what it would change
        return [Finding(rel, 1, 1, "unsafe-html", f"the published page would contain {change}", FIX)
                for change in html5.sanitizer_changes(content, self.allow)] + findings

    def read(self, page_html: str, rel: str) -> tuple[str | None, list[Finding]]:
        """The content area's HTML (None: the page has none) and its clobbering ids. The page's
        tree is let go before the sanitizer reads the content: on a large page (a status page of a
        large instrument) each takes tens of MB."""
        tree = html5.parse(page_html)
        content = self.content(tree)
        if content is None:
            return None, []
        return content.inner_html or "", self.clobbering(tree, content, rel)

    @staticmethod
    def content(tree):
        content = tree.css_first(CONTENT)
        if content is not None:
            drop_skip_target(content)
        return content

    def clobbering(self, tree, content, rel: str) -> list[Finding]:
        inside = [node.attributes.get("id") for node in content.css("[id]")]
        everywhere = Counter(node.attributes.get("id") for node in tree.css("[id]"))
        out = []
        for ident in dict.fromkeys(i for i in inside if i is not None):
            if everywhere[ident] > 1:
                out.append(f"the id '{ident}' twice on the page (an element of the layout has it too)")
            elif ident.lower().startswith(self.id_prefixes):
                out.append(f"the id '{ident}', which the layout's scripts may read")
        return [Finding(rel, 1, 1, "clobbering-id", f"the published page would contain {what}", FIX) for what in out]


def drop_skip_target(content) -> None:
    """Remove the skip link's target when it is the content area's first element, and empty."""
    node = content.child
    while node is not None and node.tag in ("-text", "_comment") and not (node.text() or "").strip():
        node = node.next
    if node is not None and node.tag == "div" and node.attributes.get("id") == SKIP_TARGET and node.child is None:
        node.decompose()
