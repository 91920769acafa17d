/* srcdiff report: drift filters kept in the URL, one walk over the drifts (j/k) in the
   index's order, and the review decisions as a CSV download. The page reads fully
   without this script. */
(function () {
  "use strict";

  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function shown(el, sevs, kinds) {
    if (!sevs.has(el.getAttribute("data-sev"))) { return false; }
    var ks = (el.getAttribute("data-kinds") || "").split(" ");
    for (var i = 0; i < ks.length; i++) { if (kinds.has(ks[i])) { return true; } }
    return false;
  }

  function ticked(form, group) {
    var out = new Set();
    each(form.querySelectorAll("input[data-" + group + "]"), function (b) {
      if (b.checked) { out.add(b.getAttribute("data-" + group)); }
    });
    return out;
  }

  function applyFilters(section) {
    var form = section.querySelector(".filters");
    if (!form) { return; }
    var sevs = ticked(form, "sev"), kinds = ticked(form, "kind");
    var only = form.querySelector("input[data-only-drift]").checked;
    each(section.querySelectorAll(".entry, .note"), function (el) {
      el.hidden = !shown(el, sevs, kinds);
    });
    each(section.querySelectorAll(".drift[data-d]"), function (el) {
      var note = document.getElementById("n-" + el.getAttribute("data-d"));
      var off = !note || note.hidden;
      el.classList.toggle("off", off);
      if (el.id) { el.tabIndex = off ? -1 : 0; }
    });
    each(section.querySelectorAll(".row"), function (row) {
      row.hidden = only && !row.querySelector(".note:not([hidden])");
    });
    each(section.querySelectorAll("details.noise, details.same, details.one-sided"), function (d) {
      d.hidden = only && !d.querySelector(".row:not([hidden])");
    });
  }

  /* The filters and the print mode live in the query string: a filtered view is a link
     to share, and a reload keeps it. A parameter is written only when it differs from
     the page's own default. */
  function setUrl(query, hash) {
    var q = query.toString();
    history.replaceState(null, "", location.pathname + (q ? "?" + q : "") + hash);
  }

  function saveState() {
    var p = new URLSearchParams(location.search);
    each(document.querySelectorAll(".comparison"), function (section) {
      var n = section.getAttribute("data-cmp"), form = section.querySelector(".filters");
      if (!form) { return; }
      ["sev", "kind"].forEach(function (g) {
        var on = [], moved = false;
        each(form.querySelectorAll("input[data-" + g + "]"), function (b) {
          if (b.checked) { on.push(b.getAttribute("data-" + g)); }
          if (b.checked !== b.defaultChecked) { moved = true; }
        });
        if (moved) { p.set(g + n, on.join(".")); } else { p.delete(g + n); }
      });
      if (form.querySelector("input[data-only-drift]").checked) { p.set("only" + n, "1"); }
      else { p.delete("only" + n); }
    });
    var mode = document.querySelector(".print-mode input:checked");
    if (mode && mode.value !== "all") { p.set("print", mode.value); } else { p.delete("print"); }
    setUrl(p, location.hash);
  }

  function loadState() {
    var p = new URLSearchParams(location.search);
    each(document.querySelectorAll(".comparison"), function (section) {
      var n = section.getAttribute("data-cmp"), form = section.querySelector(".filters");
      if (!form) { return; }
      ["sev", "kind"].forEach(function (g) {
        var v = p.get(g + n);
        if (v === null) { return; }
        var on = new Set(v ? v.split(".") : []);
        each(form.querySelectorAll("input[data-" + g + "]"), function (b) {
          b.checked = on.has(b.getAttribute("data-" + g));
        });
      });
      form.querySelector("input[data-only-drift]").checked = p.get("only" + n) === "1";
    });
    var mode = p.get("print");
    var box = mode && document.querySelector('.print-mode input[value="' + CSS.escape(mode) + '"]');
    if (box) { box.checked = true; }
  }

  function reveal(el) {
    for (var p = el.parentElement; p; p = p.parentElement) {
      if (p.tagName === "DETAILS" && !p.open) { p.open = true; }
    }
  }

  /* One walk: the index entries of every comparison, in page order. A click on an entry,
     a card, a drift box or a link to a drift moves the walk there; j/k go on from it. */
  var entries = Array.prototype.slice.call(document.querySelectorAll(".drift-index .entry"));
  var byTarget = {}, byKey = {};
  entries.forEach(function (entry) {
    var id = entry.querySelector("a").getAttribute("href").slice(1);
    byTarget[id] = entry;
    byKey[id.slice(2)] = entry;
  });
  var current = null;

  function isShown(entry) { return !entry.hidden && !entry.closest("[hidden]"); }
  function targetOf(entry) {
    return document.getElementById(entry.querySelector("a").getAttribute("href").slice(1));
  }

  var nav = document.createElement("nav");
  nav.className = "navbox";
  nav.setAttribute("aria-label", "Drift walk");
  nav.innerHTML = '<button type="button" data-step="-1">&#8249; k' +
    '<span class="sr"> previous drift</span></button><span class="navtext" role="status">' +
    '</span><button type="button" data-step="1">j &#8250;<span class="sr"> next drift</span>' +
    "</button>";
  var navText = nav.querySelector(".navtext");
  nav.hidden = !entries.length;
  document.body.appendChild(nav);

  function status() {
    var list = entries.filter(isShown);
    var at = current ? list.indexOf(current) : -1;
    if (!current) {
      navText.textContent = list.length + " drifts shown: j for the first";
    } else {
      var what = current.querySelector("a").textContent;
      navText.textContent = "Drift " + (at < 0 ? "–" : at + 1) + " of " + list.length + ": " + what;
    }
  }

  function keepInBox(entry) {
    var box = entry.parentElement, b = box.getBoundingClientRect();
    var e = entry.getBoundingClientRect();
    if (e.top < b.top) { box.scrollTop += e.top - b.top; }
    else if (e.bottom > b.bottom) { box.scrollTop += e.bottom - b.bottom; }
  }

  function select(entry, scroll) {
    each(document.querySelectorAll(".current"), function (c) {
      c.classList.remove("current");
      c.removeAttribute("aria-current");
    });
    current = entry;
    var target = targetOf(entry), key = target.id.slice(2);
    entry.classList.add("current");
    entry.setAttribute("aria-current", "true");
    [target, document.getElementById("n-" + key)].forEach(function (el) {
      if (el) { el.classList.add("current"); }
    });
    each(document.querySelectorAll('.card a[href="#' + target.id + '"]'), function (a) {
      a.closest(".card").classList.add("current");
    });
    keepInBox(entry);
    reveal(target);
    if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) { target.tabIndex = -1; }
    if (document.activeElement !== target) { target.focus({ preventScroll: true }); }
    if (scroll) { target.scrollIntoView({ block: "center" }); }
    setUrl(new URLSearchParams(location.search), "#" + target.id);
    status();
  }

  function go(step) {
    var i = current ? entries.indexOf(current) : (step > 0 ? -1 : entries.length);
    for (var j = i + step; j >= 0 && j < entries.length; j += step) {
      if (isShown(entries[j])) { select(entries[j], true); return; }
    }
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      if (t.type !== "checkbox" && t.type !== "radio") { return; }
    }
    if (ev.key === "j") { go(1); ev.preventDefault(); }
    else if (ev.key === "k") { go(-1); ev.preventDefault(); }
  });

  document.addEventListener("click", function (ev) {
    if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) { return; }
    var t = ev.target.nodeType === 1 ? ev.target : ev.target.parentElement;
    var step = t.closest(".navbox button");
    if (step) { go(Number(step.getAttribute("data-step"))); return; }
    var link = t.closest('a[href^="#"]');
    var drift = t.closest(".drift[data-d]");
    var entry = link ? byTarget[link.getAttribute("href").slice(1)]
      : drift && byKey[drift.getAttribute("data-d")];
    if (!entry) { return; }
    if (link) { ev.preventDefault(); }
    select(entry, !!link);
  });

  document.addEventListener("focusin", function (ev) {
    var t = ev.target;
    var entry = t.classList && t.classList.contains("drift") && byTarget[t.id];
    if (entry && entry !== current) { select(entry, false); }
  });

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (byTarget[id]) { select(byTarget[id], true); return; }
    var el = id && document.getElementById(id);
    if (el) { reveal(el); el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", openTarget);

  loadState();
  each(document.querySelectorAll(".comparison"), function (section) {
    var form = section.querySelector(".filters");
    if (!form) { return; }
    form.hidden = false;
    applyFilters(section);
    form.addEventListener("change", function () {
      applyFilters(section);
      saveState();
      status();
    });
  });
  each(document.querySelectorAll(".print-mode input"), function (b) {
    b.addEventListener("change", saveState);
  });

  /* The decisions table as CSV: its header and cells as the page shows them. A cell that
     a spreadsheet would run as a formula gets a leading apostrophe. */
  function csvCell(s) {
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  each(document.querySelectorAll(".decisions"), function (section) {
    var link = section.querySelector("a.csv"), table = section.querySelector("table");
    var lines = Array.prototype.map.call(table.rows, function (tr) {
      return Array.prototype.map.call(tr.cells, function (c) {
        return csvCell(c.textContent);
      }).join(",");
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    link.href = URL.createObjectURL(blob);
    link.hidden = false;
  });

  status();
  if (location.hash) { openTarget(); }
})();
