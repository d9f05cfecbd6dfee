(function () {
  "use strict";
  var LABELS = {verbatim: "Verbatim", near_verbatim: "Near-verbatim", paraphrase: "Paraphrase",
    compression: "Compression", translation: "Translation"};
  var LETTERS = ["A", "B"];
  var data = JSON.parse(document.getElementById("tl-data").textContent);
  var panes = [document.getElementById("pane-0"), document.getElementById("pane-1")];
  var detail = document.getElementById("detail");
  var detailHint = detail.textContent;
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var byPassage = [Object.create(null), Object.create(null)];
  var byFact = Object.create(null);
  var factButtons = Object.create(null);
  var active = null;
  var lit = [];

  function push(map, key, el) { (map[key] || (map[key] = [])).push(el); }

  panes.forEach(function (pane, d) {
    var segs = pane.querySelectorAll(".seg");
    for (var i = 0; i < segs.length; i++) {
      var el = segs[i];
      var p = el.getAttribute("data-p");
      var f = el.getAttribute("data-f");
      if (p) { p.split(" ").forEach(function (k) { push(byPassage[d], k, el); }); }
      if (f) { f.split(" ").forEach(function (k) { push(byFact, k, el); }); }
    }
  });

  function scrollPane(pane, el) {
    var top = el.offsetTop - pane.clientHeight / 3;
    pane.scrollTo({top: Math.max(0, top), behavior: reduce ? "auto" : "smooth"});
  }

  function flash(els) {
    els.forEach(function (el) {
      el.classList.remove("flash");
      void el.offsetWidth;
      el.classList.add("flash");
    });
  }
  document.addEventListener("animationend", function (e) {
    if (e.target && e.target.classList) { e.target.classList.remove("flash"); }
  });

  function clearActive() {
    lit.forEach(function (el) { el.classList.remove("active"); });
    lit = [];
    active = null;
    detail.textContent = detailHint;
  }

  function firstFrom(els, start) {
    for (var i = 0; i < els.length; i++) {
      if (+els[i].getAttribute("data-o") >= start) { return els[i]; }
    }
    return els[0];
  }

  function button(text, cls, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function showPassage(pid) {
    var p = data.passages[+pid];
    detail.textContent = "";
    if (!p) { return; }
    var head = document.createElement("strong");
    head.textContent = "Passage #" + (+pid + 1) + " \u00b7 " + (LABELS[p.kind] || String(p.kind)) +
      " \u00b7 score " + Number(p.score).toFixed(2);
    detail.appendChild(head);
    if (p.reasons && p.reasons.length) {
      var why = document.createElement("span");
      why.className = "why";
      why.textContent = " \u2014 " + p.reasons.join("; ");
      detail.appendChild(why);
    }
    p.spans.forEach(function (side, d) {
      side.forEach(function (r) {
        detail.appendChild(button(LETTERS[d] + " " + r[0] + "\u2013" + r[1], "range", function () {
          var els = byPassage[d][pid];
          if (els && els.length) {
            var el = firstFrom(els, r[0]);
            scrollPane(panes[d], el);
            flash([el]);
          }
        }));
      });
    });
    detail.appendChild(button("Clear \u00d7", "close", clearActive));
  }

  function select(pid, from) {
    lit.forEach(function (el) { el.classList.remove("active"); });
    lit = [];
    active = pid;
    [0, 1].forEach(function (d) {
      (byPassage[d][pid] || []).forEach(function (el) {
        el.classList.add("active");
        lit.push(el);
      });
    });
    var other = 1 - from;
    var els = byPassage[other][pid];
    if (els && els.length) { scrollPane(panes[other], els[0]); }
    showPassage(pid);
  }

  function showFact(fid) {
    // A fact, and for a changed or kept one its counterpart on the other side: both
    // panes scroll to them and both flash; the detail bar says what the link is.
    var b = factButtons[fid];
    if (!b) { return; }
    var ids = [fid];
    var pair = b.getAttribute("data-pair");
    if (pair !== null && byFact[pair]) { ids.push(pair); }
    lit.forEach(function (el) { el.classList.remove("active"); });
    lit = [];
    active = null;
    ids.forEach(function (id) {
      var els = byFact[id];
      var owner = factButtons[id];
      if (!els || !els.length || !owner) { return; }
      scrollPane(panes[+owner.getAttribute("data-doc")], els[0]);
      flash(els);
      els.forEach(function (el) { el.classList.add("active"); lit.push(el); });
    });
    var said = b.getAttribute("data-detail");
    if (said) {
      detail.textContent = "";
      var head = document.createElement("strong");
      head.textContent = said;
      detail.appendChild(head);
      detail.appendChild(button("Clear \u00d7", "close", clearActive));
    }
  }

  function revealButton(fid) {
    var b = factButtons[fid];
    if (!b) { return; }
    var folded = b.closest ? b.closest("details") : null;
    if (folded) { folded.open = true; }
    b.scrollIntoView({block: "nearest", behavior: reduce ? "auto" : "smooth"});
    flash([b]);
  }

  var lastFact = null;

  panes.forEach(function (pane, d) {
    pane.addEventListener("click", function (e) {
      var sel = window.getSelection && window.getSelection();
      if (sel && !sel.isCollapsed) { return; }
      var el = e.target && e.target.closest ? e.target.closest(".seg") : null;
      if (!el) { return; }
      var p = el.getAttribute("data-p");
      var f = el.getAttribute("data-f");
      // A fact first (its entry in the panel, its counterpart lit); clicked again, or
      // where there is no fact, the passage it stands in.
      if (f && el !== lastFact && factButtons[f.split(" ")[0]]) {
        lastFact = el;
        var fid = f.split(" ")[0];
        revealButton(fid);
        showFact(fid);
        return;
      }
      lastFact = null;
      if (p) {
        var ids = p.split(" ");
        var i = ids.indexOf(active);
        select(ids[i >= 0 ? (i + 1) % ids.length : 0], d);
      }
    });
  });

  var refs = document.querySelectorAll(".fref");
  for (var i = 0; i < refs.length; i++) {
    (function (b) {
      var fid = b.getAttribute("data-fid");
      if (!(fid in factButtons)) { factButtons[fid] = b; }
      if (!byFact[fid]) { b.disabled = true; return; }
      b.addEventListener("click", function () { showFact(fid); });
    })(refs[i]);
  }

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { clearActive(); }
  });
})();
