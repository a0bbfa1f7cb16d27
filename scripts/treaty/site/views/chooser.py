"""The root page: the instrument's languages, each named in itself, with the instrument's name."""

from __future__ import annotations

from treaty.model.messages import gettext


def chooser(project) -> list[dict]:
    instrument = project.instrument
    return [{"code": language.code, "name": language.autonym, "dir": language.dir,
             "title": instrument.name(language.code),
             "action": gettext(language.code, "Read in this language", files=project.files),
             "url": f"{language.code}/"} for language in project.languages]
