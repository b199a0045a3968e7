// Filters the finding cards in place. No data leaves the page and nothing is fetched: the cards
// carry data-severity, data-channel, data-lang, data-rule and data-new, and the search box
// matches every word against the card's visible text.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var texts = cards.map(function (card) { return card.textContent.toLocaleLowerCase(); });
  var shown = document.getElementById("shown-count");
  var noMatch = document.getElementById("no-match");

  function checkedValues(name) {
    var boxes = form.querySelectorAll("input[name='" + name + "']");
    return Array.prototype.filter.call(boxes, function (b) { return b.checked; })
      .map(function (b) { return b.value; });
  }

  function apply() {
    var severities = checkedValues("severity");
    var channel = form.elements.channel.value;
    var lang = form.elements.lang.value;
    var rule = form.elements.rule.value;
    var onlyNew = form.elements["new"] ? form.elements["new"].checked : false;
    var query = form.elements.q.value.trim().toLocaleLowerCase();
    var words = query ? query.split(/\s+/) : [];
    var count = 0;
    cards.forEach(function (card, i) {
      var d = card.dataset;
      var visible = severities.indexOf(d.severity) !== -1 &&
        (!channel || d.channel === channel) &&
        (!lang || d.lang === lang) &&
        (!rule || d.rule === rule) &&
        (!onlyNew || d["new"] === "true") &&
        words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      card.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = String(count);
    noMatch.hidden = count !== 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  // Printing shows every place a statement appears, not only the lists someone opened.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
  form.hidden = false;
  apply();
}());
