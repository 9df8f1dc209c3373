"""A course's translation: `translations/<lang>/` read and laid over the source course.

The folder mirrors the course's: `course.yml`, `lessons/<id>.yml`, `quizzes/<id>.yml`,
`scenarios/<id>.yml`, `dialogues/<id>.yml`, `handouts/<id>.yml` (`KINDS`). Only text is taken from a translation
(model/translation.py says which fields are text); ids, answers, order and every number
come from the source, so a quiz grades the same in every language and learners' progress
(keyed by course, lesson, quiz and scenario ids) is shared between the languages of a course.

A file whose structure differs from its source's is not laid over (the check reports
it as an error, check/translations.py); a text a translation does not give is shown in
the source language and listed in `Translation.fallbacks`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pydantic import BaseModel, ValidationError

from generator.errors import Finding, SourceLocation
from generator.load.course import TRANSLATIONS_DIR, CoursePaths, translate_errors, yaml_files
from generator.model.course import Course, CourseSettings
from generator.model.translation import HASHES_KEY, Path_, TranslatedFile, Translation, compare, texts
from generator.source.document import SourceDocument, load_yaml

# kind -> folder inside translations/<lang>/ (None: the one file course.yml)
KINDS: dict[str, str | None] = {"course": None, "lesson": "lessons", "quiz": "quizzes", "scenario": "scenarios", "dialogue": "dialogues",
                               "figure": "figures", "handout": "handouts"}


def translations_dir(paths: CoursePaths, language: str) -> Path:
    return paths.root / TRANSLATIONS_DIR / language


def available_languages(paths: CoursePaths) -> list[str]:
    """The languages with a folder under translations/, sorted."""
    folder = paths.root / TRANSLATIONS_DIR
    return sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else []


def translation_file(paths: CoursePaths, language: str, kind: str, item_id: str) -> Path:
    """Where the translation of (kind, id) into `language` lives, whether or not it exists."""
    folder = translations_dir(paths, language)
    sub = KINDS[kind]
    return folder / "course.yml" if sub is None else folder / sub / f"{item_id}.yml"


def source_items(course: Course) -> list[tuple[str, str, BaseModel]]:
    """(kind, id, model) of everything a translation may translate, in file order."""
    items: list[tuple[str, str, BaseModel]] = [("course", course.settings.id, course.settings)]
    items += [("lesson", i, lesson) for i, lesson in sorted(course.lessons.items())]
    items += [("quiz", i, quiz) for i, quiz in sorted(course.quizzes.items())]
    items += [("scenario", i, scenario) for i, scenario in sorted(course.scenarios.items())]
    items += [("dialogue", i, dialogue) for i, dialogue in sorted(course.dialogues.items())]
    items += [("figure", i, figure) for i, figure in sorted(course.figures.items())]
    items += [("handout", i, handout) for i, handout in sorted(course.handouts.items())]
    return items


def apply_translation(course: Course, paths: CoursePaths, language: str) -> tuple[Course, list[Finding]]:
    """The course in `language` (a new object; `course` is left as it was) and the findings
    of reading its translation files. Raises nothing: a missing folder is a finding."""
    folder = translations_dir(paths, language)
    shown = paths.show(folder)
    if not folder.is_dir():
        have = available_languages(paths)
        return course, [Finding(SourceLocation(shown), f"there is no translation into '{language}'",
                                hint=f"translations exist for: {', '.join(have)}" if have else
                                f"start one with `coursegen translations export --lang {language} --format po FILE`",
                                code="missing-file")]
    findings: list[Finding] = []
    translation = Translation(language, course.settings.language, shown)
    read = _read_files(course, paths, language, translation, findings)
    # a copy that keeps every other field (a brand's hidden lessons and order...)
    translated = replace(course, lessons=dict(course.lessons), quizzes=dict(course.quizzes), sources=dict(course.sources),
                         file_ids=dict(course.file_ids), scenarios=dict(course.scenarios),
                         dialogues=dict(course.dialogues), figures=dict(course.figures), handouts=dict(course.handouts))
    for kind, item_id, source in source_items(course):
        translation.source_files[(kind, item_id)] = _source_file(course, kind, item_id)
        entry = read.get((kind, item_id))
        model = _overlaid(source, entry, findings) if entry is not None else None
        given = entry.texts if entry is not None and model is not None else {}
        translation.fallbacks[(kind, item_id)] = [p for p, _ in texts(source) if p not in given]
        if model is not None:
            _store(translated, kind, item_id, model)
    translated.settings = translated.settings.model_copy(update={"language": language, "strings": {}})
    translated.translation = translation
    return translated, findings


def _read_files(course: Course, paths: CoursePaths, language: str, translation: Translation,
                findings: list[Finding]) -> dict[tuple[str, str], TranslatedFile]:
    """Each translation file parsed and read against its source; those that may be laid over."""
    sources = {(kind, item_id): model for kind, item_id, model in source_items(course)}
    usable: dict[tuple[str, str], TranslatedFile] = {}
    folder = translations_dir(paths, language)
    for kind, sub in KINDS.items():
        files = [folder / "course.yml"] if sub is None else yaml_files(folder / sub)
        for file in files:
            if not file.is_file():
                continue
            doc, problems = load_yaml(file, paths.show(file))
            findings.extend(problems)
            if doc is None:
                continue
            item_id = course.settings.id if kind == "course" else file.stem
            source = sources.get((kind, item_id))
            if source is None:
                findings.append(Finding(doc.location(()), f"translates no {kind}: the course has no {kind} '{item_id}'",
                                        hint=f"name the file after a {kind} id of the course, or delete it", code="unresolved-reference"))
                continue
            entry = _entry(language, kind, item_id, doc, source, findings)
            translation.files[(kind, item_id)] = entry
            if not compare(source, doc.data)[1]:
                usable[(kind, item_id)] = entry
    return usable


def _entry(language: str, kind: str, item_id: str, doc: SourceDocument, source: BaseModel,
           findings: list[Finding]) -> TranslatedFile:
    found, _ = compare(source, doc.data)
    data = doc.data if isinstance(doc.data, dict) else {}
    hashes = data.get(HASHES_KEY, {})
    if not isinstance(hashes, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in hashes.items()):
        findings.append(Finding(doc.location((HASHES_KEY,)), f"`{HASHES_KEY}:` must map field paths to hashes",
                                hint="let `coursegen translations import` write it; delete it to mark every field as unchecked",
                                code="wrong-type", field=HASHES_KEY))
        hashes = {}
    return TranslatedFile(language, kind, item_id, doc.file, doc, source, found, dict(hashes))


def _overlaid(source: BaseModel, entry: TranslatedFile, findings: list[Finding]) -> BaseModel | None:
    """The source model with the translation's text in place, validated like any file."""
    data = source.model_dump(exclude_unset=True)
    for path, text in entry.texts.items():
        _set(data, path, text)
    try:
        return type(source).model_validate(data)
    except ValidationError as exc:
        findings.extend(translate_errors(exc, type(source), entry.doc))
        return None


def _set(data: dict, path: Path_, text: str) -> None:
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = text


def _store(course: Course, kind: str, item_id: str, model: BaseModel) -> None:
    if isinstance(model, CourseSettings):
        course.settings = model
    else:  # each kind's folder is the name of its collection on Course (lessons, quizzes, ...)
        getattr(course, str(KINDS[kind]))[item_id] = model


def _source_file(course: Course, kind: str, item_id: str) -> str:
    doc = course.sources.get((kind, item_id))
    return doc.file if doc is not None else course.file_ids.get((kind, item_id), item_id)


def without(translation: Translation | None, kind: str, item_id: str) -> Translation | None:
    """The translation with (kind, id) no longer the translated one (a brand replaced or
    hid it): nothing of it falls back, nothing of it is stale."""
    if translation is None:
        return None
    return replace(translation, fallbacks={k: v for k, v in translation.fallbacks.items() if k != (kind, item_id)},
                   files={k: v for k, v in translation.files.items() if k != (kind, item_id)})


def rebranded(translation: Translation | None, old_id: str, new_id: str, given: set[str]) -> Translation | None:
    """The translation once a brand's course settings replace the course's: under the new
    course id, with the fields the brand gives itself (`given`, e.g. title) no longer
    falling back."""
    if translation is None or ("course", old_id) not in translation.fallbacks:
        return translation
    fallbacks = dict(translation.fallbacks)
    paths = fallbacks.pop(("course", old_id))
    fallbacks[("course", new_id)] = [p for p in paths if p[0] not in given]
    files = {(k if k != ("course", old_id) else ("course", new_id)): v for k, v in translation.files.items()}
    return replace(translation, fallbacks=fallbacks, files=files)

