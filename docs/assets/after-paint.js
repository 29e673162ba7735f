/* Starts the page's scripts once its first content has shown.
 *
 * theme/main.html lists them as <link rel="preload" as="script"
 * data-after-paint fetchpriority="low">, which the browser fetches behind
 * the page's text and styles and does not run, and loads this script
 * deferred. Deferred themselves, the scripts (Material's bundle is the
 * largest) ran before the first paint in some loads, always when they came
 * from the cache, and Lighthouse then counted them in the largest contentful
 * paint. Started after the first contentful paint, they never hold up the
 * text. They run in the order listed, as deferred scripts do (async = false).
 *
 * Material starts on DOMContentLoaded, which has passed by then: once every
 * script has run, the event is sent again. Material's handler is the only
 * one left to hear it: the site's own scripts start at once on a parsed page
 * (dossier-common.js, onReady and onLoaded). window.dossierScriptsRan is
 * false until then (the browser tests wait for it after each navigation:
 * tests/browser/conftest.py). */
(function () {
  "use strict";

  /* When to start: "now" in a hidden tab (it paints nothing), "paint" once
     the first contentful paint is reported, "frame" after the next frame
     where the browser reports no paints. */
  function whenToStart(visibilityState, supportedEntryTypes) {
    if (visibilityState !== "visible") return "now";
    if (supportedEntryTypes && supportedEntryTypes.indexOf("paint") >= 0) return "paint";
    return "frame";
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { whenToStart: whenToStart };
    return;
  }

  window.dossierScriptsRan = false;
  var started = false;

  function start() {
    if (started) return;
    started = true;
    var listed = document.querySelectorAll("link[data-after-paint]");
    var left = listed.length;
    function ran() {
      if (--left > 0) return;
      document.dispatchEvent(new Event("DOMContentLoaded"));
      window.dossierScriptsRan = true;
    }
    listed.forEach(function (link) {
      var script = document.createElement("script");
      script.src = link.href;
      script.async = false;
      script.onload = script.onerror = ran;
      document.body.appendChild(script);
    });
  }

  function soon() { setTimeout(start, 0); }

  var when = whenToStart(document.visibilityState,
                         window.PerformanceObserver && PerformanceObserver.supportedEntryTypes);
  if (when === "now") {
    soon();
  } else if (when === "paint") {
    new PerformanceObserver(function (list, observer) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      soon();
    }).observe({ type: "paint", buffered: true });
    // A page that never paints content still gets its scripts.
    window.addEventListener("load", function () { setTimeout(start, 3000); });
  } else {
    requestAnimationFrame(soon);
  }
})();
