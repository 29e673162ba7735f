// docs/assets/dossier-common.js: the selectors table and the on-ready and on-loaded helpers.
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

function fakeWindow(readyState) {
  const doc = fakeDocument(readyState);
  return { document: doc, addEventListener: doc.addEventListener, fire: doc.fire };
}

test("onLoaded runs at once when the page has loaded (its scripts start after the first paint)", () => {
  let runs = 0;
  dossier.onLoaded(() => { runs += 1; }, fakeWindow("complete"));
  assert.equal(runs, 1);
});

test("onLoaded waits for the load event while the page still loads", () => {
  let runs = 0;
  const win = fakeWindow("interactive");
  dossier.onLoaded(() => { runs += 1; }, win);
  assert.equal(runs, 0);
  win.fire("load");
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
  // after-paint.js is not one: it starts the others, and sends DOMContentLoaded again for Material.
  const starters = ["dossier-common.js", "after-paint.js"];
  for (const name of fs.readdirSync(ASSETS).filter((n) => n.endsWith(".js") && !starters.includes(n))) {
    const text = fs.readFileSync(path.join(ASSETS, name), "utf8");
    assert.doesNotMatch(text, /DOMContentLoaded|readyState/, `${name} waits for the page itself`);
  }
});

test("every selector is a string", () => {
  for (const [name, value] of Object.entries(dossier.selectors)) {
    assert.equal(typeof value, "string", name);
  }
});
