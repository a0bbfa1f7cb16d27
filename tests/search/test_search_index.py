"""The search bundles a build writes (treaty.search.index through the `treaty` plugin)."""

from __future__ import annotations

import json

import pytest

from sitekit import LANGS, build_site, small_tree
from treaty.search.index import LanguageIndex, html_text

CHAPTERS = {1: [1, 2], 2: [3]}
BODIES = {
    "en": "Each State Party shall establish as a criminal offence the illegal access to systems.",
    "fr": "Chaque État partie érige en infraction pénale l’accès illégal à un système.",
    "es": "Cada Estado parte tipificará como delito el acceso ilícito a un sistema.",
    "ru": "Каждое государство-участник признает уголовно наказуемым незаконный доступ к системе.",
    "zh": "缔约国应将非法访问信息和通信技术系统的行为规定为刑事犯罪。",
    "ar": "تعتمد كل دولة طرف ما يلزم لتجريم الدُّخُول غير المشروع إلى نظام.",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    docs, config = small_tree(tmp, CHAPTERS, BODIES)
    build_site(config, tmp / "site", docs)
    return tmp / "site"


def test_each_language_has_its_own_bundle_with_only_its_pages(built):
    for lang in LANGS:
        bundle = built / lang / "search"
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert len(entry["languages"]) == 1, lang
        (only,) = entry["languages"].values()
        assert only["page_count"] == 3 + 2 + 2, lang  # articles, chapters, preamble and about
        assert (bundle / "pagefind.js").is_file() and (bundle / "treaty.json").is_file()
        assert not (bundle / "pagefind-ui.js").exists()
        assert len(list(bundle.glob("wasm.*.pagefind"))) == 1, lang
        data = json.loads((bundle / "treaty.json").read_text(encoding="utf-8"))
        assert sorted(url for url, _ in data["pages"].values()) == sorted(
            f"{lang}/{key}/" for key in ["articles/1", "articles/2", "articles/3", "chapters/1", "chapters/2",
                                         "preamble", "about"])
        # Passages replace Pagefind's fragments, which would carry the indexed words as well.
        assert not (bundle / "fragment").exists()
        assert sorted(p.stem for p in (bundle / "passage").iterdir()) == sorted(data["pages"])


@pytest.mark.parametrize("lang", LANGS)
def test_a_passage_is_the_page_text_as_written_and_the_title_is_in_the_rules(built, lang):
    bundle = built / lang / "search"
    data = json.loads((bundle / "treaty.json").read_text(encoding="utf-8"))
    (page_id,) = [i for i, (url, _) in data["pages"].items() if url == f"{lang}/articles/1/"]
    assert data["pages"][page_id][1].endswith("T")
    passage = json.loads((bundle / "passage" / f"{page_id}.json").read_text(encoding="utf-8"))
    assert passage["text"] == BODIES[lang]


def test_the_chooser_has_no_search_and_the_root_no_search_index(built):
    # Material's script asks for search/search_index.json only from a page whose search form is
    # named "search": the edition's is not (partials/search.html), and the site has no such file.
    assert not (built / "search").exists()
    assert "md-search" not in (built / "index.html").read_text(encoding="utf-8")


def test_language_pages_carry_materials_search_box_and_the_worker_of_their_language(built):
    html = (built / "ru" / "articles" / "1" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-search"' in html and 'placeholder="Поиск"' in html
    assert "assets/javascripts/treaty/search-worker.js?lang=ru" in html
    assert (built / "assets" / "javascripts" / "treaty" / "search-rules.js").is_file()


def test_browser_rules_are_the_languages_rules(built):
    data = json.loads((built / "zh" / "search" / "treaty.json").read_text(encoding="utf-8"))
    assert data["rules"]["segment"] == "chinese" and data["language"] == "und"
    assert "访问" in data["dictionary"]["words"].split()
    arabic = json.loads((built / "ar" / "search" / "treaty.json").read_text(encoding="utf-8"))
    assert arabic["rules"]["replace"]["ة"] == "ه" and "dictionary" not in arabic


def test_index_content_is_normalized_and_chinese_has_words_and_pairs():
    index = LanguageIndex("zh")
    record = index.add("zh/articles/7/", "第七条　非法访问", "<p>非法访问系统</p>", 7, "article")
    terms = index.content(record).split()
    assert {"非法", "访问", "法访", "统"} <= set(terms)
    arabic = LanguageIndex("ar")
    record = arabic.add("ar/articles/7/", "المادة 7", "<p>الدُّخُول غير المشروع</p>", 7, "article")
    assert "الدخول" in arabic.content(record).split()
    assert record.text == "الدُّخُول غير المشروع"  # shown as written


def test_page_text_leaves_out_term_previews_and_permalinks():
    html = ('<div class="treaty-para"><a class="treaty-enum" href="#p">1.</a> <p>The '
            '<a class="treaty-term" href="#">electronic data</a><span class="treaty-term__preview">'
            'Definition text</span> are kept.<a class="headerlink" href="#x">¶</a></p></div>')
    assert html_text(html) == "The electronic data are kept."


@pytest.mark.parametrize("html, text", [
    # Blocks apart, inline elements not: a word split by <em> stays one word.
    ("<p>one</p><p>two</p><ul><li>three</li><li>fo<em>ur</em></li></ul>", "one two three four"),
    ("<table><tr><td>a</td><td>b</td></tr></table>a<br>b", "a b a b"),
    # Skipped elements inside one another, and scripts and comments, leave nothing.
    ('<p>kept<span class="treaty-term__preview">x<a class="headerlink">y</a>'
     '<span class="treaty-cite">z</span></span>.</p><script>var s = 1;</script><!-- note -->', "kept."),
    # Read as a browser reads it: references decoded, an unclosed element closed.
    ("<p>a &amp; b&nbsp;c &#x4E00;<p>d", "a & b c 一 d"),
])
def test_page_text_is_what_a_reader_reads(html, text):
    assert html_text(html) == text


def test_the_chinese_index_comes_in_small_pieces_whose_ranges_the_browser_knows(tmp_path):
    """data/search.yml's index_chunk_size reaches Pagefind, and treaty.json's `chunks` are the
    ranges of words of the index files, in order (search-worker.js relies on them)."""
    import gzip
    import random

    from treaty.search.index import SIGNATURE, cbor_item, chunk_ranges

    pick = random.Random(5)
    common = [chr(code) for code in range(0x4E00, 0x4E00 + 400)]  # arbitrary characters, not text
    index = LanguageIndex("zh")
    for number in range(1, 4):
        text = "".join(pick.choice(common) for _ in range(1500))
        index.add(f"zh/articles/{number}/", f"第{number}条", f"<p>{text}</p>", number, "article")
    bundle = index.write(tmp_path / "search")
    files = sorted((bundle / "index").glob("*.pf_index"))
    assert len(files) >= 3  # about 4500 pairs, in pieces of about 2500 entries
    assert max(len(path.read_bytes()) for path in files) < 12_000
    data = json.loads((bundle / "treaty.json").read_text(encoding="utf-8"))
    meta = {path.name: path.read_bytes() for path in bundle.glob("pagefind.*.pf_meta")}
    assert data["chunks"] == chunk_ranges(meta) and len(data["chunks"]) == len(files)
    words_of = {}
    for path in files:
        raw = gzip.decompress(path.read_bytes())
        (entries,) = cbor_item(raw, len(SIGNATURE))[0]
        words = [entry[0] for entry in entries]
        words_of[(words[0], words[-1])] = words
    pieces = [words for _, words in sorted(words_of.items())]
    for (first, last), words in zip(data["chunks"], pieces):
        assert all(first <= word and word[:len(last)] <= last for word in words), (first, last)
    for (_, last), (first, _) in zip(data["chunks"], data["chunks"][1:]):
        assert last < first


def test_only_chinese_has_the_ranges_of_its_index_pieces(built):
    for lang in LANGS:
        data = json.loads((built / lang / "search" / "treaty.json").read_text(encoding="utf-8"))
        assert ("chunks" in data) == (lang == "zh"), lang
