"""Issue 18: a hint that tells a trainer how to rewrite a line quotes their own line, and
the line it suggests, put in place of theirs, reads as the text they meant."""

from __future__ import annotations

import pytest

from generator.source.document import parse_text


def _suggestions(hint: str) -> list[str]:
    """The lines a hint suggests: after 'quotes: ' or 'quotes: ', split at ', or ... : '."""
    found = []
    for part in hint.split(", or "):
        if ": " in part:
            found.append(part.split(": ", 1)[1].split("; if it is a comment")[0])
    return found


CASES = [
    # (line as written, the text meant, the suggestion's key path)
    ("prompt: What is step #1 for you?", "What is step #1 for you?"),
    ("prompt: Say \"hello\" #loud", 'Say "hello" #loud'),
    ("title: Rapport: the trap", "Rapport: the trap"),
    ("title: C:\\temp: a folder", "C:\\temp: a folder"),
    ('title: "Please "calm down"."', 'Please "calm down".'),
    ("title: 'It's fine'", "It's fine"),
    ("title: 'It's \"fine\"'", "It's \"fine\""),
]


@pytest.mark.parametrize(("line", "meant"), CASES)
def test_the_suggested_line_reads_as_meant(line, meant):
    doc, findings = parse_text(f"id: x\n{line}\n", "x.yml")
    assert findings, line
    finding = findings[0]
    assert finding.location.line == 2
    suggestions = _suggestions(finding.hint)
    assert suggestions, finding.hint
    for suggested in suggestions:
        fixed, problems = parse_text(f"id: x\n{suggested}\n", "x.yml")
        assert not problems and fixed is not None, (suggested, problems)
        key = line.split(":", 1)[0]
        assert fixed.data[key] == meant, (suggested, fixed.data)


def test_a_list_item_keeps_its_dash_and_indentation_fits():
    doc, findings = parse_text("items:\n  - text: Step 1: listen\n", "x.yml")
    assert findings[0].hint == 'put the whole value in quotes: - text: "Step 1: listen"'


@pytest.mark.parametrize("text", [
    "# yaml-language-server: $schema=x.json\nid: x\n",
    "id: x  # must match the file name\n",
    "id: x # a one-word value, then a comment\n",
    "title: Two words  # two spaces: a comment\n",
    "title: \"quoted #1\" # after quotes\n",
    "title: 'quoted' #after quotes\n",
    "list:\n  # on its own line\n  - a\n",
    "minutes: 5\t# a tab\n",
])
def test_comments_that_are_comments_are_no_warning(text):
    doc, findings = parse_text(text, "x.yml")
    assert doc is not None and findings == [], findings


def test_a_value_emptied_by_a_comment_is_named():
    doc, findings = parse_text("id: x\ncolour: #123456\nnext: # a comment, on purpose\n", "x.yml")
    assert doc is not None and doc.data == {"id": "x", "colour": None, "next": None}
    assert [(f.location.line, f.message, f.hint) for f in findings] == [
        (2, "the text stops at '#123456': an unquoted ' #' starts a comment, so the value is empty",
         'put the whole value in quotes: colour: "#123456"')]
