// The comment section in place: votes, sorting, "View all", replies, reports and edits
// without a page load. Every action is the page's own link or form, sent with
// `Accept: application/json` (forms) or fetched from the section's own address
// (links: comments.views.section, the same template for the same query), so the server
// applies the same rules either way; without this script the links and forms work as
// they are. What happens is said in the section's live region.
//
// Everything is delegated from the section element on data attributes, so that parts
// rendered later (and features of other modules, such as passage threads) plug in by
// marking their links `data-comments-nav` or forms `data-vote` / `data-report`.

const STORE = "newsroom.commenter"; // name, email and website, kept only when asked
const REMEMBERED = ["name", "email", "url"];

const section = () => document.querySelector("section[data-comments]");

function say(text) {
  const live = section()?.querySelector("[data-comments-live]");
  if (!live || !text) { return; }
  // The same words twice in a row are read again only when the region changes.
  live.textContent = "";
  window.setTimeout(() => { live.textContent = text; }, 50);
}

function note(card, text, link) {
  if (!card) { return; }
  let box = card.querySelector(":scope > [data-comment-note]");
  if (!box) {
    box = document.createElement("p");
    box.className = "comment__note";
    box.setAttribute("data-comment-note", "");
    box.setAttribute("role", "status");
    card.append(box);
  }
  box.textContent = text;
  if (link) {
    const anchor = document.createElement("a");
    anchor.href = link.href;
    anchor.textContent = link.text;
    box.append(" ", anchor);
  }
}

function focus(element) {
  if (!element) { return; }
  if (!element.matches("a, button, input, textarea, select, [tabindex]")) {
    element.setAttribute("tabindex", "-1");
  }
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "start" });
}

async function send(form, submitter) {
  const body = new FormData(form);
  if (submitter?.name) { body.append(submitter.name, submitter.value); }
  const response = await fetch(form.action, {
    method: "POST",
    body,
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-Requested-With": "fetch" },
  });
  let data = {};
  try { data = await response.json(); } catch { data = {}; }
  return { ok: response.ok, status: response.status, data };
}

// ------------------------------------------------------------------------------
// The section from the server, for a query of the page (sort, every thread, a reply)
// ------------------------------------------------------------------------------
async function load(query) {
  const current = section();
  const url = new URL(current.dataset.comments, window.location.href);
  url.search = query;
  const response = await fetch(url, {
    credentials: "same-origin",
    headers: { Accept: "text/html", "X-Requested-With": "fetch" },
  });
  if (!response.ok) { throw new Error(`comments: ${response.status}`); }
  const html = await response.text();
  const fresh = new DOMParser().parseFromString(html, "text/html")
    .querySelector("section[data-comments]");
  if (!fresh) { throw new Error("comments: no section"); }
  // The live region stays the page's own: screen readers follow that one element.
  fresh.querySelector("[data-comments-live]")?.replaceWith(
    current.querySelector("[data-comments-live]"));
  current.replaceWith(fresh);
  remember(fresh);
  return fresh;
}

function pageUrl(query, hash = "") {
  const url = new URL(window.location.href);
  url.search = query;
  url.hash = hash;
  return url;
}

async function navigate(link) {
  const target = new URL(link.href, window.location.href);
  const kind = link.dataset.commentsNav;
  const shownBefore = new Set(
    [...section().querySelectorAll("#comment-list > .comment")].map((item) => item.id));
  let fresh;
  try {
    fresh = await load(target.search);
  } catch {
    window.location.assign(link.href); // the page does it the long way
    return;
  }
  if (kind === "sort" || kind === "all") {
    // A reload keeps what the reader chose.
    history.replaceState(history.state, "", pageUrl(target.search, "#comments"));
  }
  const threads = [...fresh.querySelectorAll("#comment-list > .comment")];
  if (kind === "sort") {
    focus(threads[0]?.querySelector("article"));
    say(fresh.querySelector(".comments__sort [aria-current]")?.dataset.said);
  } else if (kind === "all") {
    const first = threads.find((item) => !shownBefore.has(item.id)) || threads[0];
    focus(first?.querySelector("article"));
    say(fresh.querySelector("#comment-list")?.dataset.said);
  } else if (target.hash === "#reply-form") {
    focus(fresh.querySelector("#reply-form textarea"));
  } else {
    focus(fresh.querySelector(target.hash || "#comments-heading") || fresh);
  }
}

// ------------------------------------------------------------------------------
// Forms: votes, reports, comments and replies, edits
// ------------------------------------------------------------------------------
async function vote(form, submitter) {
  const card = form.closest("article");
  const { ok, data } = await send(form, submitter);
  if (ok) {
    const score = form.querySelector(".vote__score");
    score.textContent = data.score;
    score.classList.toggle("vote__score--up", data.score > 0);
    score.classList.toggle("vote__score--down", data.score < 0);
    form.querySelector(".vote__button--up").setAttribute("aria-pressed", String(data.vote === 1));
    form.querySelector(".vote__button--down").setAttribute("aria-pressed", String(data.vote === -1));
  } else {
    note(card, data.message, data.login_url && { href: data.login_url, text: data.login });
  }
  say(data.login ? `${data.login}. ${data.message}` : data.message);
}

async function report(form) {
  const card = form.closest("article");
  const { ok, data } = await send(form);
  if (ok && data.hidden) {
    // Hidden for readers now; the reader who reported still learns what happened.
    card.querySelector(".comment__text")?.remove();
    card.querySelector(".comment__actions")?.remove();
  } else if (ok) {
    form.remove();
  }
  note(card, data.message);
  say(data.message);
}

function showErrors(form, data) {
  form.querySelectorAll("[data-comment-errors]").forEach((box) => box.remove());
  form.querySelectorAll(".cm-field--error").forEach((box) => box.classList.remove("cm-field--error"));
  Object.entries(data.fields || {}).forEach(([name, value]) => {
    const field = form.querySelector(`input[name="${name}"]`);
    if (field && value) { field.value = value; }
  });
  const box = document.createElement("div");
  box.className = "comment-form__errors";
  box.setAttribute("role", "alert");
  box.setAttribute("data-comment-errors", "");
  const lines = [data.message || ""];
  Object.entries(data.errors || {}).forEach(([name, messages]) => {
    const field = form.querySelector(`[name="${name}"]`);
    const label = field && form.querySelector(`label[for="${field.id}"]`);
    field?.closest(".cm-field")?.classList.add("cm-field--error");
    lines.push(...messages.map((text) => (label ? `${label.textContent}: ${text}` : text)));
  });
  lines.filter(Boolean).forEach((line) => {
    const p = document.createElement("p");
    p.textContent = line;
    box.append(p);
  });
  form.prepend(box);
}

async function post(form, submitter) {
  keep(form);
  submitter?.setAttribute("disabled", "");
  let result;
  try {
    result = await send(form, submitter);
  } finally {
    submitter?.removeAttribute("disabled");
  }
  const { ok, data } = result;
  if (!ok) {
    showErrors(form, data);
    say(data.message);
    return;
  }
  const state = new URLSearchParams(section().dataset.query);
  state.delete("reply");
  const fresh = await load(state.toString());
  const card = data.comment && fresh.querySelector(`#c${data.comment} > article`);
  if (card) {
    note(card, data.message);
    focus(card);
  } else {
    const form = fresh.querySelector("#comment-form");
    const box = document.createElement("p");
    box.className = "comment-form__message";
    box.setAttribute("role", "status");
    box.textContent = data.message;
    form?.before(box);
    focus(box);
  }
  say(data.message);
}

async function openEditor(link) {
  const card = link.closest("article");
  const response = await fetch(link.href, { credentials: "same-origin" });
  const html = await response.text();
  const page = new DOMParser().parseFromString(html, "text/html");
  const form = page.querySelector(".comments-page form.comment-form");
  if (!response.ok || !form) {
    note(card, page.querySelector(".comments-page__message")?.textContent || "");
    return;
  }
  card.querySelector("[data-comment-editor]")?.remove();
  form.action = link.href;
  form.setAttribute("data-comment-editor", "");
  const id = `${card.closest(".comment").id}-edit`;
  form.querySelector("textarea").id = id;
  form.querySelector("label").htmlFor = id;
  form.querySelectorAll("a").forEach((cancel) => cancel.setAttribute("data-edit-cancel", ""));
  card.querySelector(".comment__text").hidden = true;
  card.querySelector(".comment__text").after(form);
  focus(form.querySelector("textarea"));
}

function closeEditor(form) {
  form.closest("article").querySelector(".comment__text").hidden = false;
  form.remove();
}

async function edit(form, submitter) {
  const card = form.closest("article");
  const { ok, data } = await send(form, submitter);
  if (!ok) {
    showErrors(form, { message: data.message });
    say(data.message);
    return;
  }
  const text = card.querySelector(".comment__text");
  text.innerHTML = data.html; // the server's rendering of the text: escaped and sanitized
  closeEditor(form);
  note(card, data.message);
  focus(card);
  say(data.message);
}

// ------------------------------------------------------------------------------
// A guest's name, email and website, in this browser only when they agree
// ------------------------------------------------------------------------------
function remember(root) {
  let saved = null;
  try { saved = JSON.parse(window.localStorage.getItem(STORE) || "null"); } catch { saved = null; }
  root.querySelectorAll("form.comment-form [data-remember]").forEach((box) => {
    const form = box.closest("form");
    box.hidden = false;
    if (!saved) { return; }
    box.querySelector("[data-remember-box]").checked = true;
    REMEMBERED.forEach((name) => {
      const field = form.elements.namedItem(name);
      if (field && !field.value && saved[name]) { field.value = saved[name]; }
    });
  });
}

function keep(form) {
  const box = form.querySelector("[data-remember-box]");
  if (!box) { return; }
  try {
    if (box.checked) {
      const values = Object.fromEntries(
        REMEMBERED.map((name) => [name, form.elements.namedItem(name)?.value || ""]));
      window.localStorage.setItem(STORE, JSON.stringify(values));
    } else {
      window.localStorage.removeItem(STORE);
    }
  } catch { /* storage off: nothing is kept */ }
}

// ------------------------------------------------------------------------------
// Wiring: one listener per kind of event, on the document (the section is replaced)
// ------------------------------------------------------------------------------
function inSection(element) {
  return element?.closest?.("section[data-comments]") ? element : null;
}

document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
      || event.shiftKey || event.altKey) { return; }
  const link = inSection(event.target.closest("a"));
  if (!link) { return; }
  let action = null;
  if (link.hasAttribute("data-comments-nav")) {
    action = () => navigate(link);
  } else if (link.hasAttribute("data-edit")) {
    action = () => openEditor(link);
  } else if (link.hasAttribute("data-edit-cancel")) {
    action = async () => closeEditor(link.closest("form"));
  } else if (link.hasAttribute("data-login-needed")) {
    action = async () => {
      const answer = await fetch(link.href, { headers: { Accept: "application/json" } });
      const data = await answer.json();
      note(link.closest("article"), data.message, { href: data.login_url, text: data.login });
      say(`${data.login}. ${data.message}`);
    };
  }
  if (!action) { return; }
  event.preventDefault();
  action().catch(() => window.location.assign(link.href));
});

document.addEventListener("submit", (event) => {
  // form-token.js stops a cached page's form until the token is in; it submits again.
  if (event.defaultPrevented) { return; }
  const form = inSection(event.target);
  if (!form) { return; }
  let action = null;
  if (form.hasAttribute("data-vote")) {
    action = vote;
  } else if (form.hasAttribute("data-report")) {
    action = report;
  } else if (form.hasAttribute("data-comment-editor")) {
    action = edit;
  } else if (form.matches("form.comment-form")) {
    action = post;
  }
  if (!action) { return; }
  event.preventDefault();
  action(form, event.submitter).catch(() => {
    // Something failed on the way (the network): let the browser send the form itself.
    if (event.submitter?.name) {
      const choice = document.createElement("input");
      choice.type = "hidden";
      choice.name = event.submitter.name;
      choice.value = event.submitter.value;
      form.append(choice);
    }
    form.submit();
  });
});

const start = section();
if (start) { remember(start); }
