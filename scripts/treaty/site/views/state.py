"""What the edition is today, said by the site itself from the content's status (never written
into a page): no official text yet, some languages or articles official, or all of it. Shown on
the home, about and status pages, in the same words in every language."""

from __future__ import annotations

from treaty.model.content import TREATY_KINDS
from treaty.model.messages import gettext


def edition_state(project, tree: dict, lang: str) -> list[str]:
    files = project.files

    def _(message, **params):
        return gettext(lang, message, files=files, **params)

    def treaty_documents(code):
        return [d for d in tree.get(code, {}).values() if d.kind in TREATY_KINDS]

    mine = treaty_documents(lang)
    official = [d for d in mine if d.status == "official"]
    articles = [d for d in mine if d.kind == "article"]
    done = [code for code in project.language_codes
            if treaty_documents(code) and all(d.status == "official" for d in treaty_documents(code))]
    if not any(d.status == "official" for code in project.language_codes for d in treaty_documents(code)):
        provisional = any(d.status == "provisional" for d in mine if d.kind != "chapter")
        return [_("No official text has been imported yet: the pages of the text show synopses and provisional "
                  "texts written for this edition, which are not the authentic text and have no legal force.")
                if provisional else
                _("No official text has been imported yet: the pages of the text show synopses written for this "
                  "edition, which are not the authentic text and have no legal force."),
                _("Once the official documents are imported, these pages will show the authentic text.")]
    sentences = []
    if len(official) == len(mine):
        sentences.append(_("In this language, every page of the text is the authentic text, imported from the "
                           "official documents."))
    else:
        sentences.append(_("In this language, %(official)s of the %(total)s articles are the authentic text, "
                           "imported from the official documents; the other pages show synopses or provisional "
                           "texts written for this edition, which have no legal force.",
                           official=sum(d.status == "official" for d in articles), total=len(articles)))
    if len(done) < len(project.language_codes):
        names = [language.name_in(lang) for language in project.languages if language.code in done]
        if names:
            sentences.append(_("The authentic text has been imported in full in: %(languages)s.",
                               languages=_(", ").join(names)))
        sentences.append(_("Once the official documents of every language are imported, every page will show "
                           "the authentic text."))
    return sentences
