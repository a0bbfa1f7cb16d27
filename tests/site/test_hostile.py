"""A hostile corpus, checked both ways. For each payload (those of the security review, and others
generated at random): `treaty check` refuses it with its file and line, and, with the checker's
content rules taken out as if it had missed them, the renderer refuses it itself (the build stops,
naming the file) or the built HTML, read as a browser reads it, holds nothing that runs. In
Chromium, no dialog opens on any page built from them."""

from __future__ import annotations

import logging
import re

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from hostilekit import executable, render_like_the_site
from sitekit import build_site, serve, small_tree
from treaty.checks import checker as checker_module
from treaty.checks.markup import check_markup
from treaty.checks.published import PublishedPolicy
from treaty.findings import ERROR
from treaty.model import html5
from treaty.project.files import package_folder

CHAPTERS = {1: [1, 2], 2: [3]}
ALERT = "alert(1)"
# Raw HTML and its tricks: the renderer writes them as text.
TEXT_PAYLOADS = [
    '[x](\n<![CDATA[>) [y](<img src=x onerror="alert(1)">) ]]>',
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<svg><script>alert(1)</script></svg>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<![CDATA[><img src=x onerror=alert(1)>]]>",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<details open ontoggle=alert(1)>",
    "&lt;img src=x onerror=alert(1)&gt;",
    "<? <img src=x onerror=alert(1)> ?>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "`<img src=x onerror=alert(1)>`",
    "<javascript:alert(1)>",
    "x[^1]\n\n[^1]: <img src=x onerror=alert(1)>",
    "## __config\n\n## Title",
]
# What the renderer refuses: the build stops on them, naming the file.
REFUSED_PAYLOADS = [
    "Text.\n{: #__config }",
    '{"search": "data:text/javascript,alert(1)"}\n{: #__config }',
    "[x](javascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "![x](data:image/svg+xml,%3Csvg%20onload=alert(1)%3E)",
    'Text.\n{: onclick="alert(1)" }',
    "[x][r]\n\n[r]: javascript:alert(1)",
    "Text.\n{: .md-search }",
    "## Heading {: #treaty-strings }",
]
CONTENT_CODES = {"raw-html", "script", "iframe", "event-handler", "unsafe-attribute", "unsafe-url", "reserved-id",
                 "unsafe-class", "active-content", "attribute-quote", "catalog-markup", "external-link",
                 "external-image"}


def lenient(*args, **kwargs):
    """The build's `treaty check` without its content rules, as if it had missed every payload (and
    without parity: only the English article holds them)."""
    result = checker_module.check_tree(*args, **kwargs)
    result.findings = [f for f in result.findings if f.code not in CONTENT_CODES | {"skeleton"}]
    return result


@pytest.fixture
def unchecked(monkeypatch):
    monkeypatch.setattr("treaty.site.plugin.check_tree", lenient)


def without_search(config):
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - treaty\n", "  - treaty:\n      search: false\n", 1), encoding="utf-8")
    return config


def hostile_project(tmp):
    """A small tree whose English article 1 holds every text payload, whose about page's description
    is a refresh, whose English catalog breaks out of an attribute, and whose instrument's name is
    markup."""
    body = "\n\n".join(TEXT_PAYLOADS)
    docs, config = small_tree(tmp, CHAPTERS, {"en": body})
    about = docs / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace(
        "kind: about\n", "kind: about\ndescription: '0;url=https://evil.example/\" http-equiv=\"refresh'\n"),
        encoding="utf-8")
    catalog = package_folder("locale") / "en" / "LC_MESSAGES" / "messages.po"
    text = catalog.read_text(encoding="utf-8")
    for message in ("Read this page in another language", "Search", "Copy link"):
        text = text.replace(f'msgid "{message}"\nmsgstr "{message}"',
                            f'msgid "{message}"\nmsgstr "\\" autofocus onfocus=\\"{ALERT}"')
    target = tmp / "locale" / "en" / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True)
    target.write_text(text, encoding="utf-8")
    instrument = tmp / "data" / "instrument.yml"
    data = yaml.safe_load(instrument.read_text(encoding="utf-8"))
    data["names"]["en"] = "<img src=x onerror=alert(1)> Convention"
    instrument.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return docs, without_search(config)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    docs, config = hostile_project(tmp)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("treaty.site.plugin.check_tree", lenient)
        build_site(config, tmp / "site", docs)
    return tmp, docs, config


def test_the_check_refuses_every_payload_with_its_file_and_line(tmp_path):
    from sitekit import project_of

    docs, config = hostile_project(tmp_path)
    result = checker_module.check_tree(project_of(config, docs))
    found = {(f.path, f.code) for f in result.findings}
    assert ("docs/en/about.md", "attribute-quote") in found
    assert ("locale/en/LC_MESSAGES/messages.po", "catalog-markup") in found
    assert ("docs/en/articles/1.md", "raw-html") in found
    # Each payload on its own: refused, on its line (the code span and the heading are text).
    for payload in TEXT_PAYLOADS:
        errors = [f for f in check_markup("Text.\n\n" + payload, "x.md", 1) if f.severity == ERROR]
        if payload.startswith(("`", "&lt;", "## ")):
            assert errors == [], payload
        else:
            assert errors and all(3 <= f.line <= 3 + payload.count("\n") for f in errors), payload
    for payload in REFUSED_PAYLOADS:
        assert [f for f in check_markup(payload, "x.md", 1) if f.severity == ERROR], payload


def test_every_built_page_holds_nothing_that_runs(hostile_site):
    tmp, _, _ = hostile_site
    pages = sorted((tmp / "site").rglob("*.html"))
    policy = PublishedPolicy()
    for path in pages:
        html = path.read_text(encoding="utf-8")
        tree = html5.parse(html)
        assert executable(tree.root, own_scripts=True) == [], path
        assert policy.check(html, str(path)) == [], path
    article = (tmp / "site" / "en" / "articles" / "1" / "index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=" in article  # the payloads are shown as text
    about = html5.parse((tmp / "site" / "en" / "about" / "index.html").read_text(encoding="utf-8"))
    assert about.css_first('meta[name="description"]').attributes["content"].startswith("0;url=")
    assert not about.css('meta[http-equiv="refresh"]')


@pytest.mark.parametrize("payload", REFUSED_PAYLOADS)
def test_the_renderer_refuses_what_the_check_would_have_refused(tmp_path, unchecked, caplog, payload):
    docs, config = small_tree(tmp_path, CHAPTERS, {"en": payload})
    caplog.set_level(logging.ERROR)
    with pytest.raises(Abort):
        build_site(without_search(config), tmp_path / "site", docs)
    assert "the renderer refused" in caplog.text
    text = (docs / "en" / "articles" / "1.md").read_text(encoding="utf-8")
    first = text[: text.index(payload)].count("\n") + 1
    lines = [int(n) for n in re.findall(r"docs/en/articles/1\.md:(\d+):", caplog.text)]
    assert lines and all(first <= n <= first + payload.count("\n") for n in lines), caplog.text
    assert not (tmp_path / "site" / "en" / "articles" / "1" / "index.html").exists()


@pytest.mark.browser
def test_no_dialog_opens_in_chromium(hostile_site, browser):
    tmp, _, _ = hostile_site
    server, url = serve(tmp / "site")
    try:
        # The policy would block an inline handler anyway: with it bypassed, the pages themselves
        # must hold nothing that runs (without autoescape, a catalog's onfocus= opens a dialog here).
        context = browser.new_context(locale="en-GB", bypass_csp=True)
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in ["", "en/", "en/articles/1/", "en/about/", "en/chapters/1/"]:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            page.keyboard.press("Tab")
            page.mouse.move(200, 300)
            page.wait_for_timeout(300)
        context.close()
    finally:
        server.shutdown()
    assert dialogs == []


# -- generated payloads ------------------------------------------------------------------------------

PIECES = ["<", ">", "</", "<img src=x onerror=alert(1)>", "<script>", "</script>", "<!--", "-->", "--!>",
          "<![CDATA[", "]]>", "<?", "?>", "<!x", "&lt;", "&#x3C;", "&#60", "&#106;avascript:", "javascript:alert(1)",
          "JaVa\tScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "[x](", ")", "[y]", "(<", ">)",
          "{: #__config }", "{: .x }", "{: onclick=alert(1) }", "{#para-1}", "{: title='a\"b' }", "![i](", "`",
          "```", "# ", "1. ", "[^1]", "[^1]: ", "[r]: ", "<https://evil.example>", "<javascript:alert(1)>",
          "<svg onload=alert(1)>", "\"", "'", "=", "on", "\\", "*", "_", "|", "---", "\n", "\n\n", " ", "text",
          "<a href='javascript:alert(1)'>", "<style>", "<noscript>", "</noscript>", "<math>", "<mglyph>",
          "<table>", "<textarea>", "</title>", "<base href=//evil.example/>", "&", ";", "#", "<x:y>", "<a:b>"]


@st.composite
def hostile_markdown(draw):
    return "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=25)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_markdown())
def test_generated_markdown_is_refused_or_rendered_inert(body):
    html, refused = render_like_the_site(body)
    # Whatever the checker says, the renderer's output holds nothing that runs.
    assert executable(html5.fragment(html)) == [], (body, html)
    assert html5.sanitizer_changes(html5.fragment(html), PublishedPolicy().allow) == [], (body, html)
    # What the renderer refuses, the check refuses first, with a line of the body.
    findings = [f for f in check_markup(body, "docs/en/articles/1.md", 9) if f.severity == ERROR]
    if refused:
        assert findings, (body, [f.text() for f in refused])
    for finding in findings:
        assert 9 <= finding.line <= 9 + body.count("\n")
