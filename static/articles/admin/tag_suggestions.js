// Suggests existing tags while an editor types into the comma-separated tag field.
// A <datalist> keeps it native: the browser shows the options, keyboard included.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("input[data-suggest-url]");
  if (!input) return;
  const list = document.createElement("datalist");
  list.id = "id_tags_suggestions";
  input.after(list);
  input.setAttribute("list", list.id);
  input.setAttribute("autocomplete", "off");
  const url = new URL(input.dataset.suggestUrl, window.location.href);
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const parts = input.value.split(",");
      const term = parts.pop().trim();
      list.replaceChildren();
      if (!term) return;
      url.searchParams.set("q", term);
      // The names of the article's edition: the language field's, or the article's.
      const language = document.querySelector("select#id_language");
      url.searchParams.set("language", language ? language.value : input.dataset.language || "");
      const response = await fetch(url, { credentials: "same-origin" });
      if (!response.ok) return;
      const { results } = await response.json();
      const prefix = parts.map((part) => part.trim()).filter(Boolean);
      for (const name of results) {
        const option = document.createElement("option");
        option.value = [...prefix, name.includes(" ") ? `"${name}"` : name].join(", ");
        list.append(option);
      }
    }, 150);
  });
});
