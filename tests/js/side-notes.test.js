// The pure parts of docs/assets/side-notes.js and docs/assets/iframe-worker-local.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const sideNotes = require("../../docs/assets/side-notes.js");
const iframeWorker = require("../../docs/assets/iframe-worker-local.js");

test("an address's fragment names an element id, %-escapes decoded", () => {
  assert.equal(sideNotes.targetId("#q-c1"), "q-c1");
  assert.equal(sideNotes.targetId("#caf%C3%A9"), "café");
  assert.equal(sideNotes.targetId(""), "");
  assert.equal(sideNotes.targetId("#%E0%A4%A"), "", "a broken escape names nothing");
});

test("the worker's importScripts read addresses against the worker's own", () => {
  assert.deepEqual(iframeWorker.scriptUrls(["lunr/min/lunr.de.min.js"],
    "file:///d/assets/javascripts/workers/search.js"),
  ["file:///d/assets/javascripts/workers/lunr/min/lunr.de.min.js"]);
});
