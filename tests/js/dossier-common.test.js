// docs/assets/dossier-common.js: the selectors table and the on-ready helper.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const dossier = require("../../docs/assets/dossier-common.js");

const ASSETS = path.join(__dirname, "..", "..", "docs", "assets");

function fakeDocument(readyState) {
  const listeners = {};
  return {
    readyState,
    addEventListener(type, listener) { (listeners[type] = listeners[type] || []).push(listener); },
    fire(type) { (listeners[type] || []).forEach((listener) => listener()); },
  };
}

test("onReady runs at once on a parsed page", () => {
  let runs = 0;
  dossier.onReady(() => { runs += 1; }, fakeDocument("interactive"));
  assert.equal(runs, 1);
});

test("onReady waits for DOMContentLoaded while the page is parsed", () => {
  let runs = 0;
  const doc = fakeDocument("loading");
  dossier.onReady(() => { runs += 1; }, doc);
  assert.equal(runs, 0);
  doc.fire("DOMContentLoaded");
  assert.equal(runs, 1);
});

test("Material's class names stand in the selectors table only", () => {
  // A class of Material's (md-search..., md-button) written in a feature
  // script instead of the table would be missed when Material changes it.
  const scripts = fs.readdirSync(ASSETS).filter((name) => name.endsWith(".js") && name !== "dossier-common.js");
  assert.ok(scripts.length >= 6, scripts);
  for (const name of scripts) {
    const text = fs.readFileSync(path.join(ASSETS, name), "utf8");
    assert.doesNotMatch(text, /["'.#\[]md-|data-md-|__search/, `${name} names Material's markup itself`);
  }
});

test("the feature scripts have no on-ready helper of their own", () => {
  for (const name of fs.readdirSync(ASSETS).filter((n) => n.endsWith(".js") && n !== "dossier-common.js")) {
    const text = fs.readFileSync(path.join(ASSETS, name), "utf8");
    assert.doesNotMatch(text, /DOMContentLoaded|readyState/, `${name} waits for the page itself`);
  }
});

test("every selector is a string", () => {
  for (const [name, value] of Object.entries(dossier.selectors)) {
    assert.equal(typeof value, "string", name);
  }
});
