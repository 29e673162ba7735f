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
