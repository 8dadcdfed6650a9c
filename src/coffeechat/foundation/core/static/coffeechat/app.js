// Coffeechat's only script: small progressive enhancements. Everything works without it
// except the timer and copy buttons. No inline scripts anywhere (the CSP forbids them).
(function () {
  "use strict";

  // Every copy button: data-copy-target names the field (or element) whose text it copies.
  // The button then says "Copied"; with data-copy-status, a live region says data-copied
  // instead. Where the clipboard is refused (an insecure context, an old browser), a field's
  // text is left selected and the person is told to press Ctrl+C (or data-not-copied).
  var NOT_COPIED = "Selected: press Ctrl+C (⌘C on a Mac) to copy it.";

  function setupCopyButtons(root) {
    root.querySelectorAll("[data-copy-target]").forEach(function (button) {
      if (button.dataset.copyReady) return;
      button.dataset.copyReady = "1";
      button.addEventListener("click", function () {
        var target = document.getElementById(button.dataset.copyTarget);
        if (!target) return;
        var text = target.value !== undefined ? target.value : target.textContent;
        var told = function (copied) { tellCopied(button, copied); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { told(true); },
            function () { told(fallbackCopy(target, text)); });
        } else {
          told(fallbackCopy(target, text));
        }
      });
    });
  }

  function execCopy() {
    try { return document.execCommand("copy"); } catch (error) { return false; }
  }

  function fallbackCopy(target, text) {
    if (typeof target.select === "function") {  // a field: selected in place, ready for Ctrl+C
      target.focus();
      target.select();
      return execCopy();
    }
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    var copied = execCopy();
    area.remove();
    return copied;
  }

  function tellCopied(button, copied) {
    var status = button.dataset.copyStatus && document.getElementById(button.dataset.copyStatus);
    var said = copied ? (button.dataset.copied || "Copied") : (button.dataset.notCopied || NOT_COPIED);
    if (!status) {
      button.textContent = copied ? "Copied" : said;
      return;
    }
    // Emptied first, so screen readers announce the same words again on a second click.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = said; }, 50);
  }

  // A read-only field meant to be copied (data-select-all) selects all of itself on focus.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[data-select-all]")) event.target.select();
  });

  function pad(n) { return String(n).padStart(2, "0"); }

  // The conversation clock. The server says how many seconds are on it and whether it runs
  // (it keeps the start and the pauses), so a reload, or a browser whose clock is off, shows the
  // same time; a paused or unstarted clock is shown as rendered.
  function setupTimers(root) {
    root.querySelectorAll("[data-timer-running]").forEach(function (el) {
      if (el.dataset.timerReady) return;
      el.dataset.timerReady = "1";
      var origin = Date.now() - parseInt(el.dataset.timerElapsed, 10) * 1000;
      var limit = parseInt(el.dataset.timerMinutes, 10) * 60;
      var out = el.querySelector(".timer");
      var left = el.querySelector(".timer-left");
      var timer;
      function tick() {
        if (!el.isConnected) { clearInterval(timer); return; }  // swapped out by Pause
        var elapsed = Math.max(0, Math.floor((Date.now() - origin) / 1000));
        out.textContent = Math.floor(elapsed / 60) + ":" + pad(elapsed % 60);
        var remaining = limit - elapsed;
        out.classList.toggle("near", remaining <= 300 && remaining > 0);
        out.classList.toggle("over", remaining <= 0);
        if (left) {
          var over = Math.floor(-remaining / 60);
          left.textContent = remaining > 0
            ? Math.ceil(remaining / 60) + " min left of the " + (limit / 60) + " you asked for"
            : over < 1
              ? "The agreed " + (limit / 60) + " minutes are up: start wrapping up"
              : over + " min over the agreed " + (limit / 60) + ": start wrapping up";
        }
      }
      tick();
      timer = setInterval(tick, 1000);
    });
  }

  // Autosave forms wait for a pause in typing before they post. Whatever was typed after the
  // last post is sent with sendBeacon when the page goes away, so a quick reload or a closed
  // tab loses nothing.
  var unsaved = new Set();
  var AUTOSAVE = "form[hx-post][hx-trigger*='input']";

  // A form whose draft is only part of it (data-autosave-from) counts edits there alone.
  function edited(event) {
    var form = event.target.closest && event.target.closest(AUTOSAVE);
    var from = form && form.dataset.autosaveFrom;
    return form && (!from || event.target.closest(from)) ? form : null;
  }
  document.addEventListener("input", function (event) {
    var form = edited(event);
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
  // A form about to be swapped out (another template picked on the compose page) keeps what
  // was typed in it.
  document.addEventListener("htmx:beforeSwap", function (event) {
    unsaved.forEach(function (form) {
      if (event.detail.target.contains(form)) {
        navigator.sendBeacon(form.getAttribute("hx-post"), new FormData(form));
        unsaved.delete(form);
      }
    });
  });
  // Submitting the form sends its text anyway, and an autosave still waiting for its pause
  // must not follow it (it would bring back the draft of a message just recorded as sent).
  // A form marked data-warn-unsaved (the compose page) asks before the page is left with an
  // edit the autosave has not sent yet.
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented || !event.target.matches(AUTOSAVE)) return;
    unsaved.delete(event.target);
    event.target.dataset.submitted = "1";
  });
  document.addEventListener("input", function (event) {
    var form = event.target.closest && event.target.closest(AUTOSAVE);
    if (form) delete form.dataset.submitted;  // still on the page (a download): keep saving
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt.dataset && event.detail.elt.dataset.submitted) event.preventDefault();
  });
  window.addEventListener("beforeunload", function (event) {
    var pending = Array.prototype.some.call(document.querySelectorAll("form[data-warn-unsaved]"),
      function (form) { return unsaved.has(form); });
    if (pending) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  // A file over the upload cap (data-max-bytes on its input) is refused here, before minutes of
  // uploading end in the web server's bare "Request Entity Too Large". The server still checks.
  function megabytes(size) {
    return (size / (1024 * 1024)).toFixed(1).replace(/\.0$/, "");
  }

  function tooBigMessage(input) {
    var limit = parseInt(input.dataset.maxBytes, 10);
    var file = Array.prototype.find.call(input.files || [], function (f) { return f.size > limit; });
    if (!file) return "";
    return file.name + " is " + megabytes(file.size) + " MB; the largest file Coffeechat takes is " +
      megabytes(limit) + " MB. Nothing was sent. Split it into smaller files, or export your " +
      "contacts again without photos, then choose the new file.";
  }

  function showTooBig(input) {
    var id = input.id + "_too_big";
    var shown = document.getElementById(id);
    var text = tooBigMessage(input);
    var describedBy = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (part) {
      return part && part !== id;
    });
    if (shown) shown.remove();
    if (text) {
      shown = document.createElement("p");
      shown.className = "error";
      shown.id = id;
      shown.setAttribute("role", "alert");
      shown.textContent = text;
      input.insertAdjacentElement("afterend", shown);
      describedBy.push(id);
      input.setAttribute("aria-invalid", "true");
    } else {
      input.removeAttribute("aria-invalid");
    }
    input.setAttribute("aria-describedby", describedBy.join(" "));
    var field = input.parentElement;
    // Keep the red frame while the server's own error for this field is still shown.
    if (text) field.classList.add("has-error");
    else if (!field.querySelector(".error")) field.classList.remove("has-error");
    return Boolean(text);
  }

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("input[type=file][data-max-bytes]")) {
      showTooBig(event.target);
    }
  });
  document.addEventListener("submit", function (event) {
    var inputs = event.target.querySelectorAll("input[type=file][data-max-bytes]");
    Array.prototype.forEach.call(inputs, function (input) {
      if (showTooBig(input)) {
        event.preventDefault();
        input.focus();
      }
    });
  });

  // "Mark as sent" says what it will record ("by LinkedIn today, Wed 2 Dec"), kept true as the
  // date and channel beside it change; the server words the first version the same way.
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function utcDay(text) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return parts ? new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3])) : null;
  }

  function sentWhen(value, todayText) {
    var day = utcDay(value), today = utcDay(todayText);
    if (!day || !today) return "";
    var shown = DAYS[day.getUTCDay()] + " " + day.getUTCDate() + " " + MONTHS[day.getUTCMonth()] +
      (day.getUTCFullYear() === today.getUTCFullYear() ? "" : " " + day.getUTCFullYear());
    var daysAgo = Math.round((today - day) / 86400000);
    if (daysAgo === 0) return "today, " + shown;
    if (daysAgo === 1) return "yesterday, " + shown;
    return "on " + shown;
  }

  function setupSentLabels(root) {
    root.querySelectorAll("[data-sent-label]").forEach(function (button) {
      if (button.dataset.sentReady) return;
      button.dataset.sentReady = "1";
      var box = button.closest("fieldset") || button.form;
      var day = box.querySelector("input[type=date]");
      var channel = box.querySelector("select");
      var phrases = JSON.parse(button.dataset.channels || "{}");
      function update() {
        var parts = [phrases[channel ? channel.value : ""], sentWhen(day && day.value, button.dataset.today)];
        button.textContent = ["Mark as sent"].concat(parts.filter(Boolean)).join(" ");
      }
      if (day) day.addEventListener("input", update);
      if (day) day.addEventListener("change", update);
      if (channel) channel.addEventListener("change", update);
    });
  }

  // A "select all on this page" box (data-check-all names the checkboxes it ticks, in its
  // form). Hidden without the script, since it could do nothing then.
  function setupSelectAll(root) {
    root.querySelectorAll("input[data-check-all]").forEach(function (all) {
      if (all.dataset.selectReady || !all.form) return;
      all.dataset.selectReady = "1";
      all.hidden = false;
      var boxes = function () {
        return all.form.querySelectorAll("input[type=checkbox][name='" + all.dataset.checkAll + "']");
      };
      all.addEventListener("change", function () {
        boxes().forEach(function (box) { box.checked = all.checked; });
      });
      all.form.addEventListener("change", function (event) {
        if (event.target === all) return;
        var list = Array.prototype.slice.call(boxes());
        var ticked = list.filter(function (box) { return box.checked; }).length;
        all.checked = ticked === list.length;
        all.indeterminate = ticked > 0 && ticked < list.length;
      });
    });
  }

  // A link to one entry (search's "#message-12") opens that entry's folded text and moves the
  // focus there, so the found words are on screen rather than behind "Show message".
  function openLinkedEntry() {
    if (!location.hash || location.hash.length < 2) return;
    var entry = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!entry) return;
    entry.querySelectorAll("details").forEach(function (fold) { fold.open = true; });
    if (typeof entry.focus === "function" && entry.hasAttribute("tabindex")) entry.focus({ preventScroll: false });
  }

  // Today's "They replied": one dialog holds the reply bar for every item, filled in for the
  // person chosen (whose reply it logs, the "Declined or more…" link, the day reset to today).
  // Without the script, or a browser without <dialog>, the link opens the same form on a page.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-quick-reply]");
    var dialog = document.getElementById("quick-reply-dialog");
    if (!link || !dialog || typeof dialog.showModal !== "function") return;
    event.preventDefault();
    var form = dialog.querySelector("form");
    form.reset();
    form.action = link.getAttribute("href");
    dialog.querySelector("[data-reply-more]").href = link.dataset.more;
    var item = link.closest(".today-item");
    var title = item && item.querySelector("strong");
    document.getElementById("quick-reply-about").textContent = title ? title.textContent : "";
    dialog.returnFocusTo = link;
    dialog.showModal();
  });
  document.addEventListener("click", function (event) {
    var close = event.target.closest && event.target.closest("[data-close-dialog]");
    if (close && close.closest("dialog")) close.closest("dialog").close();
  });
  document.addEventListener("close", function (event) {
    var back = event.target.returnFocusTo;
    if (back && back.isConnected) back.focus();
  }, true);

  function enhance(root) {
    setupCopyButtons(root);
    setupTimers(root);
    setupSentLabels(root);
    setupSelectAll(root);
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); openLinkedEntry(); });
  window.addEventListener("hashchange", openLinkedEntry);
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
