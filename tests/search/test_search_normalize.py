"""Search normalization, language by language (treaty.search.normalize and .query)."""

import pytest

from treaty.search.normalize import (
    article_reference,
    bigrams,
    fold,
    han_query_terms,
    han_terms,
    normalize,
    rules_for,
    words,
)
from treaty.search.query import plan

# -- Arabic -------------------------------------------------------------------------------

def test_arabic_drops_tashkeel_and_tatweel():
    assert normalize("الدُّخُولُ غَيْرُ المَشْرُوعِ", "ar") == "الدخول غير المشروع"
    assert normalize("الجـــرائم", "ar") == normalize("الجرائم", "ar") == "الجرايم"
    assert normalize("مُتَّصِلٌ", "ar") == "متصل"


@pytest.mark.parametrize("written, plain", [
    ("إساءة", "اساءه"),          # alef with hamza below, taa marbuta
    ("الأجهزة", "الاجهزه"),        # alef with hamza above
    ("آخر", "اخر"),              # alef madda
    ("ٱلاتفاقية", "الاتفاقيه"),     # alef wasla
    ("مسؤولية", "مسووليه"),       # waw with hamza
    ("جزائي", "جزايي"),           # yaa with hamza
    ("إلى", "الي"),               # alef maqsura
])
def test_arabic_alef_hamza_taa_marbuta_and_alef_maqsura_forms_meet(written, plain):
    assert normalize(written, "ar") == plain


def test_arabic_query_without_vowels_matches_vowelled_text():
    assert words("الدُّخُولُ غَيْرُ المَشْرُوعِ", "ar") == words("الدخول غير المشروع", "ar")
    assert words("التدابير الوقائيه", "ar") == words("التدابير الوقائية", "ar")


def test_arabic_indic_digits_are_western_digits():
    assert normalize("المادة ٣٦", "ar") == "الماده 36"


# -- Russian ------------------------------------------------------------------------------

def test_russian_yo_is_ye_and_case_is_ignored():
    assert normalize("Ещё учёт ЁМКОСТИ", "ru") == "еще учет емкости"


def test_russian_keeps_short_i():
    assert normalize("Незаконный", "ru") == "незаконный"


# -- French, Spanish, English ----------------------------------------------------------------

def test_french_accents_are_optional():
    assert words("Accès illégal, données, témoins, dépositaire", "fr") == \
        words("acces illegal, donnees, temoins, depositaire", "fr")
    assert normalize("Ça", "fr") == "ca"


@pytest.mark.parametrize("text, expected", [
    ("l'entraide judiciaire", ["entraide", "judiciaire"]),
    ("L’État partie", ["etat", "partie"]),
    ("d'ériger, qu'il, jusqu'à, lorsqu'un", ["eriger", "il", "a", "un"]),
    ("aujourd'hui", ["aujourd", "hui"]),  # not an elision: the d' is inside a word
])
def test_french_elisions_are_dropped(text, expected):
    assert words(text, "fr") == expected


def test_spanish_accents_are_optional_but_enye_stays():
    assert normalize("Interceptación ilícita, imágenes íntimas", "es") == \
        "interceptacion ilicita, imagenes intimas"
    assert normalize("Año, niños, NIÑOS", "es") == "año, niños, niños"
    assert fold("año acción", "ñ") == "año accion"


def test_english_is_lower_cased_and_folded():
    assert words("Depositary's Rôle", "en") == ["depositary", "s", "role"]


def test_full_width_forms_become_ordinary():
    assert normalize("第６８条", "zh") == "第68条"
    assert normalize("ＡＲＴ． ７", "en") == "art. 7"


# -- Article references ---------------------------------------------------------------------

@pytest.mark.parametrize("lang, query, number", [
    ("en", "article 7", 7), ("en", "Art. 7", 7), ("en", "art 36", 36), ("en", "ARTICLE 68", 68),
    ("fr", "article 7", 7), ("fr", "Art. 36", 36), ("fr", "article premier", 1), ("fr", "art. 1er", 1),
    ("es", "Artículo 7", 7), ("es", "articulo 7", 7), ("es", "art. 36", 36),
    ("ru", "статья 7", 7), ("ru", "Статьи 36", 36), ("ru", "ст. 68", 68), ("ru", "статье 12", 12),
    ("zh", "第七条", 7), ("zh", "第7条", 7), ("zh", "第三十六条", 36), ("zh", "第６８条", 68),
    ("zh", "第六十八条", 68),
    ("ar", "المادة 7", 7), ("ar", "المادة ٧", 7), ("ar", "مادة 36", 36), ("ar", "الْمَادَّةُ ٦٨", 68),
])
def test_article_references_in_each_language(lang, query, number):
    assert article_reference(query, lang) == (number, "")


def test_the_rest_of_a_query_with_an_article_reference_is_kept():
    assert article_reference("art. 7 accès", "fr") == (7, "acces")
    assert article_reference("第七条 访问", "zh") == (7, "访问")


@pytest.mark.parametrize("lang, query", [
    ("en", "part 7"), ("en", "articles"), ("en", "7"), ("fr", "partie 7"), ("es", "cartículo 7"),
    ("zh", "七条"), ("ar", "المواد"),
])
def test_no_article_reference_where_there_is_none(lang, query):
    assert article_reference(query, lang)[0] is None


def test_another_language_pattern_is_not_read_as_an_article():
    assert article_reference("статья 7", "en")[0] is None
    assert article_reference("article 7", "zh")[0] is None


# -- Query plans ------------------------------------------------------------------------------

def test_plan_of_a_plain_query_is_its_words():
    assert plan("Accès illégal", "fr").as_json() == {"article": None, "terms": ["acces", "illegal"],
                                                       "words": []}


def test_plan_of_an_article_number_alone_searches_nothing_else():
    assert plan("article 7", "en").as_json() == {"article": 7, "terms": [], "words": []}
    assert plan("art. 7 accès", "fr").terms == ["acces"]


def test_chinese_index_terms_start_at_every_character():
    assert bigrams("非法访问") == ["非法", "法访", "访问"]
    assert bigrams("法") == ["法"]
    assert han_terms("非法访问") == ["非法", "法访", "访问", "问"]
    assert han_terms("法") == ["法"]


def test_plan_of_a_chinese_query_cuts_it_as_jieba_and_asks_for_the_fewest_pairs():
    from treaty.search.chinese import Dictionary

    dictionary = Dictionary.for_runs(["非法访问计算机系统"])
    result = plan("非法访问计算机系统", "zh", dictionary)
    assert result.words == ["非法", "访问", "计算机系统"]
    # A longer word as its pairs side by side, and its last pair when its length is odd.
    assert result.terms == ["非法", "访问", "计算", "机系", "系统"]


@pytest.mark.parametrize("segments, terms", [
    (["非法", "访问"], ["非法", "访问"]),
    (["计算机"], ["计算", "算机"]),
    (["预防措施"], ["预防", "措施"]),
    (["保存", "人"], ["保存", "存人"]),  # a one-character word: paired with the one before it
    (["的", "系统"], ["的系", "系统"]),  # at the start: with the one after it
    (["法", "访"], ["法访"]),
    (["法"], ["法"]),  # a run of one character: asked as it is
    ([], []),
])
def test_chinese_query_terms_are_pairs_that_touch_every_character(segments, terms):
    assert han_query_terms(segments) == terms
    run = "".join(segments)
    if len(run) > 1:  # every term is a pair of the run: a page that holds the run holds them all
        assert set(terms) <= set(bigrams(run))
        assert {i for term in terms for i in (run.index(term), run.index(term) + 1)} == set(range(len(run)))


def test_every_language_has_rules():
    for lang in ["ar", "zh", "en", "fr", "ru", "es"]:
        assert rules_for(lang).article, lang
        assert rules_for(lang).stemmer, lang


def test_folding_is_that_of_each_character_alone_whatever_the_marks_and_kept_letters():
    # The definition: each character decomposed on its own, its accents dropped, the whole
    # recomposed. Marks of other scripts (Arabic), a mark that is not a letter's (U+034F), kept
    # letters next to marks, letters decomposed already, on many random strings.
    import random
    import unicodedata

    from treaty.search.normalize import MARK

    def by_character(text, keep):
        return unicodedata.normalize("NFC", "".join(
            char if char in keep else MARK.sub("", unicodedata.normalize("NFD", char)) for char in text))

    alphabet = [*"aeinoñÑçéüÜ ʼ'-]^\\한ﬁ①", *map(chr, range(0x300, 0x370)), *map(chr, range(0x64B, 0x653)),
                "\u034f", "n\u0303"]
    rng = random.Random(1)
    for keep in ("", "ñÑ", "]^\\-"):
        for _ in range(20000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
            assert fold(text, keep) == by_character(text, keep), (text, keep)
