"""The key facts of the home page, from the instrument file: each fact shown only when the file
gives it, in the page's language. Sentences are the catalogs' frames filled with the file's
values (place names, the depositary, who adopted the instrument) and Babel's dates and names."""

from __future__ import annotations

from babel.dates import format_date

from treaty.model.labels import ordinal, see_article
from treaty.model.messages import gettext


def facts(project, lang: str) -> list[dict]:
    """[{term, text, link, see}]: a definition list; `link` (an article) and `see` optional."""
    instrument, files = project.instrument, project.files
    locale = next(language.locale for language in project.languages if language.code == lang)

    def _(message, **params):
        return gettext(lang, message, files=files, **params)

    def date(value):
        return format_date(value, "long", locale=locale)

    def fact(term, text, article=None):
        return {"term": term, "text": text, "article": article,
                "see": see_article(lang, article, files=files) if article else None}

    out = []
    adopted = instrument.adopted
    if adopted.get("date"):
        by = adopted["by"].get(lang)
        text = _("%(date)s, %(by)s", date=date(adopted["date"]), by=by) if by else date(adopted["date"])
        out.append(fact(_("Adopted"), text))
    if instrument.signature:
        out.append(fact(_("Opened for signature"), _signature(instrument.signature, lang, locale, _, date)))
    entry = instrument.entry_into_force
    if entry:
        text = entry["text"].get(lang) or _(
            "On the %(days)s day after the deposit of the %(count)s instrument of ratification, "
            "acceptance, approval or accession",
            days=ordinal(lang, entry["days"], files), count=ordinal(lang, entry["instruments"], files))
        out.append(fact(_("Entry into force"), text, entry["article"]))
    names = [language.name_in(lang) for language in project.languages]
    out.append(fact(_("Authentic languages"), _(", ").join(names), instrument.authentic_languages_article))
    if instrument.depositary.get(lang):
        out.append(fact(_("Depositary"), instrument.depositary[lang]))
    return out


def _signature(signature: dict, lang: str, locale, _, date) -> str:
    place = signature["place"].get(lang)
    code = signature["country"]
    country = signature["country_names"].get(lang) or (locale.territories.get(code, code) if code else None)
    first = date(signature["first_day"])
    if place and country:
        first = _("%(date)s in %(place)s, %(country)s", date=first, place=place, country=country)
    elif place:
        first = _("%(date)s in %(place)s", date=first, place=place)
    later, until = signature["then_at"].get(lang), signature["until"]
    if later and until:
        return _("%(first)s; then %(later)s until %(until)s", first=first, later=later, until=date(until))
    if later:
        return _("%(first)s; then %(later)s", first=first, later=later)
    if until:
        return _("%(first)s, until %(until)s", first=first, until=date(until))
    return first
