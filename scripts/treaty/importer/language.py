"""Is the document in the language it is imported as? Its script, and for languages sharing a
script, its common words (data/import-headings.yml, `function_words`)."""

from __future__ import annotations

import re
from collections import Counter

from treaty.checks.hygiene import script_table
from treaty.checks.rules import check_rules
from treaty.importer.errors import ImportFailure
from treaty.importer.headings import headings_data
from treaty.model.languages import get_language

TOKEN = re.compile(r"[^\W\d_]+")


def scripts(text: str) -> Counter:
    """How many letters of each script (data/checks.yml, `scripts`) the text has."""
    table = script_table(check_rules())
    return Counter(s for s in map(table.of, text) if s)


def word_scores(text: str, words: dict[str, set[str]]) -> Counter:
    tokens = Counter(t.lower() for t in TOKEN.findall(text))
    return Counter({lang: sum(tokens[w] for w in vocabulary) for lang, vocabulary in words.items()})


def check_language(text: str, lang: str, headings_file, where: str, declared: str | None = None) -> list[str]:
    """Raise if `text` is plainly not in `lang`; return warnings for weaker signs."""
    warnings = []
    expected = get_language(lang).script
    counts = scripts(text)
    letters = sum(counts.values())
    if letters:
        dominant = counts.most_common(1)[0][0]
        if dominant != expected and counts[expected] < 0.3 * letters:
            name = script_table(check_rules()).name
            raise ImportFailure(
                f"this document is written in {name(dominant)} script, "
                f"not in the script of '{lang}' ({name(expected)})", where,
                "check --lang (the file looks like another language's document) or the file name")
    data = headings_data(headings_file)["languages"]
    same_script = {code: {str(w).lower() for w in spec.get("function_words") or []}
                   for code, spec in data.items() if _script(code) == expected}
    if len(same_script) > 1 and lang in same_script:
        scores = word_scores(text, same_script)
        best, score = scores.most_common(1)[0]
        if best != lang and score > 2 * max(scores[lang], 1) and score >= 20:
            raise ImportFailure(
                f"this document reads as '{best}', not '{lang}' (common words: {score} of '{best}', "
                f"{scores[lang]} of '{lang}')", where,
                f"give --lang {best} if that is its language, or the '{lang}' document")
    if declared and declared != lang:
        warnings.append(f"{where}: the document declares its language as '{declared}', imported as '{lang}'")
    return warnings


def _script(code: str) -> str | None:
    try:
        return get_language(code).script
    except KeyError:
        return None
