// The body editor's "link to the site" button: find an article, section, tag, author
// or static page by name and link the selected text to it (or insert its name, linked,
// where nothing is selected). The link is stored as href="[[link:kind:id]]", which the
// reader turns into the target's current URL (articles/links.py), so that it follows
// later slug changes and moves. Loaded by django-prose-editor's configurable preset
// from DJANGO_PROSE_EDITOR_EXTENSIONS; options come from articles/links.py.
import { Extension } from "django-prose-editor/editor"

const element = (tag, properties = {}, children = []) => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(properties)) {
    if (name.startsWith("data-") || name.startsWith("aria-") || name === "role") {
      node.setAttribute(name, value)
    } else {
      node[name] = value
    }
  }
  node.append(...children)
  return node
}

// The edition whose names to show: the form's language field, else the page's.
const editionOf = (editor) => {
  const form = editor.view.dom.closest("form")
  const field = form?.querySelector("[name=language]")
  return field?.value || document.documentElement.lang || ""
}

const pickTarget = (editor, options) =>
  new Promise((resolve) => {
    const labels = options.labels
    const search = element("input", {
      type: "search",
      id: "internal-link-search",
      autocomplete: "off",
      placeholder: labels.placeholder,
    })
    const status = element("p", { className: "internal-link__status", role: "status" })
    const results = element("ul", { className: "internal-link__results" })
    const cancel = element("button", { type: "button", textContent: labels.cancel })
    const dialog = element(
      "dialog",
      { className: "prose-editor-dialog internal-link", "aria-labelledby": "internal-link-title" },
      [
        element("h3", {
          className: "prose-editor-dialog-title",
          id: "internal-link-title",
          textContent: labels.title,
        }),
        element("div", { className: "prose-editor-dialog-field" }, [
          element("label", { htmlFor: search.id, textContent: labels.search }),
          search,
        ]),
        status,
        results,
        element("div", { className: "prose-editor-dialog-buttons" }, [cancel]),
      ],
    )
    const holder = element("div", {}, [dialog])
    editor.view.dom.parentElement.append(holder)

    let chosen = null
    let asked = 0
    let timer
    const show = (found) => {
      results.replaceChildren()
      let heading = ""
      for (const target of found) {
        if (target.kindLabel !== heading) {
          heading = target.kindLabel
          results.append(element("li", { className: "internal-link__kind", textContent: heading }))
        }
        const button = element(
          "button",
          { type: "button", className: "internal-link__target", "data-href": target.href },
          [
            element("span", { className: "internal-link__label", textContent: target.label }),
            element("span", { className: "internal-link__detail", textContent: target.detail }),
          ],
        )
        button.addEventListener("click", () => {
          chosen = target
          dialog.close()
        })
        results.append(element("li", {}, [button]))
      }
      status.textContent = found.length ? "" : labels.nothing
    }
    const ask = async () => {
      const term = search.value.trim()
      const mine = ++asked
      if (!term) {
        show([])
        status.textContent = ""
        return
      }
      const url = new URL(options.searchUrl, window.location.href)
      url.searchParams.set("q", term)
      url.searchParams.set("language", editionOf(editor))
      try {
        const response = await fetch(url, { credentials: "same-origin" })
        const answer = await response.json()
        if (mine !== asked) return // a later keystroke asked again
        if (!response.ok) {
          status.textContent = answer.error || labels.failed
          return
        }
        show(answer.results)
      } catch {
        if (mine === asked) status.textContent = labels.failed
      }
    }
    search.addEventListener("input", () => {
      clearTimeout(timer)
      timer = setTimeout(ask, 200)
    })
    search.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        // Enter takes the first result, as a search box's reader expects.
        event.preventDefault()
        results.querySelector("button")?.click()
      } else if (event.key === "ArrowDown") {
        event.preventDefault()
        results.querySelector("button")?.focus()
      }
    })
    results.addEventListener("keydown", (event) => {
      const buttons = [...results.querySelectorAll("button")]
      const at = buttons.indexOf(document.activeElement)
      if (event.key === "ArrowDown" && at < buttons.length - 1) buttons[at + 1].focus()
      else if (event.key === "ArrowUp") (at > 0 ? buttons[at - 1] : search).focus()
      else return
      event.preventDefault()
    })
    cancel.addEventListener("click", () => dialog.close())
    dialog.addEventListener("close", () => {
      holder.remove()
      resolve(chosen)
    })
    dialog.showModal()
    search.focus()
  })

export const InternalLink = Extension.create({
  name: "internalLink",

  addOptions() {
    return {
      searchUrl: "",
      labels: {
        button: "Link to the site",
        title: "Link to an article, section, tag, author or page",
        search: "Name",
        placeholder: "",
        nothing: "Nothing found.",
        failed: "The search failed.",
        cancel: "Cancel",
      },
    }
  },

  addCommands() {
    return {
      addInternalLink:
        () =>
        ({ editor }) => {
          // The text selected when the button was pressed is the one to link: the
          // dialog takes the focus, and what it gives back must not decide.
          const { from, to } = editor.state.selection
          pickTarget(editor, this.options).then((target) => {
            if (!target) {
              editor.chain().focus().setTextSelection({ from, to }).run()
              return
            }
            editor.chain().focus().setTextSelection({ from, to }).run()
            const chain = editor.chain()
            if (editor.state.selection.empty && !editor.isActive("link")) {
              chain
                .insertContent({
                  type: "text",
                  text: target.label,
                  marks: [{ type: "link", attrs: { href: target.href } }],
                })
                .run()
            } else {
              chain.extendMarkRange("link").setMark("link", { href: target.href }).run()
            }
          })
          return true
        },
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "internalLink",
      groups: "link",
      priority: 90,
      command(editor) {
        editor.commands.addInternalLink()
      },
      button: buttons.material("travel_explore", this.options.labels.button),
    })
  },
})
