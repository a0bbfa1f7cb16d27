"""Defined terms: marked once per paragraph, in every form, with an accessible preview."""

import pytest
import yaml

import markdown

TERMS = {
    "defined_in_article": 2,
    "concepts": {
        "electronic_data": {
            "en": {"term": "electronic data", "forms": ["electronic data"], "gloss": "Data in digital form."},
            "ru": {"term": "электронные данные",
                   "forms": ["электронные данные", "электронных данных", "электронным данным",
                             "электронными данными"], "gloss": "Данные в цифровой форме."},
            "zh": {"term": "电子数据", "forms": ["电子数据"], "gloss": "数字形式的数据。"},
            "fr": {"term": "données électroniques", "forms": ["données électroniques"], "gloss": "Données."},
        },
        "service_provider": {
            "en": {"term": "service provider", "forms": ["service providers"], "gloss": "A provider."},
            "ar": {"term": "مقدم الخدمة", "forms": ["مقدمي الخدمات", "مقدم الخدمة"], "gloss": "جهة تقدم خدمة."},
        },
    },
}


@pytest.fixture
def terms_file(tmp_path):
    path = tmp_path / "terminology.yml"
    path.write_text(yaml.safe_dump(TERMS, allow_unicode=True), encoding="utf-8")
    return str(path)


def convert(text, lang, terms_file, **config):
    settings = {"lang": lang, "terms_file": terms_file, "definition_url": "../2/",
                "preview_label": "Explanation:", **config}
    return markdown.markdown(text, extensions=["treaty.markdown.terms"],
                             extension_configs={"treaty.markdown.terms": settings})


def test_first_occurrence_per_paragraph_only(terms_file):
    html = convert("Electronic data and electronic data.\n\nAgain electronic data.", "en", terms_file)
    assert html.count('class="treaty-term"') == 2
    assert ('<a aria-describedby="term-1" class="treaty-term" data-term="electronic_data" href="../2/">'
            'Electronic data</a>') in html


def test_the_preview_is_the_links_description(terms_file):
    html = convert("Service providers must act.", "en", terms_file)
    assert 'aria-describedby="term-1"' in html
    assert ('<span class="treaty-term__preview" id="term-1" role="tooltip">'
            '<span class="treaty-term__label">Explanation:</span> A provider.</span>') in html


@pytest.mark.parametrize("text, surface", [
    ("Доступ к электронным данным ограничен.", "электронным данным"),
    ("Сохранение электронных данных.", "электронных данных"),
])
def test_russian_case_forms(terms_file, text, surface):
    assert f">{surface}</a>" in convert(text, "ru", terms_file)


def test_chinese_terms_need_no_spaces(terms_file):
    assert ">电子数据</a>" in convert("保全存储的电子数据。", "zh", terms_file)


def test_arabic_plural_form(terms_file):
    assert ">مقدمي الخدمات</a>" in convert("يلتزم مقدمي الخدمات بذلك.", "ar", terms_file)


@pytest.mark.parametrize("text", [
    "# Electronic data", "`electronic data`", "[electronic data](x.md)", "nonelectronic data",
])
def test_not_marked_in_headings_code_links_or_inside_words(terms_file, text):
    assert "treaty-term" not in convert(text, "en", terms_file)


def test_off_where_disabled(terms_file):
    assert "treaty-term" not in convert("Electronic data.", "en", terms_file, enabled=False)


def test_a_language_without_terms_is_left_alone(terms_file):
    assert convert("Datos electrónicos.", "es", terms_file) == "<p>Datos electrónicos.</p>"
