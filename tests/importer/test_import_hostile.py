"""Hostile documents: an entity in a Word document's XML, a document that expands without bound,
a text file of hundreds of megabytes. Each is refused with a message naming the part and line
or the size, nothing is written, no text is lost silently, and memory stays bounded."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .test_import_errors import failing, project  # noqa: F401  (the fixture)

DOCUMENT = "word/document.xml"


def rewritten(source: Path, target: Path, change) -> Path:
    """A copy of a .docx whose document part is `change(xml)`."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, change(data.decode("utf-8")).encode("utf-8") if info.filename == DOCUMENT else data)
    return target


def with_entity(xml: str, doctype: bool) -> str:
    """The first run of text of the document gets an entity reference in its middle."""
    start = xml.index("<w:t", xml.index("<w:body"))
    start = xml.index(">", start) + 1
    middle = start + (xml.index("</w:t>", start) - start) // 2
    xml = xml[:middle] + "&lost;" + xml[middle:]
    if doctype:
        declaration = xml.index("?>") + 2
        xml = xml[:declaration] + '\n<!DOCTYPE w:document [<!ENTITY lost "text">]>' + xml[declaration:]
    return xml


def test_an_entity_declared_in_a_doctype_is_an_error_naming_the_part_and_line(lighthouses, project, tmp_path,  # noqa: F811
                                                                               capsys):
    document = rewritten(lighthouses.document("docx", "en"), tmp_path / "entity.docx", lambda x: with_entity(x, True))
    err = failing(capsys, project, "en", document)
    assert "entity.docx, part word/document.xml, line 2: the XML declares a document type (DOCTYPE)" in err


def test_an_undefined_entity_is_an_error_not_lost_text(lighthouses, project, tmp_path, capsys):  # noqa: F811
    document = rewritten(lighthouses.document("docx", "en"), tmp_path / "entity.docx", lambda x: with_entity(x, False))
    err = failing(capsys, project, "en", document)
    assert "entity.docx, part word/document.xml, line" in err
    assert "refers to an entity that nothing defines" in err


def bomb(path: Path, megabytes: int, source: Path) -> Path:
    """A valid Word document whose body starts with `megabytes` of empty paragraphs, compressed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new:
        for info in old.infolist():
            if info.filename != DOCUMENT:
                new.writestr(info, old.read(info))
        xml = old.read(DOCUMENT)
        body = xml.index(b">", xml.index(b"<w:body")) + 1
        chunk = b"<w:p/>" * (1 << 17)
        with new.open(DOCUMENT, "w", force_zip64=True) as part:
            part.write(xml[:body])
            for _ in range(megabytes * (1 << 20) // len(chunk)):
                part.write(chunk)
            part.write(xml[body:])
    return path


def run_limited(args: list[str], memory: int) -> subprocess.CompletedProcess:
    """`treaty ARGS` in a process that may use at most `memory` bytes."""
    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([sys.executable, "-m", "treaty.cli", *args], capture_output=True, text=True,
                          preexec_fn=limit, timeout=300, env={**os.environ, "PYTHONUTF8": "1"})


@pytest.mark.parametrize("megabytes, message", [(600, "would expand to"), (4, "would expand")])
def test_a_document_that_expands_without_bound_is_refused_before_it_is_decompressed(
        lighthouses, project, tmp_path, megabytes, message):  # noqa: F811
    config, folder, _ = project
    document = bomb(tmp_path / "bomb.docx", megabytes, lighthouses.document("docx", "en"))
    assert document.stat().st_size < 4 << 20  # a small file: the paragraphs compress hundreds of times
    # Reading 600 MB of paragraphs would need gigabytes; the refusal needs no more than the program.
    result = run_limited(["import", "--project", str(config), "--lang", "en", str(document)], 1 << 30)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert "bomb.docx: " in result.stderr and message in result.stderr
    assert "refused before it is decompressed" in result.stderr
    assert not (folder / "docs" / "en" / "preamble.md").exists()


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_a_text_file_of_hundreds_of_megabytes_is_refused_before_it_is_read(project, tmp_path, suffix):  # noqa: F811
    config, folder, _ = project
    document = tmp_path / f"huge.{suffix}"
    with open(document, "wb") as handle:
        handle.truncate(200 * (1 << 20))  # 200 MB (a sparse file: nothing is written)
    result = run_limited(["import", "--project", str(config), "--lang", "en", str(document)], 1 << 30)
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"huge.{suffix}: the file is 200.0 MB, more than the 20.0 MB a document may have" in result.stderr
    assert "Traceback" not in result.stderr
