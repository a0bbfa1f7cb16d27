"""Each language's typography (treaty.model.typography, data/typography.yml), applied by the build."""

import pytest

import markdown
from treaty.model.typography import apply, fights

NNBSP = "\u202f"


@pytest.mark.parametrize("text, expected", [
    ("l'article 7 : les États", f"l’article 7{NNBSP}: les États"),
    ("Quoi ? Oui ! Ainsi ; donc", f"Quoi{NNBSP}? Oui{NNBSP}! Ainsi{NNBSP}; donc"),
    ("« le présent article »", f"«{NNBSP}le présent article{NNBSP}»"),
    ("texte:", f"texte{NNBSP}:"),
    ("voir https://www.un.org/fr et 10:30", "voir https://www.un.org/fr et 10:30"),
])
def test_french_spaces_and_apostrophes(text, expected):
    assert apply(text, "fr") == expected
    assert apply(expected, "fr") == expected  # applied twice, the same


@pytest.mark.parametrize("text, expected", [
    ("(见第六十五条)", "（见第六十五条）"),
    ("第2款(b)项", "第2款(b)项"),  # an enumerator stays as the text writes it
    ("本条规定,各缔约国应;其次:是否?", "本条规定，各缔约国应；其次：是否？"),
])
def test_chinese_full_width_punctuation(text, expected):
    assert apply(text, "zh") == expected


def test_the_check_names_what_fights_the_rules_only_where_they_say_so():
    assert [(written, shown) for _, written, shown in fights("规定,如下", "zh")] == [(",", "，")]
    assert list(fights("l'article : x", "fr")) == []  # French rules are presentation: no warning
    assert apply("l'article", "en") == "l'article"


def test_the_extension_leaves_code_and_addresses_alone():
    html = markdown.markdown("L'article `l'x : y` et [https://un.org](https://un.org) : fin.",
                             extensions=["treaty.markdown.typography"],
                             extension_configs={"treaty.markdown.typography": {"lang": "fr"}})
    assert html == (f"<p>L’article <code>l'x : y</code> et <a href=\"https://un.org\">https://un.org</a>"
                    f"{NNBSP}: fin.</p>")
