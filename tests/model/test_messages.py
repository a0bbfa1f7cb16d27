"""The interface catalogs: every string translated in all six languages, placeholders kept."""

import re

import pytest
from babel.messages.pofile import read_po

from sitekit import LANGS, ROOT
from treaty.model.messages import gettext, kind_gettext, read_catalog
from treaty.project.files import package_folder

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def template_ids():
    with open(package_folder("locale") / "messages.pot", "rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


def test_the_template_is_not_empty():
    assert len(template_ids()) > 30


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_is_translated_with_its_placeholders(lang):
    catalog = read_catalog(lang)
    translated = {m.id: m.string for m in catalog if m.id and not m.fuzzy}
    for msgid in template_ids():
        assert translated.get(msgid), f"{lang}: {msgid!r} is not translated"
        assert set(PLACEHOLDER.findall(msgid)) == set(PLACEHOLDER.findall(translated[msgid])), (lang, msgid)


def test_catalogs_are_compiled_at_build_time():
    assert gettext("ar", "About this edition") == "حول هذه الطبعة"
    assert gettext("zh", "Article %(number)s", number="七") == "第七条"


def test_the_catalog_template_matches_the_strings_in_the_code(tmp_path, monkeypatch):
    """`make messages` would change nothing: no string is used without being in the catalogs."""
    from babel.messages.frontend import CommandLineInterface

    out = tmp_path / "messages.pot"
    monkeypatch.chdir(ROOT)
    CommandLineInterface().run(["pybabel", "extract", "-F", str(ROOT / "babel.cfg"), "-k", "gettext:2",
                                "-k", "_", "-k", "kind_gettext", "--no-location", "--sort-output",
                                "--ignore-dirs", ".* _*",
                                "-o", str(out), "."])
    with open(out, "rb") as handle:
        extracted = {m.id for m in read_po(handle) if m.id}
    assert extracted == template_ids()


@pytest.mark.parametrize("lang, kind, text", [
    ("en", "convention", "Nothing on this page is the authentic text of the Convention."),
    ("fr", "protocol", "Rien sur cette page n’est le texte authentique du Protocole."),
    ("ru", "declaration", "Ничто на этой странице не является аутентичным текстом Декларации."),
    ("zh", "treaty", "本页内容均非《条约》作准文本。"),
    ("es", "statute", "Nada de lo que figura en esta página es el texto auténtico del instrumento."),
    ("ar", "agreement", "لا شيء في هذه الصفحة يُعدّ نصاً ذا حجية للاتفاق."),
])
def test_notices_are_worded_by_the_instruments_kind(lang, kind, text):
    """A kind the catalog has a variant for gets it; any other kind the generic wording."""
    assert kind_gettext(lang, kind, "Nothing on this page is the authentic text of the instrument.") == text
