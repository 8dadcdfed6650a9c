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

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target || event.target.id !== "site-search") return;
    var live = document.getElementById("search-live");
    if (live) live.innerHTML = "";
  });
})();
