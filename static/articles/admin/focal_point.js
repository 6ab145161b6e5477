// The image library's focal point: a click on the picture sets the two fraction
// fields (focal_x, focal_y, 0..1 from the top left) and moves the marker there.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  const frame = document.querySelector("[data-focal-point]");
  const across = document.querySelector("input[name=focal_x]");
  const down = document.querySelector("input[name=focal_y]");
  if (!frame || !across || !down) return;
  const marker = frame.querySelector(".focal-point__marker");
  const show = () => {
    marker.style.left = `${Number(across.value) * 100}%`;
    marker.style.top = `${Number(down.value) * 100}%`;
  };
  frame.addEventListener("click", (event) => {
    const box = frame.getBoundingClientRect();
    const fraction = (value) => Math.min(1, Math.max(0, value)).toFixed(3);
    across.value = fraction((event.clientX - box.left) / box.width);
    down.value = fraction((event.clientY - box.top) / box.height);
    show();
  });
  across.addEventListener("input", show);
  down.addEventListener("input", show);
  show();
});
