/* Citations of claims (pages/citations.py prints them in each claim's
 * "Cite this claim" box, readable without this script; a claim shown away
 * from its address, on an actor's page, has a line of links instead). This script puts the
 * reader's day where the citation says [date], gives the claim's full address
 * when the site is read from a server and mkdocs.yml sets no site_url, says
 * where to write when a report link needs a network the page does not have,
 * and adds a copy button to each text. */
(function () {
  "use strict";

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

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
    var served = /^https?:$/.test(window.location.protocol);
    var full = address && !/^https?:\/\//.test(address.textContent) && served
      ? new URL(address.getAttribute("href"), window.location.href).href : null;
    box.querySelectorAll("pre").forEach(function (pre) {
      var text = pre.textContent.split("[date]").join(today());
      if (full) text = text.split(address.textContent).join(full);
      pre.textContent = text;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button dossier-cite-copy";
      button.dataset.label = pre.classList.contains("dossier-cite-bibtex") ? "Copy as BibTeX" : "Copy as text";
      button.textContent = button.dataset.label;
      button.addEventListener("click", function () { copy(pre.textContent, button); });
      pre.insertAdjacentElement("afterend", button);
    });
    if (full) (address.querySelector("code") || address).textContent = full;
    var report = box.querySelector("a.dossier-report[href^='http']");
    if (report && !served) {
      var note = document.createElement("span");
      note.textContent = " (on the repository's site: it needs a network; offline, note the claim's id, "
        + box.dataset.claim + ", and report it when you are online)";
      report.insertAdjacentElement("afterend", note);
    }
  }

  function setUpAll() {
    document.querySelectorAll("details.dossier-cite, .dossier-cite-links").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
