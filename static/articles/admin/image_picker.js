// The body editor's image button and figures (a Tiptap node for django-prose-editor).
//
// What is stored stays what the reader's rendering expands: a paragraph of its own
// holding "[[image:N]]", N a library image's id (articles/placeholders.py). The editor
// shows that paragraph as a figure (thumbnail, alt text, caption), from the moment the
// image is placed, before any save; the picker uploads to the library or searches it
// through the admin's JSON views (articles/admin/images.py).
import { Node } from "django-prose-editor/editor";

const PLACEHOLDER = /^(?:\s|&nbsp;|&#160;)*\[\[image:(\d+)\]\](?:\s|&nbsp;|&#160;)*(?:<br>)?\s*$/;

// One request per image and page, however often a figure is drawn again.
const described = new Map();

// The article being edited, from the admin's change page address: its own texts of
// an image (alt, caption, credit) are what its figures show, not the library's.
const editedArticle = (window.location.pathname.match(/\/article\/(\d+)\/change\//) || [])[1];

function describe(url, id) {
  if (!described.has(id)) {
    const address = new URL(`${id}/`, new URL(url, window.location.href));
    if (editedArticle) address.searchParams.set("article", editedArticle);
    described.set(
      id,
      fetch(address, { credentials: "same-origin" }).then((response) => (response.ok ? response.json() : null)),
    );
  }
  return described.get(id);
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function ensureStylesheet() {
  if (document.querySelector("link[data-image-picker]")) return;
  const link = element("link", {
    rel: "stylesheet",
    href: new URL("image_picker.css", import.meta.url).href,
    "data-image-picker": "",
  });
  document.head.append(link);
}

function csrfToken() {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

// The dialog: two panes, upload and library; `place(image)` puts the choice in the body.
function openPicker(options, place) {
  ensureStylesheet();
  const t = options.texts;
  const dialog = element("dialog", { class: "image-picker", "aria-labelledby": "image-picker-title" });
  const close = element("button", { type: "button", class: "image-picker__close", text: t.close });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());

  // -- upload
  const errors = element("ul", { class: "image-picker__errors", role: "alert" });
  const field = (name, label, input) => {
    input.name = name;
    input.id = `image-picker-${name}`;
    return element("p", {}, element("label", { for: input.id, text: label }), input);
  };
  const fileInput = element("input", { type: "file", accept: "image/*", required: "" });
  const altInput = element("input", { type: "text", maxlength: "250", required: "" });
  const form = element(
    "form",
    { class: "image-picker__upload" },
    element("h3", { text: t.upload }),
    errors,
    field("file", t.file, fileInput),
    field("alt", t.alt, altInput),
    field("caption", t.caption, element("input", { type: "text", maxlength: "300" })),
    field("credit", t.credit, element("input", { type: "text", maxlength: "200" })),
    element("button", { type: "submit", class: "button default", text: t.submit }),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    const response = await fetch(options.uploadUrl, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
    }).catch(() => null);
    const data = response ? await response.json().catch(() => null) : null;
    if (response && response.ok && data) {
      described.set(data.id, Promise.resolve(data));
      place(data);
      dialog.close();
      return;
    }
    const messages = data && data.errors ? Object.values(data.errors).flat() : [];
    if (data && data.error) messages.push(data.error);
    if (!messages.length) messages.push(t.failed);
    errors.append(...messages.map((message) => element("li", { text: message })));
  });

  // -- library
  const search = element("input", { type: "search", id: "image-picker-search", "aria-label": t.search, placeholder: t.search });
  const results = element("ul", { class: "image-picker__results", "aria-live": "polite" });
  const library = element(
    "section",
    { class: "image-picker__library" },
    element("h3", { text: t.library }),
    search,
    results,
  );
  // Answers can arrive out of order: only the latest search's is shown.
  let latest = 0;
  const load = async () => {
    const asked = ++latest;
    const url = new URL(options.pickerUrl, window.location.href);
    url.searchParams.set("q", search.value);
    results.replaceChildren(element("li", { text: t.loading }));
    const response = await fetch(url, { credentials: "same-origin" }).catch(() => null);
    const data = response && response.ok ? await response.json() : { results: [] };
    if (asked !== latest) return;
    results.replaceChildren();
    if (!data.results.length) results.append(element("li", { text: t.none }));
    for (const image of data.results) {
      described.set(image.id, Promise.resolve(image));
      const button = element(
        "button",
        { type: "button", class: "image-picker__choice", "aria-label": `${t.place}: ${image.alt}` },
        element("img", { src: image.thumbnail, alt: "" }),
        element("span", { text: image.alt }),
        element("small", { text: image.file_name }),
      );
      button.addEventListener("click", () => {
        place(image);
        dialog.close();
      });
      results.append(element("li", {}, button));
    }
  };
  let timer;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(load, 250);
  });

  dialog.append(
    element("header", {}, element("h2", { id: "image-picker-title", text: t.title }), close),
    element("div", { class: "image-picker__panes" }, form, library),
  );
  document.body.append(dialog);
  dialog.showModal();
  load();
}

export const LibraryImage = Node.create({
  name: "libraryImage",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { pickerUrl: "", uploadUrl: "", texts: {} };
  },

  addAttributes() {
    return { id: { default: null, rendered: false } };
  },

  parseHTML() {
    return [
      {
        tag: "p",
        // Before the paragraph's own rule, which would keep the placeholder as text.
        priority: 60,
        getAttrs: (node) => {
          const match = node.innerHTML.match(PLACEHOLDER);
          return match ? { id: Number(match[1]) } : false;
        },
      },
    ];
  },

  renderHTML({ node }) {
    return ["p", {}, `[[image:${node.attrs.id}]]`];
  },

  addNodeView() {
    const options = this.options;
    return ({ node }) => {
      ensureStylesheet();
      const image = element("img", { alt: "" });
      const caption = element("figcaption", { text: `[[image:${node.attrs.id}]]` });
      const dom = element(
        "figure",
        { class: "library-image", "data-image-id": String(node.attrs.id), contenteditable: "false" },
        image,
        caption,
      );
      describe(options.pickerUrl, node.attrs.id).then((data) => {
        if (!data) {
          caption.textContent = options.texts.missing.replace("%(id)s", node.attrs.id);
          dom.classList.add("library-image--missing");
          return;
        }
        image.src = data.thumbnail;
        image.alt = data.alt;
        const credit = data.credit ? ` (${data.credit})` : "";
        caption.textContent = `${data.caption || data.alt}${credit} · ${data.placeholder}`;
      });
      return { dom };
    };
  },

  addCommands() {
    return {
      insertLibraryImage:
        (id) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { id } }),
    };
  },

  addMenuItems({ menu, buttons }) {
    const options = this.options;
    menu.defineItem({
      name: "libraryImage",
      groups: "nodes",
      button: buttons.material("image", options.texts.button),
      command(editor) {
        openPicker(options, (image) => {
          editor.chain().focus().insertLibraryImage(image.id).run();
        });
      },
    });
  },
});
