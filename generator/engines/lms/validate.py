"""Check a package as an LMS reads it. SCORM (`problems`): imsmanifest.xml against the XSDs
the package ships, then what the XSDs cannot say (every file listed and present,
identifiers that resolve, `scormtype` spelled as the version wants, no dotfiles). cmi5
(`cmi5_problems`): cmi5.xml by the specification's course-structure rules.

lxml (libxml2) needs two workarounds with ADL's schema files: SCORM 1.2's `ims_xml.xsd`
is resolved to the W3C `xml.xsd` that the 2004 set ships, and `imsmd_rootv1p2p1.xsd` (IMS
metadata, unused by our manifests) is not loaded, because libxml2 calls its content model
non-deterministic. The XSD accepts a miscased `scormtype` in 2004 (`anyAttribute`), hence
the semantic check.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from generator.engines.lms.manifest import CMI5, SCORM12, SCORM2004

SCHEMAS = Path(__file__).resolve().parent / "schemas"
_ROOTS = {SCORM12[""]: ("1.2", "scorm12", ["imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd"]),
          SCORM2004[""]: ("2004", "scorm2004", ["imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd", "imsss_v1p0.xsd"])}


class _Resolver(etree.Resolver):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):  # noqa: ANN001, ANN201 - lxml's signature
        name = Path(str(url)).name
        if name == "ims_xml.xsd":  # workaround 1 (the module's doc)
            return self.resolve_filename(str(SCHEMAS / "scorm2004" / "xml.xsd"), context)
        if (self.folder / name).is_file():
            return self.resolve_filename(str(self.folder / name), context)
        return None


def _schema(folder: Path, roots: list[str]) -> etree.XMLSchema:
    """One schema importing each root XSD of the version (by its own namespace)."""
    xs = "http://www.w3.org/2001/XMLSchema"
    driver = etree.Element(etree.QName(xs, "schema"), nsmap={"xs": xs})
    for name in roots:
        target = etree.parse(str(folder / name)).getroot().get("targetNamespace")
        etree.SubElement(driver, etree.QName(xs, "import"), namespace=target, schemaLocation=str(folder / name))
    parser = etree.XMLParser()
    parser.resolvers.add(_Resolver(folder))
    return etree.XMLSchema(etree.fromstring(etree.tostring(driver), parser, base_url=str(folder / "driver.xsd")))


def problems(package: Path) -> list[str]:
    """Everything wrong with the SCORM zip `package`, as sentences ([] when it is valid)."""
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        if "imsmanifest.xml" not in names:
            return ["imsmanifest.xml is not at the package's root"]
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    namespace = etree.QName(manifest).namespace
    if namespace not in _ROOTS:
        return [f"imsmanifest.xml: unknown namespace {namespace}"]
    version, folder, roots = _ROOTS[namespace]
    found = []
    schema = _schema(SCHEMAS / folder, roots)
    if not schema.validate(etree.ElementTree(manifest)):
        found += [f"imsmanifest.xml:{e.line}: {e.message}" for e in schema.error_log]
    missing_xsd = [name for name in roots if name not in names]
    found += [f"{name}: named by the manifest but not in the package" for name in missing_xsd]
    return found + _semantics(manifest, names, version)


def _semantics(manifest: etree._Element, names: set[str], version: str) -> list[str]:
    ns = {"cp": etree.QName(manifest).namespace}
    adlcp = (SCORM12 if version == "1.2" else SCORM2004)["adlcp"]
    right, wrong = ("scormtype", "scormType") if version == "1.2" else ("scormType", "scormtype")
    found = []
    listed = {f.get("href") for f in manifest.iterfind(".//cp:resource/cp:file", ns)}
    content = {n for n in names if not n.endswith("/")} - {"imsmanifest.xml"}
    found += [f"{n}: in the package but not listed in imsmanifest.xml" for n in sorted(content - listed)]
    found += [f"{n}: listed in imsmanifest.xml but not in the package" for n in sorted(listed - content)]
    found += [f"{n}: a dotfile in the package" for n in sorted(names) if any(p.startswith(".") for p in n.split("/"))]
    resources = {r.get("identifier"): r for r in manifest.iterfind(".//cp:resource", ns)}
    for item in manifest.iterfind(".//cp:item", ns):
        ref = item.get("identifierref")
        if ref and ref not in resources:
            found.append(f"item {item.get('identifier')}: identifierref '{ref}' names no resource")
    default = manifest.find("cp:organizations", ns).get("default")
    if default not in {o.get("identifier") for o in manifest.iterfind("cp:organizations/cp:organization", ns)}:
        found.append(f"organizations: default '{default}' names no organization")
    for ident, resource in resources.items():
        if resource.get(f"{{{adlcp}}}{wrong}") is not None or resource.get(f"{{{adlcp}}}{right}") is None:
            found.append(f"resource {ident}: SCORM {version} spells the attribute adlcp:{right}")
        href = resource.get("href")
        if href and href not in content:
            found.append(f"resource {ident}: its href {href} is not in the package")
    return found


MOVE_ON = {"Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"}  # cmi5 Quartz 13.1.4


def cmi5_problems(package: Path) -> list[str]:
    """Everything wrong with the cmi5 zip `package` by the rules of cmi5 Quartz section 13
    (course structure) and 14 (package): cmi5.xml at the root, activity ids that are
    absolute IRIs, a launch URL in the package, moveOn and masteryScore in range."""
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        if "cmi5.xml" not in names:
            return ["cmi5.xml is not at the package's root"]
        root = etree.fromstring(archive.read("cmi5.xml"))
    ns = {"c": CMI5}
    found = [f"{n}: a dotfile in the package" for n in sorted(names) if any(p.startswith(".") for p in n.split("/"))]
    if root.tag != f"{{{CMI5}}}courseStructure":
        return found + [f"cmi5.xml: the root is {root.tag}, not courseStructure in {CMI5}"]
    course, aus = root.find("c:course", ns), root.findall("c:au", ns)
    if course is None or not aus:
        return found + ["cmi5.xml: needs a course and at least one au"]
    for element in [course, *aus]:
        ident = element.get("id") or ""
        if ":" not in ident or " " in ident:
            found.append(f"cmi5.xml: id '{ident}' is not an absolute IRI")
    for au in aus:
        url = au.findtext("c:url", namespaces=ns) or ""
        if url.split("?")[0] not in names:
            found.append(f"au {au.get('id')}: its url '{url}' is not in the package")
        if au.get("moveOn", "NotApplicable") not in MOVE_ON:
            found.append(f"au {au.get('id')}: moveOn '{au.get('moveOn')}' is not one of {sorted(MOVE_ON)}")
        mastery = au.get("masteryScore")
        if mastery is not None and not 0 <= float(mastery) <= 1:
            found.append(f"au {au.get('id')}: masteryScore {mastery} is not between 0 and 1")
        if au.find("c:title/c:langstring", ns) is None:
            found.append(f"au {au.get('id')}: has no title")
    return found
