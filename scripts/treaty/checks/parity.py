"""The six languages line up: same documents, same chapters, same paragraph skeleton."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from treaty.findings import Finding
from treaty.model.blocks import scan
from treaty.model.content import TREATY_KINDS, ContentError, Document, language_files, read_document
from treaty.model.outline import Outline
from treaty.project.files import DataFiles


def expected_keys(outline: Outline) -> set[str]:
    keys = {"index", "about"} | ({"preamble"} if outline.preamble else set())
    keys |= {f"chapters/{chapter.number}" for chapter in outline.chapters}
    keys |= {f"articles/{number}" for number in outline.articles}
    return keys


def load_tree(docs_dir: Path, languages: list[str], root: Path) -> tuple[dict, list[Finding]]:
    """Every language's documents by key, and the files that could not be read."""
    tree: dict[str, dict[str, Document]] = {lang: {} for lang in languages}
    findings = []
    for lang in languages:
        for path in language_files(docs_dir, lang):
            try:
                document = read_document(path, docs_dir, root)
            except ContentError as error:
                findings.append(error.finding)
                continue
            tree[lang][document.key] = document
    return tree, findings


def _rel(docs_dir: Path, root: Path, lang: str, key: str) -> str:
    path = docs_dir / lang / f"{key}.md"
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def missing_and_extra(tree: dict, outline: Outline, docs_dir: Path, root: Path) -> list[Finding]:
    findings = []
    expected = expected_keys(outline)
    present = set().union(*(set(docs) for docs in tree.values()))
    for key in sorted(expected | present):
        have = [lang for lang, docs in tree.items() if key in docs]
        for lang, docs in tree.items():
            if key in docs:
                if key.startswith(("articles/", "chapters/")) and key not in expected:
                    findings.append(Finding(docs[key].rel, 1, 1, "unknown-number",
                        f"{key.replace('s/', ' ')} is not in the outline of the instrument",
                        "check the file name against the outline (data/instrument.yml names it), or remove the file"))
                continue
            where = f"it exists in {', '.join(have)}" if have else "the outline requires it"
            fix = (f"create docs/{lang}/{key}.md with the same front matter keys as the other languages" if have
                   else f"import the official document of '{lang}' (treaty import --lang {lang} DOCUMENT), "
                        f"or write docs/{lang}/{key}.md")
            findings.append(Finding(_rel(docs_dir, root, lang, key), 1, 1, "missing-file",
                f"{key} is missing in '{lang}' ({where}); a page is never shown in another language instead", fix))
    return findings


def numbers_and_chapters(tree: dict, outline: Outline) -> list[Finding]:
    findings = []
    for docs in tree.values():
        for document in docs.values():
            if document.kind not in ("article", "chapter"):
                continue
            declared = document.meta.get(document.kind)
            if declared != document.number:
                findings.append(Finding(document.rel, document.line_of(document.kind), 1, "number-mismatch",
                    f"front matter says {document.kind} {declared!r} but the file is {document.kind} {document.number}",
                    f"set '{document.kind}: {document.number}' or rename the file"))
            if document.kind == "article":
                chapter = outline.chapter_of(document.number)
                if chapter and document.meta.get("chapter") != chapter.number:
                    findings.append(Finding(document.rel, document.line_of("chapter"), 1, "wrong-chapter",
                        f"article {document.number} belongs to chapter {chapter.number}, "
                        f"not {document.meta.get('chapter')!r}",
                        f"set 'chapter: {chapter.number}'"))
    return findings


def skeletons(tree: dict, reference: str, files: DataFiles | None = None) -> list[Finding]:
    """Enumerators in order, no duplicates, and the same anchors (numbered and unnumbered
    paragraphs alike) as the reference language."""
    findings = []
    marks_of: dict[str, dict] = {}
    for lang, docs in tree.items():
        for key, document in docs.items():
            if document.kind not in TREATY_KINDS:
                continue
            marks = scan(document.body, lang, first_line=document.body_line, files=files).skeleton()
            marks_of.setdefault(key, {})[lang] = (document, marks)
            counts = Counter(mark.anchor for mark in marks)
            for mark in marks:
                if counts[mark.anchor] > 1:
                    findings.append(Finding(document.rel, mark.line, 1, "duplicate-number",
                        f"{mark.token} appears more than once ({mark.anchor})",
                        "renumber the paragraphs as in the official text"))
                elif mark.problem:
                    findings.append(Finding(document.rel, mark.line, 1, "enumerator-order",
                        f"{mark.token} {mark.problem}", "number the paragraphs in sequence as in the official text"))
    for key, by_lang in marks_of.items():
        base_lang = reference if reference in by_lang else sorted(by_lang)[0]
        base = [mark.anchor for mark in by_lang[base_lang][1]]
        for lang, (document, marks) in by_lang.items():
            anchors = [mark.anchor for mark in marks]
            if lang == base_lang or anchors == base:
                continue
            extra = [m for m in marks if m.anchor not in base]
            missing = [a for a in base if a not in anchors]
            if extra and not extra[0].token:
                line, what = (extra[0].line,
                              f"has an unnumbered paragraph ({extra[0].anchor}) that '{base_lang}' does not")
            elif extra:
                line, what = extra[0].line, f"has {extra[0].token} ({extra[0].anchor}), which '{base_lang}' does not"
            elif missing:
                line, what = document.body_line, f"lacks {missing[0]}, which '{base_lang}' has"
            else:
                line, what = document.body_line, f"orders its paragraphs differently from '{base_lang}'"
            findings.append(Finding(document.rel, line, 1, "skeleton",
                f"paragraph structure differs from the '{base_lang}' text: it {what}",
                f"give {key} the same paragraphs (numbered or not) and subparagraphs in every language, "
                "so that they can be read side by side"))
    return findings
