// The pure parts of docs/assets/term-tips.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const termTips = require("../../docs/assets/term-tips.js");

const ENTRIES = {
  "S-400": [["S-400 Triumf", "glossary.html#s-400"]],
  "the accord": [["The nuclear deal.", "glossary-t.html#jcpoa-accord"], ["The trade pact.", "glossary-t.html#pact"]],
};

test("a term's entry is found by how it is written, and by its meaning among terms written alike", () => {
  assert.equal(termTips.entryFor(ENTRIES, "S-400", "S-400 Triumf"), "glossary.html#s-400");
  assert.equal(termTips.entryFor(ENTRIES, "the accord", "The trade pact."), "glossary-t.html#pact");
  assert.equal(termTips.entryFor(ENTRIES, "the accord", "Something else."), "glossary-t.html#jcpoa-accord");
});

test("a term with no entry, or no entries loaded, has no address", () => {
  assert.equal(termTips.entryFor(ENTRIES, "S-300", "S-300"), null);
  assert.equal(termTips.entryFor(ENTRIES, "constructor", "x"), null, "not an Object property");
  assert.equal(termTips.entryFor(null, "S-400", "S-400 Triumf"), null);
});

test("the bubble stays on the screen: under the term, moved left at the right edge", () => {
  assert.equal(termTips.bubbleLeft(40, 200, 360, 8), 40);
  assert.equal(termTips.bubbleLeft(300, 200, 360, 8), 152);
  assert.equal(termTips.bubbleLeft(2, 200, 360, 8), 8);
  assert.equal(termTips.bubbleLeft(100, 400, 360, 8), 8, "wider than the screen: from the left margin");
});

test("Enter and Space open or close a term, as they press a button; other keys do not", () => {
  assert.equal(termTips.presses("Enter"), true);
  assert.equal(termTips.presses(" "), true);
  assert.equal(termTips.presses("Tab"), false);
  assert.equal(termTips.presses("Escape"), false);
});
