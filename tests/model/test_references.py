"""References in running text, read with each language's grammar (treaty.model.references), and
the references the checker finds in a tree (treaty.checks.references)."""

import shutil
from collections import Counter

import pytest

from sitekit import FIXTURES, LANGS
from treaty.checks.parity import load_tree
from treaty.checks.references import check_references, document_references, linkable_text
from treaty.model.blocks import scan
from treaty.model.references import Reference, find_references, grammar, known_targets, locate
from treaty.project.files import defaults

SPECIMEN = FIXTURES / "specimen"
HERE, PARAGRAPH = 99, 5  # the article and paragraph the tested text is written in


def read(text, lang):
    """(words linked, where they lead) for each reference; "EXT" for another instrument's."""
    out = []
    for ref in find_references(text, lang):
        assert text[ref.start:ref.end] == ref.text
        out.append((ref.text, "EXT" if ref.external else ref.in_context(HERE, PARAGRAPH).target))
    return out


CASES = {
    "en": [
        ("see article 7.", [("article 7", "7")]),
        ("Article 7 of this Convention", [("Article 7", "7")]),
        ("article 7 of the present Convention", [("article 7", "7")]),
        ("articles 7 to 11", [("articles 7", "7"), ("11", "11")]),
        ("articles 7 through 11", [("articles 7", "7"), ("11", "11")]),
        ("articles 7, 8 and 9", [("articles 7", "7"), ("8", "8"), ("9", "9")]),
        ("articles 7 or 8", [("articles 7", "7"), ("8", "8")]),
        ("article 27 and article 28", [("article 27", "27"), ("article 28", "28")]),
        ("paragraph 2 of this article", [("paragraph 2 of this article", "99#para-2")]),
        ("paragraph 2 of the present article", [("paragraph 2 of the present article", "99#para-2")]),
        ("paragraph 2", [("paragraph 2", "99#para-2")]),
        ("paragraph 2 of article 7", [("paragraph 2 of article 7", "7#para-2")]),
        ("paragraphs 1 and 2 of this article", [("paragraphs 1", "99#para-1"), ("2", "99#para-2")]),
        ("subparagraph (b) of paragraph 1", [("subparagraph (b) of paragraph 1", "99#para-1-b")]),
        ("subparagraph (b) of paragraph 1 of article 7 of this Convention",
         [("subparagraph (b) of paragraph 1 of article 7", "7#para-1-b")]),
        ("subparagraph (b) (ii) of paragraph 1", [("subparagraph (b) (ii) of paragraph 1", "99#para-1-b-ii")]),
        ("paragraph 1 (b) (ii) of article 7", [("paragraph 1 (b) (ii) of article 7", "7#para-1-b-ii")]),
        ("paragraph 1 (b)(ii)", [("paragraph 1 (b)(ii)", "99#para-1-b-ii")]),
        ("paragraph 1 (a) and (b) of article 7", [("paragraph 1 (a)", "7#para-1-a"), ("(b)", "7#para-1-b")]),
        ("subparagraphs (a) to (c) of paragraph 2 of article 4",
         [("subparagraphs (a)", "4#para-2-a"), ("(c)", "4#para-2-c")]),
        ("subparagraph 1 (a) of this article", [("subparagraph 1 (a) of this article", "99#para-1-a")]),
        ("article 46, paragraph 9 (b)", [("article 46, paragraph 9 (b)", "46#para-9-b")]),
        ("subparagraph (b) of this paragraph", [("subparagraph (b) of this paragraph", "99#para-5-b")]),
        ("as set out in subparagraph (b),", [("subparagraph (b)", "99#para-5-b")]),
        ("article 2 (a)", [("article 2 (a)", "2#para-a")]),
        ("subparagraph (a) of article 2", [("subparagraph (a) of article 2", "2#para-a")]),
        ("subparagraph (i) of paragraph 1", [("subparagraph (i) of paragraph 1", "99#para-1-i")]),
    ],
    "fr": [
        ("voir l'article 7.", [("article 7", "7")]),
        ("l'article premier", [("article premier", "1")]),
        ("l'article 1er", [("article 1er", "1")]),
        ("les articles 7 à 11", [("articles 7", "7"), ("11", "11")]),
        ("aux articles 7, 8 et 9", [("articles 7", "7"), ("8", "8"), ("9", "9")]),
        ("le paragraphe 2 du présent article", [("paragraphe 2 du présent article", "99#para-2")]),
        ("le paragraphe 2 de l'article 7", [("paragraphe 2 de l'article 7", "7#para-2")]),
        ("le paragraphe 2 de l’article 7", [("paragraphe 2 de l’article 7", "7#para-2")]),
        ("l'alinéa b) du paragraphe 1", [("alinéa b) du paragraphe 1", "99#para-1-b")]),
        ("l'alinéa b) du paragraphe 1 de l'article 7 de la présente Convention",
         [("alinéa b) du paragraphe 1 de l'article 7", "7#para-1-b")]),
        ("le sous-alinéa ii) de l'alinéa b) du paragraphe 1",
         [("sous-alinéa ii) de l'alinéa b) du paragraphe 1", "99#para-1-b-ii")]),
        ("le paragraphe 1 b) ii) de l'article 7", [("paragraphe 1 b) ii) de l'article 7", "7#para-1-b-ii")]),
        ("les alinéas a) et c) du paragraphe 2", [("alinéas a)", "99#para-2-a"), ("c)", "99#para-2-c")]),
        ("l'alinéa b) du présent paragraphe", [("alinéa b) du présent paragraphe", "99#para-5-b")]),
        ("paragraphe 9, de l'article 46, paragraphe 1", [("paragraphe 9", "99#para-9"),
                                                        ("article 46, paragraphe 1", "46#para-1")]),
    ],
    "es": [
        ("el artículo 7", [("artículo 7", "7")]),
        ("los artículos 7 a 11", [("artículos 7", "7"), ("11", "11")]),
        ("los artículos 7 al 11", [("artículos 7", "7"), ("11", "11")]),
        ("los artículos 7, 8 y 9", [("artículos 7", "7"), ("8", "8"), ("9", "9")]),
        ("el párrafo 2 del presente artículo", [("párrafo 2 del presente artículo", "99#para-2")]),
        ("el párrafo 2 del artículo 7", [("párrafo 2 del artículo 7", "7#para-2")]),
        ("el apartado b) del párrafo 1", [("apartado b) del párrafo 1", "99#para-1-b")]),
        ("el apartado b) del párrafo 1 del artículo 7 de la presente Convención",
         [("apartado b) del párrafo 1 del artículo 7", "7#para-1-b")]),
        ("el inciso ii) del apartado b) del párrafo 1",
         [("inciso ii) del apartado b) del párrafo 1", "99#para-1-b-ii")]),
        ("el párrafo 1 b) del artículo 7", [("párrafo 1 b) del artículo 7", "7#para-1-b")]),
        ("el apartado a) del presente párrafo", [("apartado a) del presente párrafo", "99#para-5-a")]),
    ],
    "ru": [
        ("статья 7", [("статья 7", "7")]),
        ("статьи 7 настоящей Конвенции", [("статьи 7", "7")]),
        ("статье 7", [("статье 7", "7")]),
        ("статью 7", [("статью 7", "7")]),
        ("статьей 7", [("статьей 7", "7")]),
        ("статьёй 7", [("статьёй 7", "7")]),
        ("статьи 7–11", [("статьи 7", "7"), ("11", "11")]),
        ("статей 7-11", [("статей 7", "7"), ("11", "11")]),
        ("статьям 7 – 11", [("статьям 7", "7"), ("11", "11")]),
        ("статьями 7, 8 и 9", [("статьями 7", "7"), ("8", "8"), ("9", "9")]),
        ("в статьях 7 или 8", [("статьях 7", "7"), ("8", "8")]),
        ("статей с 7 по 11", [("статей с 7", "7"), ("11", "11")]),
        ("пункт 1 статьи 7", [("пункт 1 статьи 7", "7#para-1")]),
        ("пункта 1 статьи 7", [("пункта 1 статьи 7", "7#para-1")]),
        ("пункту 1 статьи 7", [("пункту 1 статьи 7", "7#para-1")]),
        ("пунктом 1 статьи 7", [("пунктом 1 статьи 7", "7#para-1")]),
        ("пункте 1 статьи 7", [("пункте 1 статьи 7", "7#para-1")]),
        ("пункты 1 и 2 статьи 7", [("пункты 1", "7#para-1"), ("2", "7#para-2")]),
        ("пунктов 1–3 настоящей статьи", [("пунктов 1", "99#para-1"), ("3", "99#para-3")]),
        ("пунктам 1 и 2", [("пунктам 1", "99#para-1"), ("2", "99#para-2")]),
        ("пунктами 1 и 2", [("пунктами 1", "99#para-1"), ("2", "99#para-2")]),
        ("пунктах 1 и 2", [("пунктах 1", "99#para-1"), ("2", "99#para-2")]),
        ("пункт 1 настоящей статьи", [("пункт 1 настоящей статьи", "99#para-1")]),
        ("подпункт b пункта 1", [("подпункт b пункта 1", "99#para-1-b")]),
        ("подпункт (b) пункта 1", [("подпункт (b) пункта 1", "99#para-1-b")]),
        ("подпункт b) пункта 1", [("подпункт b) пункта 1", "99#para-1-b")]),
        ("подпункт б пункта 1", [("подпункт б пункта 1", "99#para-1-b")]),
        ("подпункта б) пункта 1 статьи 7", [("подпункта б) пункта 1 статьи 7", "7#para-1-b")]),
        ("подпункту к пункта 1", [("подпункту к пункта 1", "99#para-1-j")]),
        ("подпунктом в пункта 1", [("подпунктом в пункта 1", "99#para-1-c")]),
        ("подпункте a) настоящего пункта", [("подпункте a) настоящего пункта", "99#para-5-a")]),
        ("подпункты а и б пункта 2", [("подпункты а", "99#para-2-a"), ("б", "99#para-2-b")]),
        ("в подпунктах а) и в) пункта 2", [("подпунктах а)", "99#para-2-a"), ("в)", "99#para-2-c")]),
        ("в пункте 2 б) ii) статьи 4", [("пункте 2 б) ii) статьи 4", "4#para-2-b-ii")]),
        ("со статьей 7 Государства-участники", [("статьей 7", "7")]),
    ],
    "zh": [
        ("第七条", [("第七条", "7")]),
        ("第7条", [("第7条", "7")]),
        ("第六十八条", [("第六十八条", "68")]),
        ("第七条至第十一条", [("第七条", "7"), ("第十一条", "11")]),
        ("第七条、第八条和第九条", [("第七条", "7"), ("第八条", "8"), ("第九条", "9")]),
        ("本条第1款", [("本条第1款", "99#para-1")]),
        ("第1款", [("第1款", "99#para-1")]),
        ("第一款", [("第一款", "99#para-1")]),
        ("第三十五条第1款", [("第三十五条第1款", "35#para-1")]),
        ("第1款(b)项", [("第1款(b)项", "99#para-1-b")]),
        ("第1款（b）项", [("第1款（b）项", "99#para-1-b")]),
        ("第三十五条第1款(b)项(ii)目", [("第三十五条第1款(b)项(ii)目", "35#para-1-b-ii")]),
        ("本款(a)项", [("本款(a)项", "99#para-5-a")]),
        ("(a)项所述", [("(a)项", "99#para-5-a")]),
        ("本条(a)项", [("本条(a)项", "99#para-a")]),
        ("第二条(a)项", [("第二条(a)项", "2#para-a")]),
        ("第2款(a)项和(c)项", [("第2款(a)项", "99#para-2-a"), ("(c)项", "99#para-2-c")]),
        ("本条第1款和第2款", [("本条第1款", "99#para-1"), ("第2款", "99#para-2")]),
        ("本公约第七条", [("第七条", "7")]),
    ],
    "ar": [
        ("المادة 7", [("المادة 7", "7")]),
        ("المادة ٧", [("المادة ٧", "7")]),
        ("وفقا للمادة 35 من هذه الاتفاقية", [("للمادة 35", "35")]),
        ("بالمادة 7", [("بالمادة 7", "7")]),
        ("والمادة 7", [("والمادة 7", "7")]),
        ("المواد من 7 إلى 11", [("المواد من 7", "7"), ("11", "11")]),
        ("المواد 7 إلى 11", [("المواد 7", "7"), ("11", "11")]),
        ("المادتين 7 و8", [("المادتين 7", "7"), ("8", "8")]),
        ("المواد ٧ و ٨ و٩", [("المواد ٧", "7"), ("٨", "8"), ("٩", "9")]),
        ("الفقرة 1 من هذه المادة", [("الفقرة 1 من هذه المادة", "99#para-1")]),
        ("الفقرة 1 من المادة 7", [("الفقرة 1 من المادة 7", "7#para-1")]),
        ("الفقرة الفرعية (ب) من الفقرة 1", [("الفقرة الفرعية (ب) من الفقرة 1", "99#para-1-b")]),
        ("الفقرة الفرعية (ب) من الفقرة 1 من المادة 7 من هذه الاتفاقية",
         [("الفقرة الفرعية (ب) من الفقرة 1 من المادة 7", "7#para-1-b")]),
        ("الفقرة الفرعية (هـ) من الفقرة 1", [("الفقرة الفرعية (هـ) من الفقرة 1", "99#para-1-e")]),
        ("الفقرة 2 (ب) (2) من المادة 4", [("الفقرة 2 (ب) (2) من المادة 4", "4#para-2-b-ii")]),
        ("الفقرة الفرعية (أ) من هذه الفقرة", [("الفقرة الفرعية (أ) من هذه الفقرة", "99#para-5-a")]),
        ("الفقرتين الفرعيتين (أ) و(ج) من الفقرة 2",
         [("الفقرتين الفرعيتين (أ)", "99#para-2-a"), ("(ج)", "99#para-2-c")]),
    ],
}


@pytest.mark.parametrize("lang, text, expected",
                         [(lang, text, expected) for lang, cases in CASES.items() for text, expected in cases])
def test_reference_forms(lang, text, expected):
    assert read(text, lang) == expected


NOT_LINKED = {
    "en": ["the present Convention", "this Convention", "this article", "the preceding paragraph",
           "within 7 to 11 days", "particle 7", "articles of association", "article 7.5",
           "subparagraph 1 of this article"],
    "fr": ["la présente Convention", "le présent article", "dans les 7 à 11 jours", "l'article a été",
           "l'alinéa 1"],
    "es": ["la presente Convención", "el presente artículo", "de 7 a 11 días", "el apartado 1"],
    "ru": ["настоящая Конвенция", "настоящей статьи", "в течение 7–11 дней", "пункт и"],
    "zh": ["本公约", "本条", "第一次", "第三方", "第二章"],
    "ar": ["هذه الاتفاقية", "هذه المادة", "خلال 7 إلى 11 يوما", "الفقرة الفرعية"],
}


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, texts in NOT_LINKED.items() for text in texts])
def test_what_is_not_a_reference(lang, text):
    assert find_references(text, lang) == []


OTHER_INSTRUMENTS = {
    "en": ["article 2 of the Charter of the United Nations", "article 2 of the Protocol",
           "article 5 of the Budapest Convention", "paragraph 3 of General Assembly resolution 79/243",
           "paragraph 1 of article 2 of the Charter", "articles 2 and 3 of the Protocol",
           "Article 27 and article 28 of the Charter", "article 5 of the Convention on the Rights of the Child"],
    "fr": ["l'article 2 de la Charte des Nations Unies", "l'article 2 du Protocole",
           "l'article 5 de la Convention de Budapest", "les articles 2 et 3 du Pacte"],
    "es": ["el artículo 2 de la Carta de las Naciones Unidas", "el artículo 2 del Protocolo",
           "el artículo 5 de la Convención sobre los Derechos del Niño"],
    "ru": ["статья 2 Устава Организации Объединенных Наций", "статьи 2 Протокола", "пункт 1 статьи 2 Устава",
           "статьи 5 Конвенции о правах ребенка"],
    "zh": ["《联合国宪章》第二条", "《联合国宪章》第二条和第三条", "议定书第二条", "《议定书》第一条第1款"],
    "ar": ["المادة 2 من ميثاق الأمم المتحدة", "المادة 2 من البروتوكول", "الفقرة 1 من المادة 2 من الميثاق",
           "المادة 5 من اتفاقية حقوق الطفل"],
}


@pytest.mark.parametrize("lang, text", [(lang, t) for lang, texts in OTHER_INSTRUMENTS.items() for t in texts])
def test_references_to_other_instruments_are_external(lang, text):
    refs = find_references(text, lang)
    assert refs and all(ref.external for ref in refs), [(r.text, r.external) for r in refs]


def test_a_list_then_another_instrument_keeps_this_conventions_references():
    assert read("articles 7 to 11 and article 2 of the Charter", "en") == [
        ("articles 7", "7"), ("11", "11"), ("article 2", "EXT")]


def test_the_anchor_and_target():
    ref = Reference(0, 1, "x", article=7, paragraph=2, subparagraph=2, item=1)
    assert ref.anchor == "para-2-b-i" and ref.target == "7#para-2-b-i"
    assert Reference(0, 1, "x", article=7).anchor is None and Reference(0, 1, "x", article=7).target == "7"
    assert Reference(0, 1, "x", paragraph=3).target is None  # this article: placed by in_context


def test_in_context():
    this_paragraph = find_references("subparagraph (b)", "en")[0]
    assert this_paragraph.anchor is None
    assert this_paragraph.in_context(7, 2).target == "7#para-2-b"
    assert this_paragraph.in_context(7, 0).target == "7#para-b"  # under no numbered paragraph
    assert this_paragraph.in_context(7, None) is None
    assert find_references("paragraph 2", "en")[0].in_context(None) is None  # outside an article


KNOWN = {"4", "4#para-1", "4#para-2", "4#para-2-b", "7"}  # article 7: a synopsis, no numbered paragraphs


@pytest.mark.parametrize("text, article, target, problem", [
    ("paragraph 2 (b) of article 4", 9, "4#para-2-b", None),
    ("article 7", 9, "7", None),
    ("paragraph 3 of article 7", 9, "7", None),  # the synopsis stands for its paragraphs
    ("article 12", 9, None, "'article 12' refers to article 12, which does not exist"),
    ("paragraph 9 of article 4", 9, None,
     "'paragraph 9 of article 4' refers to para-9 of article 4, which does not exist"),
    ("paragraph 9 of this article", 4, None,
     "'paragraph 9 of this article' refers to para-9 of this article, which does not exist"),
    ("paragraph 2 of this article", None, None, None),  # outside an article: left alone
])
def test_locate(text, article, target, problem):
    where = locate(find_references(text, "en")[0], KNOWN, article)
    assert (where.target, where.problem) == (target, problem)
    assert where.fix if problem else where.fix is None


def test_locate_without_known_targets_links_everything():
    assert locate(find_references("paragraph 9 of article 40", "en")[0], None).target == "40#para-9"


def test_the_linkable_text_keeps_offsets_and_hides_code_headings_and_links():
    body = ("# Article 1\n\nSee `article 2`, [article 3](x.md) and article 4.\n\n```\narticle 5\n```\n"
            "Article 6\n---\n\n    article 7, indented\n")
    masked = linkable_text(scan(body, "en"))
    assert len(masked) == len(body) and masked.count("\n") == body.count("\n")
    # As Python-Markdown reads it: the fence is a code span of the paragraph that "Article 6" ends
    # (a rule, not a heading, follows), and in treaty text an indented block is a paragraph.
    assert [r.text for r in find_references(masked, "en")] == ["article 4", "Article 6", "article 7"]


@pytest.fixture(scope="module")
def specimen_tree():
    tree, problems = load_tree(SPECIMEN / "docs", LANGS, SPECIMEN)
    assert not problems
    return tree


def test_every_language_has_a_grammar():
    assert sorted(defaults().load("references.yml")) == sorted(LANGS)
    assert all(grammar(lang) for lang in LANGS)


def test_the_specimen_has_no_dangling_reference(specimen_tree):
    assert check_references(specimen_tree) == []


def test_the_specimen_references_lead_to_the_same_places_in_every_language(specimen_tree):
    """The six texts are translations: their references point to the same anchors."""
    for key in specimen_tree["en"]:
        places = {}
        for lang in LANGS:
            document = specimen_tree[lang][key]
            article = document.number if document.kind == "article" else None
            places[lang] = Counter(
                "EXT" if found.ref.external else locate(found.ref, None, article, found.paragraph).target
                for found in document_references(document, lang))
        assert all(places[lang] == places["en"] for lang in LANGS), (key, places)


def test_specimen_references_cover_every_kind(specimen_tree):
    targets = {locate(found.ref, None, 6, found.paragraph).target
               for found in document_references(specimen_tree["ar"]["articles/6"], "ar")}
    assert {"3", "4#para-2-a", "5#para-2", "6#para-2-a", "6#para-1"} <= targets


def test_known_targets_come_from_the_skeletons(specimen_tree):
    known = known_targets(specimen_tree["zh"], "zh")
    assert {"2#para-a", "2#para-f", "4#para-2-b-ii", "8"} <= known
    # Article 8 has one unnumbered paragraph: the place of an unnumbered paragraph is a target.
    assert [target for target in known if target.startswith("8#")] == ["8#para-1"]
    assert known == known_targets(specimen_tree["ar"], "ar")


@pytest.fixture
def broken_tree(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(SPECIMEN / "docs", docs)
    return tmp_path, docs


BROKEN = {
    "en": ("articles/5.md", "subparagraph (b) of paragraph 2 of article 4",
           "subparagraph (d) of paragraph 2 of article 4"),
    "fr": ("articles/3.md", "paragraphe 3 du présent article", "paragraphe 4 du présent article"),
    "es": ("articles/6.md", "artículos 3, 4 y 5", "artículos 3, 4 y 15"),
    "ru": ("articles/2.md", "пунктом 1 статьи 4", "пунктом 7 статьи 4"),
    "zh": ("articles/4.md", "第2款(b)项(ii)目", "第2款(b)项(iv)目"),
    "ar": ("articles/6.md", "الفقرة ٢ من المادة ٥", "الفقرة ٩ من المادة ٥"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_dangling_reference_is_reported_with_file_and_line(broken_tree, lang):
    root, docs = broken_tree
    name, good, bad = BROKEN[lang]
    path = docs / lang / name
    text = path.read_text(encoding="utf-8")
    assert good in text
    path.write_text(text.replace(good, bad), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if bad in row)
    tree, _ = load_tree(docs, LANGS, root)
    findings = check_references(tree)
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.path, finding.line, finding.code) == (f"docs/{lang}/{name}", line, "dangling-reference")
    assert finding.fix and finding.message.startswith("'")


def test_references_in_code_or_to_other_instruments_are_not_checked(broken_tree):
    root, docs = broken_tree
    path = docs / "en" / "articles" / "7.md"
    added = "\n`article 77`, [article 78](x.md) and article 79 of the Protocol.\n"
    path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    tree, _ = load_tree(docs, LANGS, root)
    assert check_references(tree) == []
