// Counts the characters of a text field that has a recommended length
// (data-recommended-length="120-160", set with the counter's words by
// articles/admin/forms.py) as one types, and says when the text is shorter or longer
// than recommended. Without JavaScript the help text names the same range.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  for (const field of document.querySelectorAll("[data-recommended-length]")) {
    const [low, high] = field.dataset.recommendedLength.split("-").map(Number);
    const words = field.dataset;
    // Under the field, lined up as the admin lines up help texts (after the row's
    // label-and-widget box, not inside it, where it would stand beside the field).
    const hint = document.createElement("div");
    hint.className = "help length-hint";
    hint.id = `${field.id}_length`;
    hint.setAttribute("aria-live", "polite");
    (field.closest(".flex-container") || field).after(hint);
    const described = [field.getAttribute("aria-describedby"), hint.id];
    field.setAttribute("aria-describedby", described.filter(Boolean).join(" "));
    const update = () => {
      // Characters as readers count them (an emoji is one), not UTF-16 units.
      const count = [...field.value.trim()].length;
      const template = count === 1 ? words.lengthOne : words.lengthMany;
      let text = template
        .replace("{count}", count)
        .replace("{low}", low)
        .replace("{high}", high);
      const outside = count > 0 && (count < low || count > high);
      if (outside) text += `: ${count < low ? words.lengthShort : words.lengthLong}`;
      hint.textContent = text;
      hint.classList.toggle("length-hint--outside", outside);
    };
    field.addEventListener("input", update);
    update();
  }
});
