// Inline feedback: a passage's marker opens the passage's discussion under it, in place.
//
// Without this script each marker is a link to the article page with ?passage=<id>,
// which has that discussion under the passage already (comments/feedback.py). Here the
// same page is fetched and its discussion moved in, so both ways show one rendering,
// posted through the same form under the same rules.
const live = document.createElement("p")
live.className = "visually-hidden"
live.setAttribute("role", "status")
document.body.append(live)

function threadId(passage) {
  return "passage-" + passage + "-thread"
}

function say(text) {
  live.textContent = ""
  // A fresh text node after a pause, so that the same words are announced again.
  window.setTimeout(function () { live.textContent = text }, 50)
}

function close(marker) {
  const thread = document.getElementById(threadId(marker.dataset.passageMarker))
  if (thread) thread.remove()
  marker.setAttribute("aria-expanded", "false")
  marker.focus()
}

function opened(marker, thread) {
  marker.setAttribute("aria-expanded", "true")
  const heading = thread.querySelector("h2")
  if (heading) {
    heading.setAttribute("tabindex", "-1")
    heading.focus()
    say(heading.textContent.trim())
  }
  const closer = thread.querySelector("[data-passage-close]")
  if (closer) {
    closer.addEventListener("click", function (event) {
      event.preventDefault()
      close(marker)
    })
  }
}

async function open(marker) {
  const passage = marker.dataset.passageMarker
  const paragraph = marker.closest("p")
  marker.setAttribute("aria-busy", "true")
  try {
    const response = await fetch(marker.href, { credentials: "same-origin" })
    if (!response.ok) throw new Error("passage thread: " + response.status)
    const page = new DOMParser().parseFromString(await response.text(), "text/html")
    const thread = page.getElementById(threadId(passage))
    if (!thread || !paragraph) throw new Error("passage thread: not on the page")
    paragraph.after(document.adoptNode(thread))
    opened(marker, thread)
  } catch (error) {
    // The link still leads to the same discussion, on its own page.
    window.location.assign(marker.href)
  } finally {
    marker.removeAttribute("aria-busy")
  }
}

document.querySelectorAll("a[data-passage-marker]").forEach(function (marker) {
  const id = threadId(marker.dataset.passageMarker)
  marker.setAttribute("aria-controls", id)
  const present = document.getElementById(id)
  marker.setAttribute("aria-expanded", present ? "true" : "false")
  if (present) opened(marker, present)
  marker.addEventListener("click", function (event) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
    event.preventDefault()
    if (document.getElementById(id)) close(marker)
    else open(marker)
  })
})
