// Coffeechat's only script: small progressive enhancements. Everything works without it
// except the timer and copy buttons. No inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";

  function setupCopyButtons(root) {
    root.querySelectorAll("[data-copy-target]").forEach(function (button) {
      if (button.dataset.copyReady) return;
      button.dataset.copyReady = "1";
      button.addEventListener("click", function () {
        var target = document.getElementById(button.dataset.copyTarget);
        var text = target.value !== undefined ? target.value : target.textContent;
        var done = function () { button.textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(target, done); });
        } else {
          fallbackCopy(target, done);
        }
      });
    });
  }

  function fallbackCopy(target, done) {
    var area = document.createElement("textarea");
    area.value = target.value !== undefined ? target.value : target.textContent;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
    done();
  }

  function pad(n) { return String(n).padStart(2, "0"); }

  function setupTimers(root) {
    root.querySelectorAll("[data-timer-start]").forEach(function (el) {
      if (el.dataset.timerReady) return;
      el.dataset.timerReady = "1";
      var start = Date.parse(el.dataset.timerStart);
      var limit = parseInt(el.dataset.timerMinutes, 10) * 60;
      var out = el.querySelector(".timer");
      var left = el.querySelector(".timer-left");
      function tick() {
        var elapsed = Math.max(0, Math.floor((Date.now() - start) / 1000));
        out.textContent = Math.floor(elapsed / 60) + ":" + pad(elapsed % 60);
        var remaining = limit - elapsed;
        out.classList.toggle("near", remaining <= 300 && remaining > 0);
        out.classList.toggle("over", remaining <= 0);
        if (left) {
          left.textContent = remaining > 0
            ? Math.ceil(remaining / 60) + " min left of the " + (limit / 60) + " you asked for"
            : "Over the agreed " + (limit / 60) + " minutes: start wrapping up";
        }
      }
      tick();
      setInterval(tick, 1000);
    });
  }

  // Autosave forms wait for a pause in typing before they post. Whatever was typed after the
  // last post is sent with sendBeacon when the page goes away, so a quick reload or a closed
  // tab loses nothing.
  var unsaved = new Set();
  var AUTOSAVE = "form[hx-post][hx-trigger*='input']";

  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest(AUTOSAVE);
    if (form) unsaved.add(form);
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    unsaved.delete(event.detail.elt);
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (!event.detail.successful && form.matches && form.matches(AUTOSAVE)) unsaved.add(form);
  });
  function flushUnsaved() {
    unsaved.forEach(function (form) {
      if (navigator.sendBeacon(form.getAttribute("hx-post"), new FormData(form))) {
        unsaved.delete(form);
      }
    });
  }
  window.addEventListener("pagehide", flushUnsaved);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flushUnsaved();
  });

  function enhance(root) {
    setupCopyButtons(root);
    setupTimers(root);
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
