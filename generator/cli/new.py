"""`coursegen new lesson|quiz ID`: start a file from a commented one that passes `check` (scaffold/)."""

from __future__ import annotations

import sys

from generator.cli.common import EXIT_OK, settings
from generator.scaffold.files import new_lesson, new_quiz


def add_parser(sub) -> None:
    p = sub.add_parser("new", help="start a lesson or quiz from a commented file that passes `check`")
    p.add_argument("kind", choices=["lesson", "quiz"])
    p.add_argument("id", metavar="ID", help="lowercase letters, digits and hyphens, e.g. negotiation-basics")
    p.add_argument("--title", help="lesson title (default: from the id)")
    p.add_argument("--module", help="lesson: add it to the module with this title (default: the last module)")
    p.add_argument("--lesson", help="quiz: the lesson it checks (default: ID without -quiz)")
    p.add_argument("--final", action="store_true", help="quiz: make it the course's final assessment")
    p.set_defaults(run=run)


def run(args) -> int:
    project = settings(args)
    if args.kind == "lesson":
        created = new_lesson(project.paths, args.id, title=args.title, module=args.module)
    else:
        created = new_quiz(project.paths, args.id, args.lesson, final=args.final, min_questions=project.options.min_questions)
    for file in created.files:
        print(f"wrote {file}", file=sys.stderr)
    for note in created.notes:
        print(f"note: {note}", file=sys.stderr)
    nxt = f"coursegen new quiz {args.id}-quiz" if args.kind == "lesson" else "coursegen check"
    print(f"Next: fill in the text marked 'Write ...' or 'Say ...', then run `{nxt}`.", file=sys.stderr)
    return EXIT_OK
