// Passages open for readers' feedback, in the article body editor (django-prose-editor).
//
// A paragraph marked here carries data-passage="<id>": a random id made once, when the
// paragraph is first marked. It stays with the paragraph through edits, moves and edits
// of other paragraphs, so readers' comments on it stay attached (articles/passages.py).
// Splitting a marked paragraph with Enter leaves the new half unmarked: one id, one passage.
import { Extension } from "django-prose-editor/editor"

const ATTRIBUTE = "data-passage"
const VALID = /^[a-z0-9]{6,16}$/

function newId() {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => (b % 36).toString(36)).join("")
}

// The paragraphs the selection touches, with their positions.
function selectedParagraphs(state) {
  const found = []
  const { from, to } = state.selection
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name === "paragraph") {
      found.push({ node, pos })
      return false
    }
    return true
  })
  return found
}

let styled = false
function addEditorStyle() {
  // The admin's policy allows style elements; the mark shows as a bar in the margin.
  if (styled) return
  styled = true
  const style = document.createElement("style")
  style.textContent =
    ".ProseMirror p[data-passage]{border-inline-start:4px solid #2f6f9f;" +
    "padding-inline-start:.5em;background:#eef5fb}"
  document.head.append(style)
}

export const Passage = Extension.create({
  name: "passage",

  addOptions() {
    return {
      title: "Open for readers' feedback",
    }
  },

  addGlobalAttributes() {
    return [
      {
        types: ["paragraph"],
        attributes: {
          passage: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => {
              const value = element.getAttribute(ATTRIBUTE)
              return value && VALID.test(value) ? value : null
            },
            renderHTML: (attributes) =>
              attributes.passage ? { [ATTRIBUTE]: attributes.passage } : {},
          },
        },
      },
    ]
  },

  addCommands() {
    return {
      // Marks every selected paragraph; when all of them are marked already, unmarks them.
      togglePassage:
        () =>
        ({ state, tr, dispatch }) => {
          const paragraphs = selectedParagraphs(state)
          if (!paragraphs.length) return false
          const allMarked = paragraphs.every(({ node }) => node.attrs.passage)
          if (dispatch) {
            for (const { node, pos } of paragraphs) {
              if (allMarked) {
                tr.setNodeAttribute(pos, "passage", null)
              } else if (!node.attrs.passage) {
                tr.setNodeAttribute(pos, "passage", newId())
              }
            }
          }
          return true
        },
    }
  },

  onCreate() {
    addEditorStyle()
  },

  addMenuItems({ buttons, menu }) {
    const title = this.options.title
    menu.defineItem({
      name: "passage",
      groups: "nodes",
      button: buttons.material("add_comment", title),
      command(editor) {
        editor.chain().focus().togglePassage().run()
      },
      enabled(editor) {
        return editor.can().togglePassage()
      },
      active(editor) {
        const paragraphs = selectedParagraphs(editor.state)
        return paragraphs.length > 0 && paragraphs.every(({ node }) => node.attrs.passage)
      },
    })
  },
})
