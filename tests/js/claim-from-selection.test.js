// The pure parts of build_scripts/renderers/mkdocs/preview_only/claim-from-selection.js
// (the preview's claim from a selection), on invented text.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const claim = require("../../build_scripts/renderers/mkdocs/preview_only/claim-from-selection.js");

// FICTIONAL: a text with a line break inside a sentence, a non-breaking space, curly quotes and a repeat.
const SOURCE = "The council met on Friday.\n\nIt said the \u201cbridge\u201d would\nreopen\u00a0soon. " +
  "The council met again.\n";
// The page shows the blocks joined by a space, quote marks as the text has them.
const PAGE = " The council met on Friday. It said the \u201cbridge\u201d would reopen soon. The council met again.";

test("text is normalised as check normalises it, with offsets into the original", () => {
  const { normal, offsets } = claim.normaliseWithOffsets("  a\u00a0\n b \u2019c\u201d ");
  assert.equal(normal, "a b 'c\"");
  assert.deepEqual(offsets, [2, 3, 6, 7, 8, 9, 10]);  // as _normalise_with_offsets gives
  assert.equal(claim.normalise("x\u2003\ny"), "x y", "an em space is white space, as for Python");
  assert.equal(claim.collapseSpaces(" a \n\u00a0b\u201d "), "a b\u201d", "only white space changes");
});

test("places are counted as SourceText.find counts them", () => {
  assert.deepEqual(claim.occurrences("aaaa", "aa"), [0, 2], "a short needle: places that do not overlap");
  assert.deepEqual(claim.occurrences("ab ab ab ab ab ab ab", "ab ab ab ab"), [0, 3, 6, 9], "a keyed needle: every place");
  assert.deepEqual(claim.occurrences("abc", ""), []);
});

test("a selection is widened to whole words, without spaces at its ends", () => {
  const text = "the council met";
  assert.deepEqual(claim.widenToWords(text, 6, 9), [4, 11]);
  assert.deepEqual(claim.widenToWords(text, 3, 9), [4, 11]);
  assert.deepEqual(claim.widenToWords(text, 0, 15), [0, 15]);
});

test("the quote is the text's own words, white space collapsed, its place checked", () => {
  const start = PAGE.indexOf("the \u201cbridge");
  const found = claim.quoteFromSelection(SOURCE, PAGE, start, PAGE.indexOf(" soon") + 3);  // "so" cut: widened
  assert.deepEqual(found, { quote: "the \u201cbridge\u201d would reopen soon", occurrence: 0, count: 1 });
});

test("words that occur twice get the occurrence of the selected place", () => {
  const second = PAGE.lastIndexOf("The council met");
  assert.deepEqual(claim.quoteFromSelection(SOURCE, PAGE, second, second + 15),
    { quote: "The council met", occurrence: 2, count: 2 });
  assert.equal(claim.quoteFromSelection(SOURCE, PAGE, 1, 16).occurrence, 1);
  // A page whose text is not the source's (a part of it elsewhere): a repeat cannot be told apart.
  const elsewhere = " Foreword. The council met.";
  assert.match(claim.quoteFromSelection(SOURCE, elsewhere, 11, 26).problem, /occur 2 times/);
});

test("words that are not in the text are refused", () => {
  const page = " The council never met.";
  assert.match(claim.quoteFromSelection(SOURCE, page, 1, 22).problem, /not in the source's text/);
  assert.match(claim.quoteFromSelection(SOURCE, PAGE, 0, 1).problem, /Select some words/);
});

test("a date the quote gives is found, with its words and how it is known", () => {
  assert.deepEqual(claim.dateIn("signed on October 5, 2018 in Delhi"),
    { said_as: "October 5, 2018", basis: "stated", value: "2018-10-05" });
  assert.deepEqual(claim.dateIn("in Oct. 2018"), { said_as: "Oct. 2018", basis: "stated", value: "2018-10" });
  assert.deepEqual(claim.dateIn("on 3 March"), { said_as: "3 March", basis: "stated", value: "YYYY-03-03" });
  assert.deepEqual(claim.dateIn("a deal Friday for Moscow"), { said_as: "Friday", basis: "relative", value: "YYYY-MM-DD" });
  assert.deepEqual(claim.dateIn("Last month, India"), { said_as: "Last month", basis: "relative", value: "YYYY-MM-DD" });
  assert.deepEqual(claim.dateIn("the 2016 elections"), { said_as: "2016", basis: "stated", value: "2016" });
  assert.equal(claim.dateIn("the Mayor said so"), null, "'May' inside a word is no month");
  assert.equal(claim.dateIn("no date here"), null);
  assert.match(claim.dateLines(null)[0], /^# If the quote dates what it says/);
  assert.ok(claim.dateLines(claim.dateIn("on Friday")).every((line) => line.startsWith("#")), "a hint, commented");
});

test("the skeleton's markers are filled in, indented as they stand", () => {
  const template = "  - id: x\n    evidence:\n      - source: s\n        @@quote@@\n    actors: [@@actors@@]\n" +
                   "    @@date@@\n    added: @@added@@\n";
  const found = { quote: "say \"so\"", occurrence: 2, count: 2 };
  const text = claim.skeletonFor(template, found, ["india", "russia"], "2026-12-07");
  assert.equal(text, "  - id: x\n    evidence:\n      - source: s\n        quote: \"say \\\"so\\\"\"\n" +
    "        # The quote occurs more than once in the text; this is occurrence 2.\n        occurrence: 2\n" +
    "    actors: [india, russia]\n    # If the quote dates what it says, add its date (CONTRIBUTING: 'date').\n" +
    "    added: 2026-12-07\n");
  assert.equal(claim.fillSkeleton("a\n  @@none@@\nb", {}), "a\nb", "a marker line with nothing goes");
});

test("actor ids come from the mention links' addresses", () => {
  assert.deepEqual(claim.actorIds(["../actors/india.html", "../../actors/russia.html#x", "../actors/india.html",
    "../topics/oil.html"]), ["india", "russia"]);
  assert.equal(claim.day(new Date(2026, 0, 5)), "2026-01-05");
});
