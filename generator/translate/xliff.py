"""XLIFF 1.2 (OASIS), written and read with lxml: one `<file>` per translation file, one
`<trans-unit>` per text (`resname` the field), `state="needs-review-translation"` when
the source changed since the translation was made. Whitespace is kept (`xml:space`)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from generator.errors import SourceLocation
from generator.translate.units import Unit

NS = "urn:oasis:names:tc:xliff:document:1.2"
_X = f"{{{NS}}}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REVIEW = "needs-review-translation"


def write_xliff(units: list[Unit], source_language: str, language: str) -> bytes:
    """An XLIFF 1.2 document of `units`, UTF-8."""
    root = etree.Element(_X + "xliff", nsmap={None: NS}, version="1.2")
    bodies: dict[str, etree._Element] = {}
    for unit in units:
        if unit.file not in bodies:
            file = etree.SubElement(root, _X + "file", original=unit.file, datatype="plaintext",
                                    attrib={"source-language": source_language, "target-language": language})
            bodies[unit.file] = etree.SubElement(file, _X + "body")
        item = etree.SubElement(bodies[unit.file], _X + "trans-unit", id=unit.key, resname=unit.field)
        item.set(_XML_SPACE, "preserve")
        etree.SubElement(item, _X + "source").text = unit.source
        if unit.target is not None:
            target = etree.SubElement(item, _X + "target", state=REVIEW if unit.stale else "translated")
            target.text = unit.target
        if unit.where:
            etree.SubElement(item, _X + "note").text = unit.where
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def read_xliff(path: Path, shown: str) -> tuple[str, list[tuple[Unit, SourceLocation]]]:
    """The target language and the units of an XLIFF 1.2 file. Raises ValueError for a file
    that is not XLIFF 1.2 or names no target language. No DTD or entity is loaded."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise ValueError(f"{shown}: not an XML file: {exc}") from None
    if root.tag != _X + "xliff":
        raise ValueError(f"{shown}: not an XLIFF 1.2 file (its root is <{etree.QName(root).localname}>)")
    languages = {f.get("target-language", "") for f in root.iter(_X + "file")}
    if len(languages) != 1 or not next(iter(languages)):
        raise ValueError(f"{shown}: every <file> must name the same target-language")
    units = []
    for file in root.iter(_X + "file"):
        for item in file.iter(_X + "trans-unit"):
            target = item.find(_X + "target")
            text = target.text if target is not None else None
            unit = Unit(file.get("original", ""), item.get("resname", ""), item.findtext(_X + "source") or "", text or None,
                        target is not None and target.get("state") == REVIEW, None, "")
            units.append((unit, SourceLocation(shown, item.sourceline or 0)))
    return languages.pop(), units
