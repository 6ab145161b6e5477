"""How the body marks where an image goes: "[[image:12]]", the image's id inside.

Defined once for everything that writes, expands or reads past it (the image model,
the reader's rendering, the translation number check); imports nothing.
"""

IMAGE_PLACEHOLDER = r"\[\[image:(\d+)\]\]"


def image_placeholder(image_id: int) -> str:
    return f"[[image:{image_id}]]"
