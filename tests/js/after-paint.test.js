// docs/assets/after-paint.js: when the page's scripts start.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { whenToStart } = require("../../docs/assets/after-paint.js");

test("a visible page starts its scripts after the first contentful paint", () => {
  assert.equal(whenToStart("visible", ["element", "paint", "largest-contentful-paint"]), "paint");
});

test("a browser that reports no paints starts them after the next frame", () => {
  assert.equal(whenToStart("visible", ["navigation", "resource"]), "frame");
  assert.equal(whenToStart("visible", undefined), "frame");
});

test("a hidden tab, which paints nothing, starts them at once", () => {
  assert.equal(whenToStart("hidden", ["paint"]), "now");
});
