// Progress while a check runs, and the mail program picker on the result page. The page works
// without this file: the form submits normally and every client's steps are plain <details>.
"use strict";
(function () {
  function startProgress(form) {
    var box = form.querySelector(".progress");
    var text = form.querySelector("#progress-text") || box;
    var button = form.querySelector("button[type=submit]");
    if (!box) { return; }
    box.hidden = false;
    if (button) { button.disabled = true; button.textContent = "Checking…"; }
    var started = Date.now();
    var base = text.textContent;
    var timer = window.setInterval(function () {
      var seconds = Math.round((Date.now() - started) / 1000);
      text.textContent = base + " " + seconds + " s so far.";
    }, 1000);
    // coming back with the browser's Back button shows the form ready again
    window.addEventListener("pageshow", function () {
      window.clearInterval(timer);
      box.hidden = true;
      if (button) { button.disabled = false; button.textContent = "Check"; }
      text.textContent = base;
    }, { once: true });
  }

  function showGuide(id) {
    var guides = document.querySelectorAll("details.guide");
    for (var i = 0; i < guides.length; i++) {
      var mine = guides[i].getAttribute("data-client") === id;
      guides[i].open = mine;
      guides[i].hidden = id !== "" && !mine;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form.check");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", function (event) { startProgress(event.currentTarget); });
    }
    var picker = document.getElementById("client-picker");
    if (picker) {
      document.getElementById("picker").hidden = false;
      picker.addEventListener("change", function () { showGuide(picker.value); });
      if (picker.value !== "") { showGuide(picker.value); }
    }
  });
})();
