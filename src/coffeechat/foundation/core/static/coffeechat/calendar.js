// The calendar page: "Copy link" copies the private feed link and says so in a live region.
// Where the clipboard API is refused (an insecure context, an old browser), the link is
// selected instead, so the person can copy it with the keyboard or the context menu.
(function () {
  "use strict";

  function say(status, text) {
    // Emptied first, so screen readers announce the same words again on a second click.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function selectAll(input) {
    input.focus();
    input.select();
    input.setSelectionRange(0, input.value.length);
  }

  function fallbackCopy(input, status) {
    selectAll(input);
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    say(status, copied
      ? "Copied. Paste it into your calendar app."
      : "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
  }

  function setup() {
    document.querySelectorAll("[data-copy-feed]").forEach(function (button) {
      var input = document.getElementById(button.dataset.copyFeed);
      var status = document.getElementById(button.dataset.copyStatus);
      if (!input || !status) return;
      button.addEventListener("click", function () {
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(function () {
            say(status, "Copied. Paste it into your calendar app.");
          }, function () { fallbackCopy(input, status); });
        } else {
          fallbackCopy(input, status);
        }
      });
    });
    document.querySelectorAll("input[data-select-all]").forEach(function (input) {
      input.addEventListener("focus", function () { input.select(); });
    });
  }

  document.addEventListener("DOMContentLoaded", setup);
})();
