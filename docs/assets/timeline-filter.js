/* The timeline's filter by topic and by actor (pages/kinds/timeline.md.j2).
 *
 * Without JavaScript the form is hidden (the theme's noscript rule for
 * .dossier-needs-script) and the timeline stays whole. With it, each choice hides the events without that topic or actor
 * (their data-topics / data-actors), the month headings left empty, and the
 * "Events by topic" lines of hidden events; the spacers between months are
 * worked out again between the months left shown; each option says how many
 * events it would leave with the other list's choice (disabled at none), and
 * if both choices leave none, as from an address, a message says so with a
 * way back to all; a live region says how many are shown. The choice is kept in the address (?topic=…&actor=…), so a filtered
 * view can be shared and survives a reload, from a server or from disk. */
(function () {
  "use strict";

  var CHOICES = ["topic", "actor"];

  /* Whether a space-separated list holds ``value``; no value matches every list. */
  function hasValue(list, value) {
    return !value || (" " + list + " ").indexOf(" " + value + " ") !== -1;
  }

  /* An option's text without its count: "Sanctions (12)" -> "Sanctions". */
  function optionLabel(text) {
    return text.replace(/ \(\d+\)$/, "");
  }

  /* What the live region says; labels: {topic: "Sanctions", actor: ""}. */
  function statusText(shown, total, labels) {
    var what = CHOICES.filter(function (name) { return labels[name]; })
      .map(function (name) { return name + ": " + labels[name]; });
    return what.length
      ? "Showing " + shown + " of " + total + " events (" + what.join("; ") + ")."
      : "Showing all " + total + " events.";
  }

  /* The page's address carrying the choice: values {topic, actor}, "" for none. */
  function addressWithChoice(href, values) {
    var url = new URL(href);
    CHOICES.forEach(function (name) {
      url.searchParams.delete(name);
      if (values[name]) url.searchParams.set(name, values[name]);
    });
    return url.href;
  }

  /* The choice the address asks for, if the page offers it: {topic: "x"} etc. */
  function choiceFromAddress(query, offered) {
    var params = new URLSearchParams(query), choice = {};
    CHOICES.forEach(function (name) {
      var wanted = params.get(name);
      if (wanted && (offered[name] || []).indexOf(wanted) !== -1) choice[name] = wanted;
    });
    return choice;
  }

  /* A heading is hidden when every event (or event line) of its section is. */
  function sectionIsEmpty(items) {
    return items.length > 0 && items.every(function (item) { return item.hidden; });
  }

  /* How many events each option of the list ``name`` would leave, given the other list's
   * choice: events are {topic: "a b", actor: "c"}; the key "" counts the "any" option. */
  function optionCounts(events, name, otherName, otherValue) {
    var counts = { "": 0 };
    events.forEach(function (event) {
      if (!hasValue(event[otherName], otherValue)) return;
      counts[""] += 1;
      event[name].split(" ").forEach(function (value) {
        if (value) counts[value] = (counts[value] || 0) + 1;
      });
    });
    return counts;
  }

  /* The spacer between two months ``months`` apart, as pages/kinds/timeline.py (gap) makes it:
   * its height step (log 2 of the months, rounded, at most 8) and its words. */
  function gapFor(months) {
    if (months < 2) return { step: 0, text: "" };
    var step = Math.min(8, Math.round(Math.log2(months)));
    if (months < 24) return { step: step, text: months + " months later" };
    return { step: step, text: Math.floor((months + 6) / 12) + " years later" };
  }

  /* The spacers once the filter has hidden some months: groups in order, {at: months, shown};
   * each shown group gets the gap from the shown group before it (none for the first). */
  function regap(groups) {
    var before = null;
    return groups.map(function (group) {
      if (!group.shown) return { hidden: true, step: 0, text: "" };
      var gap = before === null ? { step: 0, text: "" } : gapFor(group.at - before);
      before = group.at;
      return { hidden: false, step: gap.step, text: gap.text };
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = {
      hasValue: hasValue, optionLabel: optionLabel, statusText: statusText,
      addressWithChoice: addressWithChoice, choiceFromAddress: choiceFromAddress, sectionIsEmpty: sectionIsEmpty,
      optionCounts: optionCounts, gapFor: gapFor, regap: regap
    };
    return;
  }

  function setUp() {
    var form = document.getElementById("dossier-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var status = document.getElementById("dossier-filter-status");
    var selects = { topic: form.elements.topic, actor: form.elements.actor };
    var events = Array.prototype.slice.call(document.querySelectorAll(".dossier-event[data-topics]"));
    var article = form.closest("article") || document.body;
    var empty = document.getElementById("dossier-filter-empty");
    var eventData = events.map(function (event) {
      return { topic: event.dataset.topics, actor: event.dataset.actors };
    });

    function labelOf(select) {
      var option = select.options[select.selectedIndex];
      return option && select.value ? optionLabel(option.text) : "";
    }

    function hideEmptySections() {
      var headings = article.querySelectorAll("h2, h3");
      Array.prototype.forEach.call(headings, function (heading) {
        var level = Number(heading.tagName[1]);
        var items = [];
        for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
          if (/^H[1-3]$/.test(node.tagName) && Number(node.tagName[1]) <= level) break;
          if (node.matches(".dossier-event[data-topics]")) items.push(node);
          Array.prototype.push.apply(items, node.querySelectorAll("li[data-dossier-event]"));
        }
        heading.hidden = sectionIsEmpty(items);
      });
    }

    /* The spacers between months, worked out again between the months left shown. */
    function updateGaps() {
      var groups = [], current = null;
      Array.prototype.forEach.call(article.querySelectorAll(".dossier-gap[data-month], .dossier-event[data-topics]"), function (node) {
        if (node.classList.contains("dossier-gap")) {
          current = { gap: node, at: Number(node.dataset.month), shown: false };
          groups.push(current);
        } else if (current && !node.hidden) {
          current.shown = true;
        }
      });
      regap(groups).forEach(function (gap, i) {
        var node = groups[i].gap;
        node.hidden = gap.hidden;
        node.dataset.step = String(gap.step);
        node.textContent = gap.text;
      });
    }

    /* Each option says how many events it would leave with the other list's choice;
     * one that would leave none is disabled (unless chosen, as from an address). */
    function updateCounts(values) {
      CHOICES.forEach(function (name) {
        var other = name === "topic" ? "actor" : "topic";
        var counts = optionCounts(eventData, name, other, values[other]);
        Array.prototype.forEach.call(selects[name].options, function (option) {
          var count = counts[option.value] || 0;
          option.text = optionLabel(option.text) + " (" + count + ")";
          option.disabled = count === 0 && option.value !== values[name];
        });
      });
    }

    function apply(keepAddress) {
      var values = { topic: selects.topic.value, actor: selects.actor.value }, shown = 0;
      events.forEach(function (event) {
        var show = hasValue(event.dataset.topics, values.topic) && hasValue(event.dataset.actors, values.actor);
        event.hidden = !show;
        if (show) shown += 1;
      });
      /* The "Events by topic" lines follow the events they link to. */
      Array.prototype.forEach.call(article.querySelectorAll("li > a[href^='#event-']"), function (link) {
        var target = document.getElementById(link.getAttribute("href").slice(1));
        var item = link.parentElement;
        item.setAttribute("data-dossier-event", "");
        item.hidden = !!(target && target.hidden);
      });
      hideEmptySections();
      updateGaps();
      updateCounts(values);
      empty.hidden = shown > 0;
      status.textContent = statusText(shown, events.length, { topic: labelOf(selects.topic), actor: labelOf(selects.actor) });
      if (!keepAddress) {
        try {
          window.history.replaceState(window.history.state, "", addressWithChoice(window.location.href, values));
        } catch (error) {
          /* Some browsers refuse to change a file:// address; the filter still works. */
        }
      }
    }

    var offered = {};
    CHOICES.forEach(function (name) {
      offered[name] = Array.prototype.map.call(selects[name].options, function (option) { return option.value; });
    });
    var chosen = choiceFromAddress(window.location.search, offered);
    Object.keys(chosen).forEach(function (name) { selects[name].value = chosen[name]; });

    form.addEventListener("change", function () { apply(false); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(function () { apply(false); }, 0); });
    apply(true);
  }

  window.dossier.onReady(setUp);
  /* Material's instant navigation, if it is ever turned on, swaps pages without a load. */
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
})();
