"""Every format for the bundled course and for each bundled brand, built by the command line
and validated (generator/engines/lms/validate.py): what CI proves an LMS can import."""

from __future__ import annotations

import zipfile

import pytest

from conftest import ROOT, coursegen
from generator.engines.lms.validate import cmi5_problems, problems
from generator.load.brand import list_brands

BRANDS = list_brands(ROOT, "brands")


def test_there_are_brands_to_package():
    assert BRANDS  # else the test below proves nothing


@pytest.mark.parametrize("brand", [None, *BRANDS])
def test_every_format_of_the_course_and_each_brand_validates(brand, tmp_path):
    for fmt in ("scorm12", "scorm2004", "cmi5"):
        package = tmp_path / f"{fmt}.zip"
        result = coursegen("export", "--format", fmt, str(package), *(["--brand", brand] if brand else []))
        assert result.returncode == 0, result.stderr
        assert (cmi5_problems(package) if fmt == "cmi5" else problems(package)) == [], fmt
        with zipfile.ZipFile(package) as archive:
            launcher = archive.read("launch.html").decode()
            manifest = archive.read("cmi5.xml" if fmt == "cmi5" else "imsmanifest.xml").decode()
        if brand == "nordlicht":  # the firm's title and language, in the manifest and the launcher
            assert "Nordlicht Akademie" in manifest and '<html lang="de">' in launcher
            assert "nicht an Ihre Lernplattform gemeldet" in launcher
        elif brand == "harbor":
            assert "Harbor Academy" in manifest
