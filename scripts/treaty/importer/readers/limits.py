"""What a document may hold before it is read (the package's data/import-limits.yml).

A Word document is a zip of XML parts. Before python-docx reads it, its package is checked:

    sizes     the parts' decompressed sizes, as the zip's directory gives them, are added up and
              compared with the limits before anything is decompressed (zipfile never gives more
              than a part's recorded size: a part that lies is a damaged file)
    entities  every XML part is read as a stream with DTDs and entities refused (defusedxml): a
              DOCTYPE, an entity declaration or an entity reference is an error naming the part
              and line, where a reader would otherwise drop the text after it without a word
    elements  the XML elements are counted on the way: each costs the reader memory

A text or HTML document is refused above its size limit before it is read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from defusedxml.common import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.expatreader import DefusedExpatParser

from treaty.importer.errors import ImportFailure, Where
from treaty.project.files import defaults

MB = 1024 * 1024
CHUNK = 1 << 16


def limits() -> dict:
    # The package's limits, never a project's: no data file of a pull request raises them.
    return defaults().load("import-limits.yml")


def megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB"


def read_capped(path: Path) -> bytes:
    """A text or HTML document's bytes, refused above the size limit before they are read."""
    cap = limits()["text"]["max_bytes"]
    size = path.stat().st_size
    if size > cap:
        raise ImportFailure(f"the file is {megabytes(size)}, more than the {megabytes(cap)} a document may have",
                            path.name, "give the official text alone (an instrument's text is far smaller)")
    with open(path, "rb") as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:  # grew while being read, or not a regular file
        raise ImportFailure(f"the file is more than {megabytes(cap)}", path.name, "give the official text alone")
    return data


class _Counter(ContentHandler):
    def __init__(self, budget: int, part: str, path: Path):
        super().__init__()
        self.budget, self.part, self.path, self.count = budget, part, path, 0

    def startElement(self, name, attrs):
        self.count += 1
        if self.count > self.budget:
            raise ImportFailure(f"{self.part} holds more XML elements than a document may have", self.path.name,
                                "give the official text alone; a document this large is refused")


def check_docx(path: Path) -> None:
    """Refuse a Word package beyond the limits, or with a DTD or an entity in any XML part."""
    settings = limits()["docx"]
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return  # not a zip at all: the Word reader says so
    with archive:
        parts = archive.infolist()
        _check_sizes(path, parts, settings)
        budget = settings["max_elements"]
        for info in parts:
            if info.filename.endswith((".xml", ".rels")):
                budget -= _check_xml(path, archive, info, budget)


def _check_sizes(path: Path, parts: list[zipfile.ZipInfo], settings: dict) -> None:
    fix = "give the official document as published; this one is refused before it is decompressed"
    if len(parts) > settings["max_parts"]:
        raise ImportFailure(f"the Word document has {len(parts)} parts, more than {settings['max_parts']}",
                            path.name, fix)
    total = sum(info.file_size for info in parts)
    if total > settings["max_bytes"]:
        raise ImportFailure(f"the Word document's parts would expand to {megabytes(total)}, more than the "
                            f"{megabytes(settings['max_bytes'])} a document may have", path.name, fix)
    for info in parts:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > settings["max_ratio"]:
            raise ImportFailure(f"{info.filename} would expand {ratio:.0f} times (to {megabytes(info.file_size)}), "
                                f"more than the {settings['max_ratio']} times of any real document", path.name, fix)


def _check_xml(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int:
    """Read one XML part as a stream; the number of its elements."""
    counter = _Counter(budget, info.filename, path)
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(counter)
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                parser.feed(chunk)
        parser.close()
    except (DefusedXmlException, SAXParseException) as error:
        line = error.getLineNumber() if isinstance(error, SAXParseException) else parser.getLineNumber()
        raise ImportFailure(_entity_message(error), Where(f"{path.name}, part {info.filename}", line=line),
                            "save the document again from Word (which writes no entities) and retry; "
                            "nothing was imported") from None
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportFailure(f"{info.filename} cannot be read ({error})", path.name,
                            "check that the file opens in Word, save it again, and retry") from None
    return counter.count


def _entity_message(error: Exception) -> str:
    if isinstance(error, DTDForbidden):
        return "the XML declares a document type (DOCTYPE), with which it could define entities"
    if isinstance(error, EntitiesForbidden):
        return f"the XML declares an entity ('{error.name}')"
    if isinstance(error, SAXParseException) and "entity" in error.getMessage():
        return f"the XML refers to an entity that nothing defines ({error.getMessage()})"
    if isinstance(error, SAXParseException):
        return f"the XML is not well-formed ({error.getMessage()})"
    return f"the XML refers to an external resource ({error})"
