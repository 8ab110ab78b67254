// Added by `make devserver` to the pages it serves (never to a built file): ask the server about
// its builds; reload the page after each newer build that worked (not when only the content's
// text changed and this page's HTML is the same: the server sends its digest); after one that failed, show its
// report over the page, which stays as the last good build left it. The report is shown as text
// (textContent), never read as HTML.
(function () {
  "use strict";
  var tag = document.currentScript;
  var served = tag ? tag.getAttribute("data-build") : null;
  var digest = tag ? tag.getAttribute("data-page") : null;
  var box = null;
  var report = null;

  function overlay() {
    if (box) { return box; }
    box = document.createElement("div");
    box.id = "preview-build-failed";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;" +
      "z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#3b0000;" +
      "border-top:4px solid #b00020;box-shadow:0 -2px 12px rgba(0,0,0,.3);font:16px/1.4 system-ui,sans-serif";
    var heading = document.createElement("strong");
    heading.textContent = "The last change did not build.";
    var note = document.createElement("p");
    note.style.margin = ".25rem 0 .5rem";
    note.textContent = "This page shows the last build that worked. Fix the file named below and save it: " +
      "the page reloads by itself.";
    report = document.createElement("pre");
    report.style.cssText = "white-space:pre-wrap;margin:0;font:14px/1.4 ui-monospace,monospace";
    var hide = document.createElement("button");
    hide.type = "button";
    hide.textContent = "Hide";
    hide.style.cssText = "float:right;font:inherit";
    hide.addEventListener("click", function () { box.hidden = true; });
    box.append(hide, heading, note, report);
    document.body.appendChild(box);
    return box;
  }

  function follow(state) {
    if (served === null) { served = state.build; }  // the server's own page: only newer builds count
    if (!state.ok) {
      overlay().hidden = false;
      report.textContent = state.report;
    } else if (state.build !== served) {
      // Only the content's text changed: a page whose HTML is the same looks the same.
      if (state.textOnly && digest) { return reloadIfChanged(state.build); }
      location.reload();
      return false;
    } else if (box) {
      box.hidden = true;
    }
    return true;
  }

  function reloadIfChanged(build) {
    return fetch(location.href, {method: "HEAD", cache: "no-store"}).then(function (answer) {
      if (answer.ok && answer.headers.get("X-Preview-Page") === digest) {
        served = build;
        if (box) { box.hidden = true; }
        return true;
      }
      location.reload();
      return false;
    }, function () { location.reload(); return false; });
  }

  // Ask, rather than keep a connection open: a browser keeps at most six open to one server.
  function ask() {
    fetch("/__preview/build", {cache: "no-store"})
      .then(function (answer) { return answer.json(); })
      .then(follow, function () { return true; })  // the server is restarting: ask again
      .then(function (goOn) { if (goOn) { setTimeout(ask, document.hidden ? 3000 : 700); } });
  }
  ask();
})();
