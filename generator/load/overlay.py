"""A brand's course overlay: the base course with the brand's changes, never edited.

The brand folder may hold `lessons/*.yml`, `quizzes/*.yml` and `scenarios/*.yml` (same
format as the course's). A lesson, quiz or scenario whose id is already in the base
course replaces it; any other is added. `course:` in brand.yml may hide lessons (their
quizzes and scenarios go with them, and final-quiz questions on their objectives are
left out, with their share of a pooled final's `draw`) and scenarios
(`hide_scenarios:`), and give a new order.
The merged course then goes through the same integrity checks as any course, so a
brand quiz that names a missing objective is reported at its own file and line.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import Finding
from generator.load.brand import LoadedBrand
from generator.load.course import CoursePaths, Item, load_model, yaml_files
from generator.load.translation import rebranded, without
from generator.model.course import Course, Lesson, Module, Quiz
from generator.model.scenario import Scenario


def apply_overlay(base: Course, brand: LoadedBrand, paths: CoursePaths) -> tuple[Course | None, list[Finding]]:
    """The merged course (a new object; `base` is left as it was) and the overlay's findings."""
    findings: list[Finding] = []
    merged = Course(base.settings, dict(base.lessons), dict(base.quizzes), dict(base.sources), dict(base.file_ids),
                    translation=base.translation, scenarios=dict(base.scenarios),
                    dialogues=dict(base.dialogues), handouts=dict(base.handouts),
                    # a brand keeps the course's dialogues, handouts and figures (its own: not yet)
                    figures=dict(base.figures), figure_svgs=dict(base.figure_svgs))
    base_lessons = set(base.settings.lesson_order()) | {s for k, s in base.file_ids if k == "lesson"}
    added = _load_into(merged, brand, paths, findings)
    hidden = _hide(merged, brand, findings)
    settings = _settings(base, brand, [i for i in added if i not in base_lessons], hidden, merged, findings)
    if settings is None or any(f.is_error for f in findings):
        return None, findings
    merged.sources[("course", settings.id)] = base.sources[("course", base.settings.id)]
    merged.settings = settings
    merged.base_order = base.settings.lesson_order()
    given = {"title"} | ({"description"} if brand.model.course.description else set())  # the brand's own words
    merged.translation = rebranded(merged.translation, base.settings.id, settings.id, given)
    return merged, findings


def _load_into(merged: Course, brand: LoadedBrand, paths: CoursePaths, findings: list[Finding]) -> list[str]:
    """Load the brand's lessons and quizzes over the base ones; return the lesson ids loaded."""
    overlay = brand.model.course
    loaded = _load_kind(merged, "lesson", brand.folder / overlay.lessons_dir, Lesson, merged.lessons, paths, findings)
    _load_kind(merged, "quiz", brand.folder / overlay.quizzes_dir, Quiz, merged.quizzes, paths, findings)
    _load_kind(merged, "scenario", brand.folder / overlay.scenarios_dir, Scenario, merged.scenarios, paths, findings)
    return loaded


def _load_kind(merged: Course, kind: str, folder: Path, model: type[Item], store: dict[str, Item], paths: CoursePaths,
               findings: list[Finding]) -> list[str]:
    """One kind's files of the brand folder into `store`; the ids loaded."""
    loaded: list[str] = []
    for file in yaml_files(folder):
        merged.file_ids[(kind, file.stem)] = paths.show(file)
        item, doc = load_model(file, model, paths, findings)
        if item is None or doc is None:
            store.pop(file.stem, None)  # a broken replacement must not fall back silently
            continue
        if item.id != file.stem:
            findings.append(Finding(doc.location(("id",)), f"the {kind} id '{item.id}' does not match its file name '{file.name}'",
                                    hint=f"rename the file to {item.id}{file.suffix} or set `id: {file.stem}`", code="id-filename"))
            continue
        store[item.id] = item
        merged.sources[(kind, item.id)] = doc
        merged.translation = without(merged.translation, kind, item.id)  # the brand's own text replaces it
        loaded.append(item.id)
    return loaded


def _hide(merged: Course, brand: LoadedBrand, findings: list[Finding]) -> set[str]:
    """Take hidden lessons out, with their quizzes and the final-quiz questions on them."""
    hidden: set[str] = set()
    objectives: set[str] = set()
    for i, lesson_id in enumerate(brand.model.course.hide):
        lesson = merged.lessons.get(lesson_id)
        if lesson is None:
            known = sorted(merged.lessons)
            findings.append(Finding(brand.doc.location(("course", "hide", i)), f"cannot hide lesson '{lesson_id}': the course has no such lesson",
                                    hint=f"use one of: {', '.join(known)}", code="unresolved-reference", field="course.hide"))
            continue
        hidden.add(lesson_id)
        objectives |= {o.id for o in lesson.objectives}
        merged.file_ids.pop(("lesson", lesson_id), None)
        merged.sources.pop(("lesson", lesson_id), None)
        merged.hidden[lesson_id] = lesson
        del merged.lessons[lesson_id]
        merged.translation = without(merged.translation, "lesson", lesson_id)
        for quiz in [q for q in merged.quizzes.values() if q.lesson == lesson_id or q.id == lesson.quiz]:
            if quiz.final:
                continue
            del merged.quizzes[quiz.id]
            merged.translation = without(merged.translation, "quiz", quiz.id)
            merged.file_ids.pop(("quiz", quiz.id), None)
    _hide_scenarios(merged, brand, hidden, findings)
    for quiz_id, quiz in list(merged.quizzes.items()):
        if quiz.final and objectives:
            kept = [q for q in quiz.questions if q.objective not in objectives]
            if len(kept) != len(quiz.questions):
                merged.quizzes[quiz_id] = quiz.model_copy(update={"questions": kept, "draw": _kept_draw(quiz, kept)})
    return hidden


def _kept_draw(quiz: Quiz, kept: list) -> int | None:
    """A pooled final's draw without the hidden lessons' share of it. With `draw_by:
    objective` an attempt takes about draw / objectives questions from each objective, so
    the draw shrinks with the objectives left out (else the few left would each give two
    questions, and a retake would repeat them); without it, with the questions left out."""
    if not quiz.draw or not kept:
        return quiz.draw
    if quiz.draw_by == "objective":
        share = len({q.objective for q in kept}) / len({q.objective for q in quiz.questions})
    else:
        share = len(kept) / len(quiz.questions)
    return min(len(kept), max(1, round(quiz.draw * share)))


def _hide_scenarios(merged: Course, brand: LoadedBrand, hidden: set[str], findings: list[Finding]) -> None:
    """Take out the scenarios of hidden lessons, and those `hide_scenarios:` names."""
    gone = {sid for sid, scenario in merged.scenarios.items() if scenario.lesson in hidden}
    for i, sid in enumerate(brand.model.course.hide_scenarios):
        if sid not in merged.scenarios:
            findings.append(Finding(brand.doc.location(("course", "hide_scenarios", i)),
                                    f"cannot hide scenario '{sid}': the course has no such scenario",
                                    hint=f"use one of: {', '.join(sorted(merged.scenarios)) or 'none, the course has no scenarios'}",
                                    code="unresolved-reference", field="course.hide_scenarios"))
        gone.add(sid)
    for sid in gone:
        merged.translation = without(merged.translation, "scenario", sid)
        merged.scenarios.pop(sid, None)
        merged.sources.pop(("scenario", sid), None)
        merged.file_ids.pop(("scenario", sid), None)


def _settings(base: Course, brand: LoadedBrand, new_lessons: list[str], hidden: set[str], merged: Course,
              findings: list[Finding]):
    overlay, model = brand.model.course, brand.model
    language = model.language or base.settings.language
    strings = dict(base.settings.strings) if language == base.settings.language else {}
    update: dict = {
        "id": overlay.id or f"{base.settings.id}-{brand.name}",
        "title": overlay.title or model.site_title,
        "description": overlay.description or base.settings.description,
        "language": language,
        "strings": strings | model.strings,
        "final_quiz": overlay.final_quiz or base.settings.final_quiz,
    }
    if overlay.lessons is not None and overlay.modules is not None:
        findings.append(Finding(brand.doc.location(("course", "modules"), key=True),
                                "give either `lessons:` or `modules:` under `course:`, not both", code="invalid", field="course"))
        return None
    if overlay.lessons is not None:
        _check_order(brand, [(lid, ("course", "lessons", i)) for i, lid in enumerate(overlay.lessons)], hidden, merged, findings)
        update |= {"lessons": list(overlay.lessons), "modules": None}
        merged.order_source = (brand.doc, ("course",))
    elif overlay.modules is not None:
        order = [(lid, ("course", "modules", m, "lessons", i)) for m, mod in enumerate(overlay.modules) for i, lid in enumerate(mod.lessons)]
        _check_order(brand, order, hidden, merged, findings)
        update |= {"lessons": None, "modules": _brand_modules(base, overlay.modules)}
        merged.order_source = (brand.doc, ("course",))
    elif base.settings.modules is not None:
        modules = [replace_lessons(m, [lid for lid in m.lessons if lid not in hidden]) for m in base.settings.modules]
        modules = [m for m in modules if m.lessons]
        if new_lessons and modules:
            modules[-1] = replace_lessons(modules[-1], modules[-1].lessons + new_lessons)
        update |= {"modules": modules or None, "lessons": None if modules else new_lessons}
    else:
        update["lessons"] = [lid for lid in base.settings.lessons or [] if lid not in hidden] + new_lessons
    return base.settings.model_copy(update=update)


def _brand_modules(base: Course, modules: list) -> list[Module]:
    """A brand's modules (model/brand.Module) as the course's. Scenarios on their own pages:
    those the brand's modules list, when any does; else each base module's go to the brand
    module that holds the last of its lessons the brand shows (after the lessons they practise)."""
    if any(m.scenarios is not None for m in modules):
        return [Module(title=m.title, lessons=list(m.lessons), scenarios=list(m.scenarios or [])) for m in modules]
    home = {lesson_id: i for i, m in enumerate(modules) for lesson_id in m.lessons}
    placed: list[list[str]] = [[] for _ in modules]
    for module in base.settings.modules or []:
        shown = [home[lesson_id] for lesson_id in module.lessons if lesson_id in home]
        if shown:
            placed[shown[-1]] += [sid for sid in module.scenarios if sid not in placed[shown[-1]]]
    return [Module(title=m.title, lessons=list(m.lessons), scenarios=placed[i]) for i, m in enumerate(modules)]


def replace_lessons(module: Module, lessons: list[str]) -> Module:
    return module.model_copy(update={"lessons": lessons})


def _check_order(brand: LoadedBrand, order: list[tuple[str, tuple]], hidden: set[str], merged: Course,
                 findings: list[Finding]) -> None:
    seen: set[str] = set()
    for lesson_id, path in order:
        where = brand.doc.location(path)
        if lesson_id in seen:
            findings.append(Finding(where, f"lesson '{lesson_id}' is listed twice", hint="remove the second entry",
                                    code="duplicate-id", field="course"))
        elif lesson_id in hidden:
            findings.append(Finding(where, f"lesson '{lesson_id}' is both hidden and in the order",
                                    hint="remove it from `hide:` or from the order", code="invalid", field="course"))
        elif lesson_id not in merged.lessons:
            findings.append(Finding(where, f"lesson '{lesson_id}' is neither in the course nor in the brand's lessons/",
                                    hint=f"use one of: {', '.join(sorted(merged.lessons))}", code="unresolved-reference", field="course"))
        seen.add(lesson_id)
