// The pure parts of docs/assets/search-on-demand.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const onDemand = require("../../docs/assets/search-on-demand.js");

const PAGE = "https://example.org/dossier/actors/someone.html";

test("the index's address is recognised, relative or absolute", () => {
  assert.equal(onDemand.isSearchIndex("../search/search_index.json", PAGE), true);
  assert.equal(onDemand.isSearchIndex(new URL("https://example.org/dossier/search/search_index.json"), PAGE), true);
});

test("other requests are not the index", () => {
  assert.equal(onDemand.isSearchIndex("../sitemap.xml", PAGE), false);
  assert.equal(onDemand.isSearchIndex("../search/search_index.js", PAGE), false);
  assert.equal(onDemand.isSearchIndex("../search/search_index.json.gz", PAGE), false);
  assert.equal(onDemand.isSearchIndex("http://[broken", PAGE), false);
});

test("a page opened from a search result wants the index at once", () => {
  assert.equal(onDemand.wantsIndexAtOnce("?h=bolton"), true);
  assert.equal(onDemand.wantsIndexAtOnce("?topic=x&h=a+b"), true);
  assert.equal(onDemand.wantsIndexAtOnce("?topic=h"), false);
  assert.equal(onDemand.wantsIndexAtOnce(""), false);
});

test("the gate holds calls until it opens, then lets them through at once", () => {
  const gate = onDemand.createGate();
  const calls = [];
  gate.hold(() => calls.push(1));
  gate.hold(() => calls.push(2));
  assert.deepEqual(calls, []);
  gate.open();
  assert.deepEqual(calls, [1, 2]);
  gate.open();
  assert.deepEqual(calls, [1, 2], "opening twice sends nothing twice");
  gate.hold(() => calls.push(3));
  assert.deepEqual(calls, [1, 2, 3]);
});
