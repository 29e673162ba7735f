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

test("notes stand level with their quotes, each below the one before", () => {
  assert.deepEqual(sideNotes.stack([0, 100, 300], [40, 40, 40], 4), [0, 100, 300], "room for each: level");
  assert.deepEqual(sideNotes.stack([0, 10, 20], [40, 40, 40], 4), [0, 44, 88], "crowded: pushed down, never overlapping");
  assert.deepEqual(sideNotes.stack([20, 0], [40, 40], 4), [44, 0], "taken in the order of their quotes");
  assert.deepEqual(sideNotes.stack([0, 0], [40, 40], 4), [0, 44], "same quote: in the order given");
  assert.deepEqual(sideNotes.stack([], [], 4), []);
});

test("the worker's importScripts read addresses against the worker's own", () => {
  assert.deepEqual(iframeWorker.scriptUrls(["lunr/min/lunr.de.min.js"],
    "file:///d/assets/javascripts/workers/search.js"),
  ["file:///d/assets/javascripts/workers/lunr/min/lunr.de.min.js"]);
});
