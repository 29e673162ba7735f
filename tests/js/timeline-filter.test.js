// The pure parts of docs/assets/timeline-filter.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const filter = require("../../docs/assets/timeline-filter.js");

test("a list holds a value only as a whole word; no value matches all", () => {
  assert.equal(filter.hasValue("sanctions trade-deal", "trade-deal"), true);
  assert.equal(filter.hasValue("sanctions trade-deal", "trade"), false);
  assert.equal(filter.hasValue("", "trade"), false);
  assert.equal(filter.hasValue("sanctions", ""), true);
});

test("an option's count is left out of its label", () => {
  assert.equal(filter.optionLabel("Sanctions (12)"), "Sanctions");
  assert.equal(filter.optionLabel("Talks (in 1955)"), "Talks (in 1955)");
});

test("the live region says how many events are shown, and for what", () => {
  assert.equal(filter.statusText(40, 40, { topic: "", actor: "" }), "Showing all 40 events.");
  assert.equal(filter.statusText(3, 40, { topic: "Sanctions", actor: "" }),
    "Showing 3 of 40 events (topic: Sanctions).");
  assert.equal(filter.statusText(1, 40, { topic: "Sanctions", actor: "Orla Vantrel" }),
    "Showing 1 of 40 events (topic: Sanctions; actor: Orla Vantrel).");
});

test("the choice is kept in the address, other parameters and the fragment kept", () => {
  assert.equal(filter.addressWithChoice("https://e.org/timeline.html?x=1&topic=old#m", { topic: "new", actor: "" }),
    "https://e.org/timeline.html?x=1&topic=new#m");
  assert.equal(filter.addressWithChoice("file:///d/timeline.html?topic=a&actor=b", { topic: "", actor: "" }),
    "file:///d/timeline.html");
});

test("only a choice the page offers is taken from the address", () => {
  const offered = { topic: ["", "sanctions"], actor: ["", "orla-vantrel"] };
  assert.deepEqual(filter.choiceFromAddress("?topic=sanctions&actor=nobody", offered), { topic: "sanctions" });
  assert.deepEqual(filter.choiceFromAddress("", offered), {});
});

test("a section is empty when all of its events are hidden, and it has some", () => {
  assert.equal(filter.sectionIsEmpty([{ hidden: true }, { hidden: true }]), true);
  assert.equal(filter.sectionIsEmpty([{ hidden: true }, { hidden: false }]), false);
  assert.equal(filter.sectionIsEmpty([]), false);
});

test("each option counts the events it would leave with the other list's choice", () => {
  const events = [
    { topic: "oil sanctions", actor: "iran india" },
    { topic: "oil", actor: "india" },
    { topic: "afghanistan", actor: "pakistan" },
  ];
  assert.deepEqual(filter.optionCounts(events, "topic", "actor", ""), { "": 3, oil: 2, sanctions: 1, afghanistan: 1 });
  assert.deepEqual(filter.optionCounts(events, "topic", "actor", "india"), { "": 2, oil: 2, sanctions: 1 });
  assert.deepEqual(filter.optionCounts(events, "actor", "topic", "afghanistan"), { "": 1, pakistan: 1 });
  assert.deepEqual(filter.optionCounts(events, "actor", "topic", "none"), { "": 0 });
});

test("a gap's spacer grows with the log of the months, capped, and says how long", () => {
  assert.deepEqual(filter.gapFor(1), { step: 0, text: "" });
  assert.deepEqual(filter.gapFor(2), { step: 1, text: "2 months later" });
  assert.deepEqual(filter.gapFor(19), { step: 4, text: "19 months later" });
  assert.deepEqual(filter.gapFor(24), { step: 5, text: "2 years later" });
  assert.deepEqual(filter.gapFor(30), { step: 5, text: "3 years later" });
  assert.deepEqual(filter.gapFor(554), { step: 8, text: "46 years later" });
});

test("the spacers follow the months left shown", () => {
  const groups = [{ at: 100, shown: false }, { at: 110, shown: true }, { at: 111, shown: false }, { at: 140, shown: true }];
  assert.deepEqual(filter.regap(groups), [
    { hidden: true, step: 0, text: "" },
    { hidden: false, step: 0, text: "" },
    { hidden: true, step: 0, text: "" },
    { hidden: false, step: 5, text: "3 years later" },
  ]);
});
