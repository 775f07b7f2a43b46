// Cek KPJ: the watchdog and the "try again" block around a page's Pyodide worker, shared by
// the checker page (checker.js) and the employee-list page (employee-list.js).
// A worker that says nothing for 20 s has failed: it speaks at every step (each download's
// bytes, then each step of starting Python), and each word restarts the timer, so a hang
// anywhere ends in "failed" within 20 s of the last step.
(function () {
  "use strict";

  var SILENCE_MS = 20000;

  // page: the page's controller, with status (the status element; the block goes after
  // it), ready and failed (no timer then), fail() and retry(). help and retry: the texts.
  function RuntimeWatch(page, help, retry) {
    this.page = page;
    this.texts = { help: help, retry: retry };
    this.timer = null;
    this.node = null;
  }

  // The worker said something: (re)start the silence timer.
  RuntimeWatch.prototype.heard = function () {
    var page = this.page;
    clearTimeout(this.timer);
    if (page.ready || page.failed) return;
    this.timer = setTimeout(function () { page.fail(); }, SILENCE_MS);
  };

  RuntimeWatch.prototype.stop = function () {
    clearTimeout(this.timer);
  };

  // Show or hide the block under the status: a short explanation and the button.
  RuntimeWatch.prototype.showRetry = function (shown) {
    var page = this.page;
    if (!this.node) {
      var help = document.createElement("p");
      help.textContent = this.texts.help;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.dataset.action = "retry";
      button.textContent = this.texts.retry;
      button.addEventListener("click", function () { page.retry(); });
      var line = document.createElement("p");
      line.appendChild(button);
      this.node = document.createElement("div");
      this.node.className = "kpj-retry";
      this.node.append(help, line);
      page.status.after(this.node);
    }
    this.node.hidden = !shown;
  };

  window.KpjRuntimeWatch = RuntimeWatch;
})();
