// The header's search box: "/" puts the cursor in it (not while typing elsewhere), Escape
// closes the live results. Without this script the box is a plain form to /search/.
(function () {
  "use strict";

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    var box = document.getElementById("site-search");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // The panel hangs under the box; where the box sits far right (a wide header), it is moved
  // left so that it stays on screen, and an answer with nothing to show leaves no empty panel.
  function keepOnScreen(live) {
    live.style.left = "";
    if (!live.textContent.trim()) {
      live.innerHTML = "";
      return;
    }
    var margin = 8;
    var rect = live.getBoundingClientRect();
    var overflow = rect.right - (document.documentElement.clientWidth - margin);
    if (overflow > 0) {
      live.style.left = -Math.min(overflow, Math.max(0, rect.left - margin)) + "px";
    }
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target && event.target.id === "search-live") keepOnScreen(event.target);
  });

  // A click elsewhere closes the live results, as Escape does.
  document.addEventListener("click", function (event) {
    var live = document.getElementById("search-live");
    if (!live || !live.innerHTML) return;
    var box = live.closest(".search-box");
    if (box && !box.contains(event.target)) live.innerHTML = "";
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target || event.target.id !== "site-search") return;
    var live = document.getElementById("search-live");
    if (live) live.innerHTML = "";
  });

  // Down and Up walk the box and the links of the live results, as in any search field's
  // suggestions; Escape from a result goes back to the box with the words still in it.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Escape") return;
    var box = document.getElementById("site-search");
    var live = document.getElementById("search-live");
    if (!box || !live || !event.target) return;
    var inBox = event.target === box;
    if (!inBox && !live.contains(event.target)) return;
    if (event.key === "Escape") {
      if (!inBox) { event.preventDefault(); box.focus(); }
      return;
    }
    var links = Array.prototype.slice.call(live.querySelectorAll("a[href]"));
    if (!links.length) return;
    var at = inBox ? -1 : links.indexOf(event.target);
    var next = event.key === "ArrowDown" ? at + 1 : at - 1;
    event.preventDefault();
    if (next < 0) box.focus();
    else links[Math.min(next, links.length - 1)].focus();
  });
})();
