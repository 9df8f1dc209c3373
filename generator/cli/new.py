"""`coursegen new course DIR`: a new project; `coursegen new lesson|quiz|scenario|handout ID`: start
a file from a commented one that passes `check` (scaffold/)."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from generator.cli.common import EXIT_OK, settings
from generator.scaffold.files import ScaffoldError, new_handout, new_lesson, new_quiz, new_scenario


def add_parser(sub) -> None:
    p = sub.add_parser("new", help="start a course, or a lesson, quiz, scenario or handout from a commented file that passes `check`")
    p.add_argument("kind", choices=["course", "lesson", "quiz", "scenario", "handout"])
    p.add_argument("id", metavar="ID|DIR", help="lesson, quiz, scenario, handout: lowercase letters, digits and hyphens, e.g. negotiation-basics; "
                                                "course: a new or empty folder")
    p.add_argument("--title", help="course, lesson or handout title (default: from the folder's name or the id)")
    p.add_argument("--language", help="course: the language of the site's interface strings (default: en)")
    p.add_argument("--module", help="lesson: add it to the module with this title (default: the last module)")
    p.add_argument("--new-module", action="store_true", help="lesson: create the --module at the end of `modules:` if there is none of that title")
    p.add_argument("--lesson", help="quiz: the lesson it checks (default: ID without -quiz); scenario: the lesson that shows it")
    p.add_argument("--final", action="store_true", help="quiz: make it the course's final assessment")
    p.set_defaults(run=run)


def run(args) -> int:
    _options_fit(args)
    if args.kind == "course":
        return _course(args)
    project = settings(args)
    if args.kind == "lesson":
        created = new_lesson(project.paths, args.id, title=args.title, module=args.module, new_module=args.new_module)
    elif args.kind == "scenario":
        created = new_scenario(project.paths, args.id, args.lesson)
    elif args.kind == "handout":
        created = new_handout(project.paths, args.id, args.title)
    else:
        created = new_quiz(project.paths, args.id, args.lesson, final=args.final, min_questions=project.options.min_questions)
    for file in created.files:
        print(f"wrote {file}", file=sys.stderr)
    for note in created.notes:
        print(f"note: {note}", file=sys.stderr)
    nxt = f"coursegen new quiz {args.id}-quiz" if args.kind == "lesson" else "coursegen check"
    print(f"Next: fill in the text marked 'Write ...' or 'Say ...', then run `{nxt}`.", file=sys.stderr)
    return EXIT_OK


def _course(args) -> int:
    from generator.scaffold.course import new_course

    folder = Path(args.id)
    created = new_course(folder, title=args.title, language=args.language or "en")
    print(f"wrote {len(created.files)} files in {folder}: {', '.join(created.files)}", file=sys.stderr)
    go = "" if folder.resolve() == Path.cwd() else f"`cd {shlex.quote(str(folder))}`, then "
    print(f"Next: {go}`coursegen serve` to preview it; replace the placeholder "
          "texts in course/ and quizzes/, and run `coursegen check --strict` and `coursegen build` to publish.", file=sys.stderr)
    return EXIT_OK


def _options_fit(args) -> None:
    """Refuse an option given for another kind: it would be silently ignored."""
    allowed = {"course": {"title", "language"}, "lesson": {"title", "module", "new_module"}, "quiz": {"lesson", "final"},
               "scenario": {"lesson"}, "handout": {"title"}}[args.kind]
    for name in ("title", "language", "module", "new_module", "lesson", "final"):
        if getattr(args, name) not in (None, False) and name not in allowed:
            raise ScaffoldError(f"--{name.replace('_', '-')} does not apply to `coursegen new {args.kind}`")
