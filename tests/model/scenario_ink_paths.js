// The paths of an ink story, walked by ink's own runtime (npm inkjs): an oracle for
// generator/model/scenario_paths.py. Usage: node scenario_ink_paths.js story.ink
// Each knot writes "@<knot>" first; an ending's knot writes "@end" and stops. A choice
// that leads back to a knot already on the path is cut there (the scenario's rule), so
// the count is of paths from the start to an ending. Prints the count.
const fs = require("fs");
const { Compiler } = require("inkjs/full");

const story = new Compiler(fs.readFileSync(process.argv[2], "utf8")).Compile();
let count = 0;

function knotsIn(text) {
  return text.split("\n").filter((line) => line.startsWith("@")).map((line) => line.slice(1).trim());
}

function walk(saved, onPath) {
  story.state.LoadJson(saved);
  const knots = knotsIn(story.ContinueMaximally());
  if (knots.includes("end")) { count += 1; return; }
  const here = knots[knots.length - 1];
  if (onPath.has(here)) return;  // a loop: cut at the revisit
  const next = new Set(onPath).add(here);
  const state = story.state.toJson();
  const choices = story.currentChoices.length;
  for (let i = 0; i < choices; i += 1) {
    story.state.LoadJson(state);
    story.ChooseChoiceIndex(i);
    walk(story.state.toJson(), next);
  }
}

walk(story.state.toJson(), new Set());
process.stdout.write(String(count));
