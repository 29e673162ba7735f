/* Citations of claims (pages/citations.py prints them in each claim's
 * "Cite this claim" box, readable without this script; a claim shown away
 * from its address, on an actor's page, has a line of links instead). This script puts the
 * reader's day where the citation says [date], gives the claim's full address
 * when the site is read from a server and mkdocs.yml sets no site_url, says
 * where to write when a report link needs a network the page does not have,
 * and adds a copy button to each text. The CSL-JSON gets the day and the
 * full address as fields of their own ("accessed", "URL"). */
(function () {
  "use strict";

  var DAY = "[date]";   // build_scripts/pages/citations.py: ACCESSED

  /* The reader's day, as the citations write days: 2026-01-31. */
  function formatDay(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate());
  }

  function isServed(protocol) {
    return /^https?:$/.test(protocol);
  }

  /* The claim's full address, when the page is served and the citation gives
     a relative one (no site_url); otherwise null. */
  function fullAddress(shown, href, pageUrl) {
    if (/^https?:\/\//.test(shown) || !isServed(new URL(pageUrl).protocol)) return null;
    return new URL(href, pageUrl).href;
  }

  /* A citation's text with the day filled in and, when known, the full address. */
  function completeCitation(text, day, shown, full) {
    text = text.split(DAY).join(day);
    return full ? text.split(shown).join(full) : text;
  }

  /* A claim's CSL-JSON (a list of one item, a field a line: pages/views/citations.py) with the
     day accessed and, when known, the full address, as fields of their own before its note. */
  function completeCsl(text, day, full) {
    var at = text.indexOf('\n    "note": ');
    if (at < 0 || text.indexOf('\n    "accessed": ') >= 0) return text;
    var parts = day.split("-").map(Number);
    var added = '\n    "accessed": {"date-parts": [[' + parts.join(", ") + "]]},";
    if (full && text.indexOf('\n    "URL": ') < 0) added = '\n    "URL": ' + JSON.stringify(full) + "," + added;
    return text.slice(0, at) + added + text.slice(at);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      formatDay: formatDay, isServed: isServed, fullAddress: fullAddress, completeCitation: completeCitation,
      completeCsl: completeCsl
    };
    return;
  }

  var selectors = window.dossier.selectors;

  function copy(text, button) {
    function done(ok) {
      button.textContent = ok ? "Copied" : "Select and copy the text above";
      window.setTimeout(function () { button.textContent = button.dataset.label; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  }

  function setUp(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var address = box.querySelector(".dossier-cite-address");
    var full = address ? fullAddress(address.textContent, address.getAttribute("href"), window.location.href) : null;
    var day = formatDay(new Date());
    box.querySelectorAll("pre").forEach(function (pre) {
      pre.textContent = pre.classList.contains("dossier-cite-csl") ? completeCsl(pre.textContent, day, full)
        : completeCitation(pre.textContent, day, address && address.textContent, full);
      var button = document.createElement("button");
      button.type = "button";
      button.className = selectors.button + " dossier-cite-copy";
      button.dataset.label = pre.classList.contains("dossier-cite-bibtex") ? "Copy as BibTeX"
        : pre.classList.contains("dossier-cite-csl") ? "Copy as CSL-JSON" : "Copy as text";
      button.textContent = button.dataset.label;
      button.addEventListener("click", function () { copy(pre.textContent, button); });
      pre.insertAdjacentElement("afterend", button);
    });
    if (full) (address.querySelector("code") || address).textContent = full;
    var report = box.querySelector("a.dossier-report[href^='http']");
    if (report && !isServed(window.location.protocol)) {
      var note = document.createElement("span");
      note.textContent = " (on the repository's site: it needs a network; offline, note the claim's id, "
        + box.dataset.claim + ", and report it when you are online)";
      report.insertAdjacentElement("afterend", note);
    }
  }

  window.dossier.onReady(function () {
    document.querySelectorAll("details.dossier-cite, .dossier-cite-links").forEach(setUp);
  });
})();
