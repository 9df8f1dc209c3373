// Read a GIFT file with npm's gift-pegjs and print its questions as JSON (test_quizbank_gift.py).
// Usage: node gift_parse.js <path of gift-pegjs> <file.gift>
"use strict";
const fs = require("fs");
const { parse } = require(process.argv[2]);
process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[3], "utf8"))));
