"""`coursegen export --format scorm12|scorm2004|cmi5 OUT.zip`: the packages an LMS imports.

Each package of the bundled course is built once per module by the real command line and
checked as an LMS would read it: the manifest against the XSDs the package ships (lxml),
then what the XSDs cannot say (generator/engines/lms/validate.py). Refusals change nothing.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import ROOT, copy_project, coursegen
from generator.engines.lms.validate import problems

FINAL_PASS_MARK = yaml.safe_load((ROOT / "quizzes/final-assessment.yml").read_text())["pass_mark"]


@pytest.fixture(scope="module")
def packages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("packages")
    out = {}
    for fmt in ("scorm12", "scorm2004"):
        result = coursegen("export", "--format", fmt, str(folder / f"{fmt}.zip"))
        assert result.returncode == 0, result.stderr
        out[fmt] = folder / f"{fmt}.zip"
    return out


def _manifest(package: Path) -> etree._Element:
    with zipfile.ZipFile(package) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml"))


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_package_manifest_validates_against_shipped_xsds(packages, fmt):
    assert problems(packages[fmt]) == []


def test_scorm12_manifest_says_version_mastery_and_one_sco(packages):
    manifest = _manifest(packages["scorm12"])
    ns = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "1.2"
    assert manifest.findtext(".//cp:item/adlcp:masteryscore", namespaces=ns) == str(FINAL_PASS_MARK)
    scos = manifest.findall(".//cp:resource[@adlcp:scormtype='sco']", ns)
    assert [s.get("href") for s in scos] == ["launch.html"]


def test_scorm2004_manifest_has_measure_then_delivery_controls(packages):
    manifest = _manifest(packages["scorm2004"])
    ns = {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1", "imsss": "http://www.imsglobal.org/xsd/imsss"}
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == "2004 4th Edition"
    sequencing = manifest.find(".//cp:item/imsss:sequencing", ns)
    assert [etree.QName(child).localname for child in sequencing] == ["objectives", "deliveryControls"]
    primary = sequencing.find("imsss:objectives/imsss:primaryObjective", ns)
    assert primary.get("satisfiedByMeasure") == "true"
    assert float(primary.findtext("imsss:minNormalizedMeasure", namespaces=ns)) == FINAL_PASS_MARK / 100
    controls = sequencing.find("imsss:deliveryControls", ns)
    assert controls.get("completionSetByContent") == controls.get("objectiveSetByContent") == "true"


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_package_pages_have_html_addresses_and_no_dotfiles(packages, fmt):
    with zipfile.ZipFile(packages[fmt]) as archive:
        names = set(archive.namelist())
        home = archive.read("index.html").decode()
        lesson = archive.read("lessons/rapport-trap.html").decode()
    assert {"imsmanifest.xml", "launch.html", "index.html", "lessons/rapport-trap.html", "assessment/final-assessment.html"} <= names
    assert not [n for n in names if any(part.startswith(".") for part in n.split("/"))]
    assert not [n for n in names if n.endswith("/index.html")]
    assert 'href="lessons/rapport-trap.html"' in home
    # a figure is drawn inline: no file to find under the LMS's path
    assert '<figure class="cq-figure" data-search-exclude id="figure-rapport-spectrum"><svg xmlns="http://www.w3.org/2000/svg"' in lesson


def test_validator_reports_what_an_lms_would_trip_on(packages, tmp_path):
    """The checks can fail: a miscased scormType (accepted by the XSD), a file left out of
    the manifest, a dotfile, an element out of the XSD's order."""
    with zipfile.ZipFile(packages["scorm12"]) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    manifest = entries["imsmanifest.xml"].decode().replace("scormtype", "scormType")
    manifest = manifest.replace("<schema>ADL SCORM</schema>", "").replace("<schemaversion>1.2</schemaversion>",
                                                                         "<schemaversion>1.2</schemaversion><schema>ADL SCORM</schema>")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, manifest if name == "imsmanifest.xml" else data)
        archive.writestr(".DS_Store", b"x")
    found = "\n".join(problems(broken))
    assert "spells the attribute adlcp:scormtype" in found
    assert ".DS_Store: in the package but not listed" in found
    assert ".DS_Store: a dotfile" in found
    assert "schema': This element is not expected" in found


# --- refusals: exit 2, nothing written ----------------------------------------------


def test_unknown_format_is_refused(tmp_path):
    result = coursegen("export", "--format", "scorm3000", str(tmp_path / "out.zip"))
    assert result.returncode == 2
    assert "invalid choice: 'scorm3000'" in result.stderr and "scorm12" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_existing_file_that_is_not_a_package_is_refused_and_kept(tmp_path):
    precious = tmp_path / "report.zip"
    precious.write_bytes(b"not ours")
    result = coursegen("export", "--format", "scorm12", str(precious))
    assert result.returncode == 2
    assert "is not a package written by coursegen" in result.stderr
    assert precious.read_bytes() == b"not ours"
    assert [p.name for p in tmp_path.iterdir()] == ["report.zip"]


def test_earlier_package_is_replaced(packages, tmp_path):
    again = tmp_path / "again.zip"
    again.write_bytes(packages["scorm12"].read_bytes())
    result = coursegen("export", "--format", "scorm2004", str(again))
    assert result.returncode == 0, result.stderr
    assert "2004 4th Edition" in zipfile.ZipFile(again).read("imsmanifest.xml").decode()
    assert [p.name for p in tmp_path.iterdir()] == ["again.zip"]


def test_scorm_without_final_assessment_is_refused_with_what_to_add(tmp_path):
    project = copy_project(tmp_path / "project")
    course = project / "course/course.yml"
    course.write_text(course.read_text().replace("final_quiz: final-assessment\n", ""))
    (project / "quizzes/final-assessment.yml").unlink()
    out = tmp_path / "out"
    out.mkdir()
    for fmt in ("scorm12", "scorm2004"):
        result = coursegen("export", "--format", fmt, str(out / "course.zip"), cwd=project)
        assert result.returncode == 2, result.stderr
        assert "final: true" in result.stderr and "final_quiz:" in result.stderr
    assert list(out.iterdir()) == []
    result = coursegen("export", "--format", "cmi5", str(out / "course"), cwd=project)  # cmi5 reports completion alone; .zip added
    assert result.returncode == 0, result.stderr
    structure = zipfile.ZipFile(out / "course.zip").read("cmi5.xml").decode()
    assert 'moveOn="Completed"' in structure and "masteryScore" not in structure


def test_a_package_inside_the_course_folders_or_a_report_for_cmi5_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    before = sorted(p.relative_to(project).as_posix() for p in project.rglob("*"))
    result = coursegen("export", "--format", "scorm12", "course/pkg.zip", cwd=project)
    assert result.returncode == 2 and "where the course's own files live" in result.stderr
    result = coursegen("export", "--format", "cmi5", "--report", "passed-failed", "../pkg.zip", cwd=project)
    assert result.returncode == 2 and "--report goes with a SCORM package" in result.stderr
    result = coursegen("export", "--format", "scorm12", "--report", "passed-sometimes", "../pkg.zip", cwd=project)
    assert result.returncode == 2 and "invalid choice: 'passed-sometimes'" in result.stderr
    assert sorted(p.relative_to(project).as_posix() for p in project.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["project"]


@pytest.mark.parametrize("fmt", ["scorm12", "scorm2004"])
def test_package_pages_search_from_disk_with_their_own_shim(packages, fmt):
    """The package's site opens from disk too: search's index as a script and the local
    iframe-worker shim (engines/offline_search.py), both listed as the package's files."""
    with zipfile.ZipFile(packages[fmt]) as archive:
        names = set(archive.namelist())
        lesson = archive.read("lessons/rapport-trap.html").decode()
        manifest = archive.read("imsmanifest.xml").decode()
    assert {"search/search_index.js", "assets/course/iframe-worker-shim.js", "assets/course/iframe-worker-shim.js.LICENSE.txt"} <= names
    assert 'src="../assets/course/iframe-worker-shim.js"' in lesson and "unpkg.com" not in lesson
    assert 'href="assets/course/iframe-worker-shim.js"' in manifest
