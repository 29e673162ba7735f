// The pure parts of docs/assets/cite.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const cite = require("../../docs/assets/cite.js");

test("the day is written as the citations write days", () => {
  assert.equal(cite.formatDay(new Date(2026, 0, 5)), "2026-01-05");
  assert.equal(cite.formatDay(new Date(2026, 11, 31)), "2026-12-31");
});

test("a relative address is made full on a served page only", () => {
  const href = "../sources/a.html#q-c1";
  assert.equal(cite.fullAddress("sources/a.html#q-c1", href, "https://example.org/d/actors/x.html"),
    "https://example.org/d/sources/a.html#q-c1");
  assert.equal(cite.fullAddress("sources/a.html#q-c1", href, "file:///home/r/d/actors/x.html"), null);
  assert.equal(cite.fullAddress("https://site.example/sources/a.html#q-c1", href,
    "https://example.org/d/actors/x.html"), null, "site_url set: the address is already full");
});

test("the citation gets the day and the full address wherever they stand", () => {
  const text = "Claim c1, sources/a.html#q-c1 (accessed [date]); see sources/a.html#q-c1.";
  assert.equal(cite.completeCitation(text, "2026-12-06", "sources/a.html#q-c1", "https://e.org/sources/a.html#q-c1"),
    "Claim c1, https://e.org/sources/a.html#q-c1 (accessed 2026-12-06); see https://e.org/sources/a.html#q-c1.");
  assert.equal(cite.completeCitation("accessed [date]", "2026-12-06", null, null), "accessed 2026-12-06");
});

test("only http and https pages are served", () => {
  assert.equal(cite.isServed("https:"), true);
  assert.equal(cite.isServed("http:"), true);
  assert.equal(cite.isServed("file:"), false);
});

test("the CSL-JSON gets the day accessed and, when known, the address, as fields", () => {
  const csl = '[\n  {\n    "id": "c1",\n    "title": "A claim.",\n    "note": "Quoting x"\n  }\n]';
  const served = cite.completeCsl(csl, "2026-12-06", "https://e.org/topics/t.html#claim-c1");
  assert.deepEqual(JSON.parse(served), [{id: "c1", title: "A claim.", URL: "https://e.org/topics/t.html#claim-c1",
    accessed: {"date-parts": [[2026, 12, 6]]}, note: "Quoting x"}]);
  const fromDisk = JSON.parse(cite.completeCsl(csl, "2026-01-31", null))[0];
  assert.equal(fromDisk.URL, undefined);
  assert.deepEqual(fromDisk.accessed, {"date-parts": [[2026, 1, 31]]});
  // site_url set: the address is there already, and is kept.
  const withUrl = csl.replace('\n    "note"', '\n    "URL": "https://site.example/t.html",\n    "note"');
  assert.equal(JSON.parse(cite.completeCsl(withUrl, "2026-12-06", null))[0].URL, "https://site.example/t.html");
  assert.equal(cite.completeCsl(cite.completeCsl(csl, "2026-12-06", null), "2026-12-06", null),
    cite.completeCsl(csl, "2026-12-06", null), "completed once");
});
