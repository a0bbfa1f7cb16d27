"""What each page says about itself: its title, description, Open Graph and schema.org data, from
the content and the instrument file (a fixture instrument gets its own names)."""

from __future__ import annotations

import json
import re

from sitekit import LANGS, convention

TITLE = re.compile(r"<title>([^<]*)</title>")
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def head(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_titles_name_the_page_then_the_instrument_once(site):
    project = convention()
    for lang in LANGS:
        name = project.instrument.short_name(lang)
        home = TITLE.search(head(site, lang)).group(1)
        assert home == name
        article = TITLE.search(head(site, f"{lang}/articles/7")).group(1)
        assert article.count(name) == 1 and article.endswith(" — " + name)
        assert len(article.split(" — ")) == 3
    assert TITLE.search(head(site, "en/articles/7")).group(1) == \
        "Article 7 — Illegal access — United Nations Convention against Cybercrime"


def test_description_open_graph_and_legislation_data(site):
    html = head(site, "fr/articles/7")
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert description.startswith("Le présent article") and len(description) <= 161
    assert '<meta property="og:title" content="Article 7 — Accès illégal' in html
    assert '<meta property="og:locale" content="fr_FR">' in html
    data = json.loads(LD.search(html).group(1))
    assert data["@type"] == "Legislation" and data["inLanguage"] == "fr"
    assert data["legislationIdentifier"] == "A/RES/79/243, Article 7"
    assert data["isPartOf"]["url"].endswith("/fr/")
    assert sorted(work["inLanguage"] for work in data["workExample"]) == ["ar", "en", "es", "ru", "zh"]
    # A synopsis has no legal force to state.
    assert data["creativeWorkStatus"] == "synopsis" and "legislationLegalForce" not in data


def test_the_interface_is_in_the_page_language(site):
    for lang in ("fr", "zh", "ar"):
        html = head(site, f"{lang}/articles/7")
        assert "Made with" not in html
        assert "404 - Not found" not in (site / lang / "404.html").read_text(encoding="utf-8")
