"""Search in a real browser: the query rules of search-rules.js equal the Python ones, and on the
built site each language's queries (data/search-queries.yml) put the expected article first,
with results of that language only, through Material's search box and keyboard."""

from __future__ import annotations

import contextlib
import gzip
import json
import re
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from sitekit import LANGS, ROOT
from treaty.project.files import package_folder
from treaty.search.chinese import Dictionary
from treaty.search.normalize import HAN_RUN, article_reference, normalize, rules_for, words
from treaty.search.query import plan

pytestmark = pytest.mark.browser
RULES_JS = package_folder("site/theme") / "assets" / "javascripts" / "treaty" / "search-rules.js"
QUERIES = yaml.safe_load((ROOT / "data" / "search-queries.yml").read_text(encoding="utf-8"))
SHOTS = ROOT / "test-artifacts"
FIRST_LINK = ".md-search-result__list .md-search-result__link"

# Text on which both sides must agree, beyond the query set: every rule of data/search.yml.
SAMPLES = {
    "ar": ["الدُّخُولُ غَيْرُ المَشْرُوعِ إلى النِّظَام", "إساءة استخدام الأجهزة، مسؤولية جزائي",
           "ٱلاتفاقية الـــدولية", "المادة ٣٦ والمادة 7"],
    "zh": ["第六十八条　保存人和语文", "缔约国应将非法访问信息和通信技术系统的行为规定为刑事犯罪",
           "第６８条 ２４/７网络"],
    "en": ["Depositary's Rôle, ART. 7", "Illegal-access: 24/7 networks"],
    "fr": ["L’État partie d'ériger jusqu'à l'accès illégal", "aujourd'hui, Ça, Article premier, art. 1er"],
    "ru": ["Ещё учёт ЁМКОСТИ, Статья 7", "ст. 68 незаконный доступ"],
    "es": ["Interceptación ilícita de imágenes íntimas, Año, NIÑOS", "Artículo 7"],
}


def cases(lang: str) -> list[str]:
    return [item["q"] for item in QUERIES[lang]] + SAMPLES[lang]


@pytest.fixture(scope="module")
def rules_page(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><meta charset='utf-8'><title>rules</title>")
    page.add_script_tag(content=RULES_JS.read_text(encoding="utf-8"))
    yield page
    page.close()


@pytest.mark.parametrize("lang", LANGS)
def test_browser_rules_give_the_same_answers_as_the_python_rules(rules_page, lang):
    rules = rules_for(lang).as_json()
    texts = cases(lang)
    dictionary = None
    if rules["segment"] == "chinese":
        dictionary = Dictionary.for_runs([run for text in texts for run in HAN_RUN.findall(normalize(text, lang))])
    got = rules_page.evaluate(
        """([texts, rules, dictionaryData]) => {
             const R = TreatySearchRules;
             const dictionary = dictionaryData ? new R.Dictionary(dictionaryData) : null;
             const data = {rules: rules};
             return texts.map(text => ({
               normalized: R.normalize(text, rules),
               words: R.words(text, rules, dictionary ? run => dictionary.cut(run) : null),
               reference: R.articleReference(text, rules),
               plan: R.plan(text, data, dictionary)
             }));
           }""",
        [texts, rules, dictionary.as_json() if dictionary else None])
    for text, answer in zip(texts, got):
        assert answer["normalized"] == normalize(text, lang), text
        assert answer["words"] == words(text, lang, segmenter=dictionary.cut if dictionary else None), text
        assert tuple(answer["reference"]) == article_reference(text, lang), text
        assert answer["plan"] == plan(text, lang, dictionary).as_json(), text


def search(page, query: str) -> None:
    """Type a query as a reader does: "/" opens Material's search box, then the keys."""
    page.keyboard.press("/")
    page.fill(".md-search__input", query)
    page.keyboard.press("End")  # Material reads the box on key release (text typed with an IME too)


def first_results(page, expected: str, timeout: float = 8000) -> list[str]:
    """The result links once `expected` leads the list (or what is there when time runs out)."""
    with contextlib.suppress(Exception):
        page.wait_for_function(
            f"""expected => {{ const a = document.querySelector({FIRST_LINK!r});
                             return a && new URL(a.href).pathname.endsWith(expected); }}""",
            arg=expected, timeout=timeout)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]


@pytest.mark.parametrize("lang", LANGS)
def test_each_query_of_the_set_puts_its_article_first_in_that_language_only(site_url, page_for, lang):
    page = page_for(lang)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}{lang}/about/")
    page.wait_for_load_state("networkidle")
    missed = []
    for item in QUERIES[lang]:
        search(page, item["q"])
        expected = f"/{lang}/articles/{item['article']}/"
        links = first_results(page, expected)
        if not links or not links[0].endswith(expected):
            missed.append((item["q"], item["article"], links[:3]))
        foreign = [link for link in links if not link.startswith(f"{site_url}{lang}/")]
        assert not foreign, (item["q"], foreign)
        page.keyboard.press("Escape")
    assert not missed, missed
    bundles = {m.group(1) for url in requested if (m := re.search(r"/([a-z]{2})/search/", url))}
    assert bundles == {lang}, bundles


def test_arabic_search_is_labelled_in_arabic_laid_out_right_to_left_and_driven_by_keys(site_url, page_for):
    page = page_for("ar")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}ar/about/")
    page.wait_for_load_state("networkidle")
    box = page.locator(".md-search__input")
    assert box.get_attribute("placeholder") == "بحث"
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("حماية الشهود")
    page.keyboard.press("End")  # Playwright types Arabic letters without key events; a key follows
    links = first_results(page, "/ar/articles/33/")
    assert links and links[0].endswith("/ar/articles/33/")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-search__inner')).direction") == "rtl"
    # Measured once the passages are in and the list has stopped moving.
    page.wait_for_selector(".md-search-result__article p")
    page.wait_for_function("""() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
        () => done(!document.getAnimations().some(a => a.playState === "running")))))""")
    output = page.locator(".md-search__output").bounding_box()
    inner = page.locator(".md-search-result__article").first.bounding_box()
    assert output["x"] - 1 <= inner["x"] and inner["x"] + inner["width"] <= output["x"] + output["width"] + 1
    meta = page.locator(".md-search-result__meta").inner_text()
    assert re.search(r"[\u0600-\u06ff]", meta), meta
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "ar-search.png"))
    # Arrow keys move through the results, Enter opens the one in focus.
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/ar/articles/33/$"))


def test_enter_opens_the_first_result_and_escape_closes_search(site_url, page_for):
    page = page_for("fr")
    page.goto(f"{site_url}fr/about/")
    page.wait_for_load_state("networkidle")
    search(page, "art. 36")
    first_results(page, "/fr/articles/36/")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/fr/articles/36/$"))
    page.wait_for_load_state("networkidle")
    search(page, "perquisition")
    first_results(page, "/fr/articles/28/")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_nothing_is_fetched_for_search_before_the_reader_types(site_url, page_for):
    page = page_for("zh")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}zh/articles/7/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/zh/search/" in url]
    search(page, "法访")  # two characters across two words: found through character pairs
    links = first_results(page, "/zh/articles/7/")
    assert any(link.endswith("/zh/articles/7/") for link in links), links
    assert [url for url in requested if "/zh/search/" in url]


def first_use_bytes(site, site_url, page, query: str, expected: str) -> int:
    """Everything search downloads for one query on a fresh page, passages included, gzip-compressed
    as a static host serves it."""
    requested = []
    page.on("requestfinished", lambda request: requested.append(request.url))
    page.goto(f"{site_url}{expected.split('/')[1]}/about/")
    page.wait_for_load_state("networkidle")
    before = len(requested)
    search(page, query)
    first_results(page, expected)
    page.wait_for_selector(".md-search-result__article p")
    page.wait_for_load_state("networkidle")
    files = {site / unquote(urlsplit(url).path).lstrip("/") for url in requested[before:]
             if re.search(r"/search/|/treaty/search-", url)}
    return sum(len(gzip.compress(path.read_bytes())) for path in files if path.is_file())


# The Chinese term queries that download the most (the index holds every pair of characters).
@pytest.mark.parametrize("query, article", [("个人数据", 36), ("预防措施", 53), ("滥用装置", 11)])
def test_first_use_of_chinese_search_stays_within_200_kb(site, site_url, page_for, query, article):
    size = first_use_bytes(site, site_url, page_for("zh"), query, f"/zh/articles/{article}/")
    assert 60_000 < size <= 200 * 1024, size


def chinese_bundle(site):
    """The Chinese bundle's treaty.json and each page's normalized title and text."""
    bundle = site / "zh" / "search"
    data = json.loads((bundle / "treaty.json").read_text(encoding="utf-8"))
    texts = {}
    for page_id, (url, title) in data["pages"].items():
        passage = json.loads((bundle / "passage" / f"{page_id}.json").read_text(encoding="utf-8"))
        texts[url] = normalize(f"{title} {passage['text']}", "zh")
    return data, texts


def test_the_longest_chinese_title_as_a_first_query_stays_within_200_kb(site, site_url, page_for):
    """A long query asks many pairs, each from its own small piece of the index."""
    data, _ = chinese_bundle(site)
    title, url = max(((article_reference(title, "zh")[1], url) for url, title in data["pages"].values()
                      if "/articles/" in url), key=lambda item: len(item[0]))
    assert len(title) >= 10
    size = first_use_bytes(site, site_url, page_for("zh"), title, f"/{url}")
    assert size <= 200 * 1024, size


def test_one_chinese_character_finds_every_page_that_holds_it(site, site_url, page_for):
    """A character whose pairs run over several pieces of the index: they are all fetched."""
    data, texts = chinese_bundle(site)
    ranges = data["chunks"]
    split = {last[0] for (_, last), (first, _) in zip(ranges, ranges[1:])
             if last[0] == first[0] and HAN_RUN.fullmatch(last[0])}
    assert split  # the Chinese index is in enough pieces for a character to span two of them
    char = max(sorted(split), key=lambda c: sum(c in text for text in texts.values()))
    expected = sum(char in text for text in texts.values())
    page = page_for("zh")
    page.goto(f"{site_url}zh/about/")
    page.wait_for_load_state("networkidle")
    search(page, char)
    page.wait_for_selector(".md-search-result__list .md-search-result__link")
    count = page.locator(".md-search-result__meta").inner_text()
    assert int(re.search(r"\d+", count).group(0)) == expected, (char, count, expected)
