// The hall's display: replaces the board every few seconds without reloading the page. Without this script the
// page reloads itself (a refresh inside <noscript>), so a TV browser without JavaScript still shows the queue.
(function () {
  "use strict";
  var board = document.getElementById("queue-board");
  if (!board || !window.fetch) {
    return;
  }

  function refresh() {
    fetch(board.getAttribute("data-board"), { cache: "no-store", credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html) { board.innerHTML = html; } })
      .catch(function () { /* keep showing the last board; try again next time */ })
      .finally(function () { window.setTimeout(refresh, 5000); });
  }

  window.setTimeout(refresh, 5000);
}());
