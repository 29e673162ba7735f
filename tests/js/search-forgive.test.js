// The pure parts of docs/assets/search-forgive.js. The names below are
// invented for these tests (fictional people and places), not the dossier's.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const forgive = require("../../docs/assets/search-forgive.js");

const NAMES = forgive.prepareNames([
  "Orla Vantrel", "Brisk Harbour", "Kestoria", "QX-450 accord", "New Pellham", "Zamir Odu",
]);

test("squash leaves out case, accents, hyphens and spaces", () => {
  assert.equal(forgive.squash("Ké-Stória  9"), "kestoria9");
});

test("distance counts a swap of neighbours as one edit", () => {
  assert.equal(forgive.distance("kestoria", "kestoira", 2), 1);
  assert.equal(forgive.distance("kestoria", "kestoria", 2), 0);
  assert.equal(forgive.distance("odu", "oduxx", 1), 2, "stops above max: max + 1");
});

test("a word may be one letter off, two from eight letters, none under four", () => {
  assert.equal(forgive.allowed("abc"), 0);
  assert.equal(forgive.allowed("abcd"), 1);
  assert.equal(forgive.allowed("abcdefgh"), 2);
});

test("the nearest name is found for a letter added, dropped, changed or swapped", () => {
  assert.equal(forgive.suggest(NAMES, "Vanttrel"), "Vantrel");
  assert.equal(forgive.suggest(NAMES, "Zamr"), "Zamir");
  assert.equal(forgive.suggest(NAMES, "Kestorja"), "Kestoria");
  assert.equal(forgive.suggest(NAMES, "Kestoira"), "Kestoria");
});

test("a name run together or without its hyphen is found", () => {
  assert.equal(forgive.suggest(NAMES, "newpellham"), "New Pellham");
  assert.equal(forgive.suggest(NAMES, "QX450"), "QX-450");
});

test("each word of a query is mended on its own, known words kept", () => {
  assert.equal(forgive.suggest(NAMES, "Orla Vantrell"), "Orla Vantrel");
});

// The phonetic key: the rules the build uses (build_scripts/site_source/sound_rules.json),
// on the spellings that tests/test_search_names.py checks the Python key with.
const fs = require("node:fs");
const path = require("node:path");
const ROOT = path.join(__dirname, "..", "..");
const RULES = JSON.parse(fs.readFileSync(path.join(ROOT, "build_scripts/site_source/sound_rules.json"), "utf8"))
  .rules.map((rule) => [rule.find, rule.put]);
const COMPILED = forgive.compileRules(RULES);
const CASES = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/sound_key_cases.json"), "utf8"));

test("common transliterations of a name share its phonetic key", () => {
  for (const [one, other, why] of CASES.same) {
    assert.equal(forgive.soundKey(one, COMPILED), forgive.soundKey(other, COMPILED), `${one} / ${other}: ${why}`);
  }
});

test("different names have different phonetic keys", () => {
  for (const [one, other, why] of CASES.different) {
    assert.notEqual(forgive.soundKey(one, COMPILED), forgive.soundKey(other, COMPILED), `${one} / ${other}: ${why}`);
  }
});

// Keys made as the build makes them (search_names.sounds): each name, then its words, first one kept.
function withSounds(names) {
  const keys = {};
  for (const name of names) {
    for (const text of [name, ...name.split(/\s+/)]) {
      const key = forgive.soundKey(text, COMPILED);
      if (key.length >= 3 && !(key in keys)) keys[key] = text;
    }
  }
  return forgive.prepareNames(names, { rules: RULES, keys });
}

const SOUNDING = withSounds(["Orla Vantrel", "Kestoria", "Zamir Odu", "Varosh Kharimi", "Iraz", "Irak"]);

test("a name's common transliteration finds it, word by word too", () => {
  assert.equal(forgive.suggest(SOUNDING, "Wantrelle"), "Vantrel");          // w/v, doubled l, silent e
  assert.equal(forgive.suggest(SOUNDING, "Kharimee"), "Kharimi");           // ee/i
  assert.equal(forgive.suggest(SOUNDING, "Varosh Karimi"), "Varosh Kharimi"); // kh/k: a whole name
  assert.equal(forgive.suggest(SOUNDING, "Orla Wantrelle"), "Orla Vantrel");
  assert.equal(forgive.suggest(SOUNDING, "Zamir Oudou"), "Zamir Odu");       // ou/u
});

test("the same sound comes before a letter off", () => {
  // "Iraq" is one letter from "Iraz" and from "Irak", and sounds as "Irak".
  assert.equal(forgive.suggest(SOUNDING, "Iraq"), "Irak");
});

test("without the keys, only letters count", () => {
  assert.equal(forgive.suggest(NAMES, "Wantrelle"), null);
});

test("a query that is a name, or too far from any, is never changed", () => {
  assert.equal(forgive.suggest(NAMES, "Kestoria"), null);
  assert.equal(forgive.suggest(NAMES, "Odu"), null);
  assert.equal(forgive.suggest(NAMES, "submarine"), null);
  assert.equal(forgive.suggest(NAMES, "ab"), null);
});

// Material asks its worker once per new value of the box (keyup, focus,
// blur), in order; before the index is ready, once, for the latest value.
test("the answer is the box's when no other answer is due", () => {
  const tracker = forgive.createAnswerTracker("");
  tracker.seen("K", true);
  tracker.seen("Ke", true);
  tracker.seen("Kes", true);
  assert.deepEqual(tracker.answered(), { value: "Kes", byReader: true }, "the first answer: the latest value");
  tracker.seen("Kest", true);
  tracker.seen("Kesto", true);
  assert.equal(tracker.answered(), null, "the answer for Kest: one for Kesto is still due");
  assert.deepEqual(tracker.answered(), { value: "Kesto", byReader: true });
});

test("a value seen twice in a row is asked for once", () => {
  const tracker = forgive.createAnswerTracker("");
  tracker.seen("Odu", true);
  assert.deepEqual(tracker.answered(), { value: "Odu", byReader: true });
  tracker.seen("Odu", true);          // blur: same value, no new question
  tracker.seen("Odux", true);
  assert.deepEqual(tracker.answered(), { value: "Odux", byReader: true });
});

test("a value set by the script itself is not the reader's", () => {
  const tracker = forgive.createAnswerTracker("");
  tracker.seen("Zamr", true);
  assert.equal(tracker.answered().byReader, true);
  tracker.seen("Zamir", false);
  assert.deepEqual(tracker.answered(), { value: "Zamir", byReader: false });
});

test("an answer nobody is waiting for is not taken as the box's", () => {
  const tracker = forgive.createAnswerTracker("");
  tracker.answered();
  assert.equal(tracker.answered(), null);
});

test("settle() takes the answer on display as the last: the next value is due alone", () => {
  const tracker = forgive.createAnswerTracker("");
  tracker.seen("Z", true);
  tracker.answered();
  tracker.seen("Za", true);
  tracker.seen("Zar", true);
  assert.equal(tracker.answered(), null, "one more answer counted as due");
  tracker.settle();                   // none came: the one on display was the last
  tracker.seen("Zarf", true);
  assert.deepEqual(tracker.answered(), { value: "Zarf", byReader: true });
});
