// Pages from a shared cache carry forms without the reader's CSRF token
// (core/forms_token.py). The token is fetched once the reader starts using such a
// form, from an address no cache keeps, so that reading a page costs the site nothing.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-token-url");
  var pending = null;

  function fill(token) {
    document.querySelectorAll("input[data-form-token]").forEach(function (field) {
      field.value = token;
    });
    return token;
  }

  function token() {
    if (!pending) {
      pending = fetch(url, { credentials: "same-origin", cache: "no-store" })
        .then(function (response) {
          if (!response.ok) { throw new Error("form token: " + response.status); }
          return response.json();
        })
        .then(function (data) { return data.token; })
        .catch(function () { pending = null; return ""; });
    }
    return pending;
  }

  function formNeedingToken(element) {
    var form = element && element.closest ? element.closest("form") : null;
    return form && form.querySelector("input[data-form-token]") ? form : null;
  }

  ["focusin", "pointerdown"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      // Every time: forms put in the page later (comments.js) need it too.
      if (formNeedingToken(event.target)) { token().then(fill); }
    }, true);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var field = form.querySelector("input[data-form-token]");
    // Sent as it is when the token could not be had: the site then offers the form again.
    if (!field || field.value || form.hasAttribute("data-form-token-tried")) { return; }
    event.preventDefault();
    form.setAttribute("data-form-token-tried", "");
    var submitter = event.submitter;
    token().then(function (value) {
      if (value) { fill(value); }
      if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
    });
  }, true);
})();
