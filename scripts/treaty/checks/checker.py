"""`treaty check`: every check of the content tree in one pass, never stopping at the first problem.

    files         sources.py     files that cannot be read as text, files and folders out of place
    hygiene       hygiene.py     invisible and control characters, NFC, scripts, tabs, trailing spaces
    front matter  frontmatter.py keys, types and values per kind of file, official titles
    catalogs      catalogs.py    interface translations: text only, the placeholders of their message
    parity        parity.py      the languages line up: same documents, chapters, paragraph skeleton
    markup        markup.py      no raw HTML, scripts, event handlers, unsafe or external addresses
    references    references.py  references to articles and paragraphs that do not exist
    terminology   terminology.py terms written in a form the terminology marks as avoided
    typography    typography.py  text written against its language's typography (warnings)
    consistency   consistency.py the numbers each language mentions differ from the reference's
    lock          model/lock.py  the text of official articles is the text recorded in the lock

Each check of each file runs on its own: one that fails on a file the checker cannot handle
becomes a `check-failed` finding for that file, never an exception. Plain Python: no MkDocs.
"""

from __future__ import annotations

import functools
import os
import reprlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from treaty.checks import consistency, frontmatter, hygiene, markup, parity, sources, terminology, typography
from treaty.checks.catalogs import check_catalogs
from treaty.checks.parallel import map_by_language
from treaty.checks.references import check_references
from treaty.checks.rules import check_rules
from treaty.findings import ERROR, Finding
from treaty.model import policy
from treaty.model.content import ContentError, Document, classify, split_front_matter
from treaty.model.languages import get_language
from treaty.model.lock import check_lock

# Findings about one document that concern the same document in the other languages.
TREE_CODES = {"missing-file", "skeleton", "unknown-number"}


@dataclass
class CheckResult:
    findings: list[Finding]
    tree: dict  # language -> key -> Document, for the files that could be read
    chooser: Document | None = None
    failed: set = field(default_factory=set)  # paths of files that could not be read

    def by_path(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            out[finding.path].append(finding)
        return out


def failure(stage: str, rel: str, error: Exception) -> Finding:
    return Finding(rel, 1, 1, "check-failed", f"the {stage} check could not read this file "
                   f"({type(error).__name__}: {reprlib.repr(str(error))})",
                   "simplify what is unusual in the file; if it looks right, report this message")


def guarded(stage: str, rel: str, run) -> list[Finding]:
    """The findings of `run()`, or one finding saying that this check could not be made."""
    try:
        return list(run())
    except Exception as error:  # a check must never stop the others, nor show a traceback
        return [failure(stage, rel, error)]


def _document(source: sources.Source, text: str, docs_dir: Path) -> Document:
    relative = source.path.relative_to(docs_dir).as_posix()
    lang, _, inner = relative.partition("/") if source.lang else ("", "", relative)
    kind, number = classify(inner)
    try:
        meta, lines, body, body_line = split_front_matter(text.removeprefix("\ufeff"), source.rel)
    except RecursionError:
        raise ContentError(Finding(source.rel, 2, 1, "front-matter-syntax", "the front matter is nested too deeply",
                                   "write each key as 'key: value' on its own line")) from None
    return Document(source.path, source.rel, lang, kind, number, meta, body, body_line, lines, inner)


def check_tree(project, *, references: bool = True, rules: dict | None = None, jobs: int = 1) -> CheckResult:
    """Every check of the project's content tree. `references=False` leaves out references (the
    MkDocs build reports them itself while rendering, as warnings that stop a strict build).
    `jobs`: the files are checked in that many processes (treaty.checks.parallel)."""
    docs_dir, root, files = project.docs, project.root, project.files
    languages = project.language_codes
    rules = rules or check_rules(files)
    markup_rules = policy.markup_rules(files)
    findings: list[Finding] = []
    tree: dict[str, dict[str, Document]] = {lang: {} for lang in languages}
    chooser, failed = None, set()
    if not docs_dir.is_dir():
        shown = sources.shown(docs_dir, root)
        return CheckResult([Finding(shown, 1, 1, "missing-file", "the content folder does not exist",
                                    "run the command from the project, or give the docs/ folder")], tree)
    found, problems = sources.scan(docs_dir, languages, root)
    findings += problems
    checked = map_by_language(functools.partial(check_source, project, rules=rules, markup_rules=markup_rules),
                              found, language=lambda source: source.lang, jobs=jobs)
    for source, (document, problems) in zip(found, checked):
        findings += problems
        if document is None:
            failed.add(source.rel)
        elif source.lang is None:
            chooser = document
        else:
            tree[source.lang][document.key] = document
    docs_rel = sources.shown(docs_dir, root)
    if not any(source.lang is None for source in found):
        findings.append(Finding(f"{docs_rel}/index.md", 1, 1, "missing-file",
                                "the language chooser docs/index.md is missing",
                                "restore docs/index.md from the main branch"))
    findings += tree_checks(project, tree, tree, references, jobs)
    findings += guarded("catalogs", docs_rel, lambda: check_catalogs(project))
    # A file that could not be read is reported once, not again as missing.
    findings = [f for f in findings if not (f.code == "missing-file" and f.path in failed)]
    return CheckResult(cap(findings, rules.get("max_findings_per_code", 10)), tree, chooser, failed)


def check_source(project, source: sources.Source, rules: dict,
                 markup_rules: dict) -> tuple[Document | None, list[Finding]]:
    """The checks of one content file on its own: its document (None when it cannot be read).
    `markup_rules`: treaty.model.policy.markup_rules of the project, made once per tree."""
    files, outline, reference = project.files, project.outline, project.reference_language
    text, findings = sources.read_text(source, rules.get("max_file_bytes", 262144))
    if text is None:
        return None, findings
    findings += guarded("text", source.rel, lambda: hygiene.check_text(text, source.rel, rules))
    findings += guarded("front matter", source.rel, lambda: frontmatter.duplicate_keys(text, source.rel))
    try:
        document = _document(source, text, project.docs)
    except ContentError as error:
        return None, findings + [error.finding]
    except Exception as error:
        return None, findings + [failure("front matter", source.rel, error)]
    findings += guarded("front matter", source.rel, lambda: frontmatter.check_front_matter(
        document, outline, reference, chooser=source.lang is None, schema=frontmatter.front_matter_schema(files)))
    findings += guarded("markup", source.rel, lambda: markup.check_markup(
        document.body, document.rel, document.body_line, markup_rules))
    if source.lang:
        findings += guarded("terminology", source.rel, lambda: terminology.check_terms(
            document, source.lang, project.terminology_file))
        findings += guarded("typography", source.rel, lambda: typography.check_typography(
            document, source.lang, files))
        script = get_language(source.lang, files).script
        findings += guarded("script", source.rel, lambda: hygiene.check_script(
            document, script, source.lang, rules, files))
    return document, findings


def tree_checks(project, tree: dict, part: dict, references: bool = False, jobs: int = 1) -> list[Finding]:
    """The checks across languages, of the documents of `part` (the whole `tree`, or the documents
    of some keys in every language): parity, references, the authentic-text lock."""
    docs_dir, root, files = project.docs, project.root, project.files
    docs_rel = sources.shown(docs_dir, root)
    lock_file = project.lock_file
    findings = []
    findings += guarded("parity", docs_rel, lambda: parity.missing_and_extra(tree, project.outline, docs_dir, root))
    findings += guarded("parity", docs_rel, lambda: parity.numbers_and_chapters(part, project.outline))
    findings += guarded("parity", docs_rel, lambda: parity.skeletons(part, project.reference_language, files))
    if references:
        findings += guarded("references", docs_rel, lambda: check_references(part, files, project.instrument))
    findings += guarded("consistency", docs_rel, lambda: consistency.check_numbers(
        part, project.reference_language, files, project.instrument, check_rules(files).get("same_numbers_ignore", ()),
        jobs))
    findings += guarded("authentic text", docs_rel,
                        lambda: check_lock(part, lock_file, sources.shown(lock_file, root)))
    return findings


def recheck(project, previous: CheckResult, paths: list[Path], rules: dict | None = None) -> CheckResult:
    """The result of `check_tree(project, references=False)` after the content files `paths`
    changed (or appeared, or went), made by checking those files and their documents in the
    other languages only (`treaty serve`: an edit is checked in a moment, whatever the size of
    the tree). `previous` is not changed."""
    docs_dir, root = project.docs, project.root
    rules = rules or check_rules(project.files)
    markup_rules = policy.markup_rules(project.files)
    languages = project.language_codes
    tree = {lang: dict(docs) for lang, docs in previous.tree.items()}
    chooser, failed = previous.chooser, set(previous.failed)
    changed_rels, keys, findings = set(), set(), []
    for path in paths:
        path = Path(path)
        rel = sources.shown(path, root)
        parts = path.relative_to(docs_dir).parts
        lang = parts[0] if len(parts) > 1 else None
        key = "/".join(parts[1:]).removesuffix(".md") if lang else None
        changed_rels.add(rel)
        failed.discard(rel)
        if lang is not None and lang not in languages:
            continue
        if key is not None:
            keys.add(key)
            tree[lang].pop(key, None)
        if lang is None and parts == ("index.md",):
            chooser = None
        if not os.path.lexists(path):
            continue
        document, problems = check_source(project, sources.Source(path, rel, lang), rules, markup_rules)
        findings += problems
        if document is None:
            failed.add(rel)
        elif lang is None:
            chooser = document
        else:
            tree[lang][document.key] = document
    part = {lang: {key: docs[key] for key in keys if key in docs} for lang, docs in tree.items()}
    # Findings of the other files stay, but those across languages about the changed documents.
    kept = [f for f in previous.findings if f.path not in changed_rels and not about(f, keys, project)]
    findings += [f for f in tree_checks(project, tree, part) if f.path in changed_rels or about(f, keys, project)
                 or f.code in ("missing-file", "unknown-number")]
    kept = [f for f in kept if f.code not in ("missing-file", "unknown-number")]
    if chooser is None and f"{sources.shown(docs_dir, root)}/index.md" not in failed:
        findings.append(Finding(f"{sources.shown(docs_dir, root)}/index.md", 1, 1, "missing-file",
                                "the language chooser docs/index.md is missing",
                                "restore docs/index.md from the main branch"))
    findings = [f for f in findings if not (f.code == "missing-file" and f.path in failed)]
    return CheckResult(cap(sorted(set(kept + findings)), rules.get("max_findings_per_code", 10)), tree, chooser, failed)


def about(finding: Finding, keys: set[str], project) -> bool:
    """Whether a finding is about one of the documents `keys`, in any language."""
    return inner_path(finding.path, sources.shown(project.docs, project.root)) in {f"{key}.md" for key in keys}


def cap(findings: list[Finding], limit: int) -> list[Finding]:
    """At most `limit` findings of one code per file; the others counted in one more finding."""
    groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in sorted(set(findings)):
        groups[(finding.path, finding.code)].append(finding)
    out = []
    for (path, code), group in groups.items():
        out += group[:limit]
        rest = group[limit:]
        if rest:
            severity = ERROR if any(f.severity == ERROR for f in rest) else rest[0].severity
            out.append(Finding(path, rest[0].line, rest[0].column, code,
                               f"{len(rest)} more like this in the file, from line {rest[0].line} on",
                               rest[0].fix, severity))
    return sorted(out)


def inner_path(path: str, docs_rel: str) -> str | None:
    """"docs/fr/articles/7.md" -> "articles/7.md" (the same document in every language)."""
    prefix = docs_rel.rstrip("/") + "/"
    if not path.startswith(prefix):
        return None
    parts = path[len(prefix):].split("/", 1)
    return parts[1] if len(parts) == 2 else None


def select(findings: list[Finding], files: list[str], docs_rel: str, lock_rel: str) -> list[Finding]:
    """The findings about the given files (as reported: docs/fr/articles/7.md), and about the same
    documents in the other languages; all findings about the lock when the lock is given."""
    wanted = set(files)
    inner = {inner_path(f, docs_rel) for f in files} - {None}
    lock_given = lock_rel in wanted
    out = []
    for finding in findings:
        if (finding.path in wanted
                or (finding.code in TREE_CODES and inner_path(finding.path, docs_rel) in inner)
                or lock_given and (finding.code.startswith("authentic-") or finding.code == "lock-invalid")):
            out.append(finding)
    return out
