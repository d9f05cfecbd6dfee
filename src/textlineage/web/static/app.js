// textlineage pages: file inputs next to text boxes, and a busy state while the server works.
// Loaded as a file (the pages' Content-Security-Policy allows no inline script).
(function () {
  "use strict";

  function size(n) {
    if (n >= 1048576) { return (n / 1048576).toFixed(1) + " MB"; }
    if (n >= 1024) { return Math.round(n / 1024) + " KB"; }
    return n + " bytes";
  }

  function setupSide(side) {
    var text = side.querySelector("textarea");
    var file = side.querySelector("input[type=file]");
    var clear = side.querySelector("[data-clear]");
    var note = side.querySelector("[data-file-note]");
    if (!text || !file) { return; }

    function sync() {
      var f = file.files && file.files[0];
      text.disabled = !!f;
      if (clear) { clear.hidden = !f; }
      if (note) {
        note.hidden = !f;
        note.textContent = f ? "The file " + f.name + " (" + size(f.size) +
          ") will be compared; the text box is ignored." : "";
      }
    }

    file.addEventListener("change", sync);
    if (clear) {
      clear.addEventListener("click", function () {
        file.value = "";
        sync();
        text.focus();
      });
    }
    side.addEventListener("dragover", function (e) {
      if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, "Files") >= 0) {
        e.preventDefault();
        side.classList.add("drag");
      }
    });
    side.addEventListener("dragleave", function () { side.classList.remove("drag"); });
    side.addEventListener("drop", function (e) {
      side.classList.remove("drag");
      if (e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files.length) {
        e.preventDefault();
        file.files = e.dataTransfer.files;
        sync();
      }
    });
    sync();
  }

  function setupForm(form) {
    var button = form.querySelector("button[type=submit]");
    var label = button ? button.textContent : "";
    var problem = form.querySelector("[data-form-error]");

    var maxBytes = +form.getAttribute("data-max-bytes") || 0;

    form.addEventListener("submit", function (e) {
      var missing = [];
      var tooBig = [];
      var sides = form.querySelectorAll("[data-side]");
      for (var i = 0; i < sides.length; i++) {
        var t = sides[i].querySelector("textarea");
        var f = sides[i].querySelector("input[type=file]");
        var hasFile = f && f.files && f.files.length > 0;
        if (hasFile && maxBytes && f.files[0].size > maxBytes) {
          tooBig.push(f.files[0].name + " is " + size(f.files[0].size));
        }
        if (!hasFile && t && !t.value.trim()) {
          missing.push(sides[i].getAttribute("data-side") || "a text");
          if (missing.length === 1 && t) { t.focus(); }
        }
      }
      var message = "";
      if (missing.length) {
        message = "Paste some text or choose a file for " + missing.join(" and ") + ".";
      } else if (tooBig.length) {
        message = tooBig.join("; ") + ": this service accepts files of at most " +
          size(maxBytes) + ".";
      }
      if (message) {
        e.preventDefault();
        if (problem) {
          problem.textContent = message;
          problem.hidden = false;
        }
        return;
      }
      if (problem) { problem.hidden = true; }
      form.classList.add("busy");
      if (button) {
        button.disabled = true;
        button.textContent = form.getAttribute("data-busy") || label;
      }
    });

    // Coming back with the Back button: the page may be restored as it was left.
    window.addEventListener("pageshow", function () {
      form.classList.remove("busy");
      if (button) {
        button.disabled = false;
        button.textContent = label;
      }
      var sides = form.querySelectorAll("[data-side] input[type=file]");
      for (var i = 0; i < sides.length; i++) { sides[i].dispatchEvent(new Event("change")); }
    });
  }

  var sides = document.querySelectorAll("[data-side]");
  for (var i = 0; i < sides.length; i++) { setupSide(sides[i]); }
  var forms = document.querySelectorAll("form[data-busy]");
  for (var j = 0; j < forms.length; j++) { setupForm(forms[j]); }
})();
