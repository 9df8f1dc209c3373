"""The package manifests: imsmanifest.xml (SCORM 1.2, SCORM 2004 4th edition) and cmi5.xml.

Written with lxml, never by string formatting. Facts and their sources:
- SCORM 1.2 (ADL, "SCORM 1.2 Content Aggregation Model"): IMS CP 1.1.2 namespaces,
  `<schemaversion>1.2</schemaversion>`, `adlcp:scormtype` (lower-case t), and
  `adlcp:masteryscore` on the item (0-100, compared by LMSs with `cmi.core.score.raw`).
- SCORM 2004 4th edition (ADL CAM 1.1): `adlcp:scormType` (capital T); the item's
  `imsss:sequencing` holds the primary objective, satisfied by measure at
  `minNormalizedMeasure` (0-1), and then (the XSD fixes this order) delivery controls
  saying the content sets completion and success itself.
- cmi5 (AICC/ADL "cmi5 Quartz" section 13, course structure): one `<au>` with `moveOn` and a
  `masteryScore` (0-1); activity ids are IRIs.
The mastery score is the final assessment's pass mark in every format: Moodle's SCORM
player rewrites `lesson_status` from the raw score and the mastery score, so any other
value would contradict what the course shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCORM12 = {"": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
SCORM12_XSD = {"": "imscp_rootv1p1p2.xsd", "adlcp": "adlcp_rootv1p2.xsd"}
SCORM2004 = {"": "http://www.imsglobal.org/xsd/imscp_v1p1", "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
             "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3", "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
             "imsss": "http://www.imsglobal.org/xsd/imsss"}
SCORM2004_XSD = {"": "imscp_v1p1.xsd", "adlcp": "adlcp_v1p3.xsd", "adlseq": "adlseq_v1p3.xsd",
                 "adlnav": "adlnav_v1p3.xsd", "imsss": "imsss_v1p0.xsd"}
CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
SCO_ID = "sco"
SCHEMAS_ID = "schemas"


@dataclass(frozen=True)
class PackageInfo:
    """What a manifest says of the course: `identifier` (an XML id and the IRI's tail),
    `title`, `description`, `language` (BCP 47), `launch` (the launcher's path in the
    package), `mastery` (the final's pass mark, percent, or None without a final)."""

    identifier: str
    title: str
    description: str
    language: str
    launch: str
    mastery: int | None


def _root(tag: str, namespaces: dict[str, str], schemas: dict[str, str], **attributes: str) -> etree._Element:
    nsmap = {prefix or None: uri for prefix, uri in namespaces.items()} | {"xsi": XSI}
    root = etree.Element(etree.QName(namespaces[""], tag), nsmap=nsmap, **attributes)
    root.set(etree.QName(XSI, "schemaLocation"), " ".join(f"{namespaces[p]} {schemas[p]}" for p in namespaces))
    return root


def _sub(parent: etree._Element, ns: str, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, etree.QName(ns, tag), **attributes)
    element.text = text
    return element


def _files(resource: etree._Element, ns: str, files: Iterable[str]) -> None:
    for name in files:
        _sub(resource, ns, "file", href=name)


def _serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def scorm12_manifest(info: PackageInfo, content: list[str], schemas: list[str]) -> bytes:
    """imsmanifest.xml for SCORM 1.2: one organization, one item, one SCO listing `content`
    (every file but the manifest and `schemas`), and the XSDs as an asset resource."""
    cp, adlcp = SCORM12[""], SCORM12["adlcp"]
    root = _root("manifest", SCORM12, SCORM12_XSD, identifier=info.identifier, version="1")
    metadata = _sub(root, cp, "metadata")
    _sub(metadata, cp, "schema", "ADL SCORM")
    _sub(metadata, cp, "schemaversion", "1.2")
    organization = _sub(_sub(root, cp, "organizations", default="org"), cp, "organization", identifier="org")
    _sub(organization, cp, "title", info.title)
    item = _sub(organization, cp, "item", identifier="item", identifierref=SCO_ID)
    _sub(item, cp, "title", info.title)
    if info.mastery is not None:
        _sub(item, adlcp, "masteryscore", str(info.mastery))
    resources = _sub(root, cp, "resources")
    sco = _sub(resources, cp, "resource", identifier=SCO_ID, type="webcontent", href=info.launch)
    sco.set(etree.QName(adlcp, "scormtype"), "sco")
    _files(sco, cp, content)
    asset = _sub(resources, cp, "resource", identifier=SCHEMAS_ID, type="webcontent")
    asset.set(etree.QName(adlcp, "scormtype"), "asset")
    _files(asset, cp, schemas)
    return _serialise(root)


def scorm2004_manifest(info: PackageInfo, content: list[str], schemas: list[str]) -> bytes:
    """imsmanifest.xml for SCORM 2004 4th edition, with the sequencing the module's doc
    describes (no sequencing without a mastery score)."""
    cp, adlcp, imsss = SCORM2004[""], SCORM2004["adlcp"], SCORM2004["imsss"]
    root = _root("manifest", SCORM2004, SCORM2004_XSD, identifier=info.identifier, version="1")
    metadata = _sub(root, cp, "metadata")
    _sub(metadata, cp, "schema", "ADL SCORM")
    _sub(metadata, cp, "schemaversion", "2004 4th Edition")
    organization = _sub(_sub(root, cp, "organizations", default="org"), cp, "organization", identifier="org")
    _sub(organization, cp, "title", info.title)
    item = _sub(organization, cp, "item", identifier="item", identifierref=SCO_ID)
    _sub(item, cp, "title", info.title)
    if info.mastery is not None:
        sequencing = _sub(item, imsss, "sequencing")
        primary = _sub(_sub(sequencing, imsss, "objectives"), imsss, "primaryObjective",
                       objectiveID="final-assessment", satisfiedByMeasure="true")
        _sub(primary, imsss, "minNormalizedMeasure", f"{info.mastery / 100:.2f}")
        _sub(sequencing, imsss, "deliveryControls", completionSetByContent="true", objectiveSetByContent="true")
    resources = _sub(root, cp, "resources")
    sco = _sub(resources, cp, "resource", identifier=SCO_ID, type="webcontent", href=info.launch)
    sco.set(etree.QName(adlcp, "scormType"), "sco")
    _files(sco, cp, content)
    asset = _sub(resources, cp, "resource", identifier=SCHEMAS_ID, type="webcontent")
    asset.set(etree.QName(adlcp, "scormType"), "asset")
    _files(asset, cp, schemas)
    return _serialise(root)


def cmi5_structure(info: PackageInfo, iri: str) -> bytes:
    """cmi5.xml: the course and its one AU (`iri` and `iri`/au as their activity ids).

    One AU, not one per lesson: the course's progress (read marks, quiz records, the final)
    is one state that the learner moves through freely, and an LMS's cmi5 report marks the
    course satisfied from its AUs' moveOn: per-lesson AUs would each need their own launch,
    session and State document, and lessons without a quiz could only report "completed"
    by being opened. One AU reports what the SCORM packages report."""
    root = etree.Element(etree.QName(CMI5, "courseStructure"), nsmap={None: CMI5})
    course = _sub(root, CMI5, "course", id=iri)
    _langstring(_sub(course, CMI5, "title"), info.language, info.title)
    _langstring(_sub(course, CMI5, "description"), info.language, info.description or info.title)
    move_on = "CompletedAndPassed" if info.mastery is not None else "Completed"
    au = _sub(root, CMI5, "au", id=f"{iri}/au", moveOn=move_on, launchMethod="AnyWindow")
    if info.mastery is not None:
        au.set("masteryScore", f"{info.mastery / 100:.2f}")
    _langstring(_sub(au, CMI5, "title"), info.language, info.title)
    _langstring(_sub(au, CMI5, "description"), info.language, info.description or info.title)
    _sub(au, CMI5, "url", info.launch)
    return _serialise(root)


def _langstring(parent: etree._Element, language: str, text: str) -> None:
    _sub(parent, CMI5, "langstring", text, lang=language)
