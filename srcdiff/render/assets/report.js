/* srcdiff report: drift filters and j/k navigation. The page reads fully without this. */
(function () {
  "use strict";

  function shown(el, sevs, kinds) {
    if (!sevs.has(el.getAttribute("data-sev"))) { return false; }
    var ks = (el.getAttribute("data-kinds") || "").split(" ");
    for (var i = 0; i < ks.length; i++) { if (kinds.has(ks[i])) { return true; } }
    return false;
  }

  function applyFilters(section) {
    var form = section.querySelector(".filters");
    if (!form) { return; }
    var sevs = new Set(), kinds = new Set();
    form.querySelectorAll("input[data-sev]").forEach(function (b) {
      if (b.checked) { sevs.add(b.getAttribute("data-sev")); }
    });
    form.querySelectorAll("input[data-kind]").forEach(function (b) {
      if (b.checked) { kinds.add(b.getAttribute("data-kind")); }
    });
    var only = form.querySelector("input[data-only-drift]").checked;
    section.querySelectorAll(".entry, .note").forEach(function (el) {
      el.hidden = !shown(el, sevs, kinds);
    });
    section.querySelectorAll(".drift[data-d]").forEach(function (el) {
      var note = document.getElementById("n-" + el.getAttribute("data-d"));
      el.classList.toggle("off", !note || note.hidden);
    });
    section.querySelectorAll(".row").forEach(function (row) {
      row.hidden = only && !row.querySelector(".note:not([hidden])");
    });
    section.querySelectorAll("details.noise, details.same").forEach(function (d) {
      d.hidden = only && !d.querySelector(".row:not([hidden])");
    });
  }

  function reveal(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS" && !p.open) { p.open = true; }
    }
  }

  var current = null, cache = null;

  function targets() {
    if (!cache) {
      cache = Array.prototype.filter.call(document.querySelectorAll(".drift[id]"), function (el) {
        return !el.classList.contains("off") && !el.closest("[hidden]");
      });
    }
    return cache;
  }

  function firstBelowTop(list) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid].getBoundingClientRect().top > 0) { hi = mid; } else { lo = mid + 1; }
    }
    return lo;
  }

  function go(step) {
    var list = targets();
    if (!list.length) { return; }
    var i = current ? list.indexOf(current) : -1;
    if (i < 0) {
      var n = firstBelowTop(list);
      i = step > 0 ? n - 1 : n;
    }
    i = Math.min(Math.max(i + step, 0), list.length - 1);
    select(list[i]);
  }

  function select(el) {
    document.querySelectorAll(".current").forEach(function (c) { c.classList.remove("current"); });
    current = el;
    reveal(el);
    el.classList.add("current");
    el.tabIndex = -1;
    var note = document.getElementById("n-" + el.getAttribute("data-d"));
    if (note) { note.classList.add("current"); }
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      if (t.type !== "checkbox") { return; }
    }
    if (ev.key === "j") { go(1); ev.preventDefault(); }
    else if (ev.key === "k") { go(-1); ev.preventDefault(); }
  });

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el) { reveal(el); el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);

  document.querySelectorAll(".comparison").forEach(function (section) {
    var form = section.querySelector(".filters");
    if (!form) { return; }
    form.hidden = false;
    applyFilters(section);
    form.addEventListener("change", function () { cache = null; applyFilters(section); });
  });
  if (location.hash) { openTarget(); }
})();
