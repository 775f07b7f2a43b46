// Cek KPJ: when a search finds nothing, the search panel offers the checker and the list
// of causes (rendered in the page's language by overrides/partials/search.html) instead
// of Material's bare "no matching documents".
//
// Material 9.8 shows that text in .md-search-result__meta and leaves the result list
// empty; this watches both (Material internals, listed in build_scripts/material_internals.py).
(function () {
  "use strict";
  var panel = document.querySelector("[data-cek-kpj-search-empty] > div");
  var input = document.querySelector("input.md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  var config = document.getElementById("__config");
  if (!panel || !input || !meta || !list || !config) return;
  var none = JSON.parse(config.textContent).translations["search.result.none"];

  function update() {
    var nothing = input.value.trim() !== "" && list.children.length === 0 &&
      meta.textContent.trim() === none;
    if (panel.hidden === nothing) panel.hidden = !nothing;
  }

  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  new MutationObserver(update).observe(list, { childList: true });
  input.addEventListener("input", update);
})();
