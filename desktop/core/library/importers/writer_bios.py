"""A writer's profile set beside the story: "Jane Doe is a reporter covering health for …".

Pages show the writers' short biographies under the byline or after the last paragraph, and
the extractor takes them for the story's first or last paragraphs; a summary then quotes them.
A paragraph at either end of the text that opens with the full name of a writer in the byline
and goes on as a profile does is the page's, not the story's. Inside the story the same words
are a story about its writer, and stay. (The page's furniture rules take a closing profile by
its words alone, "… is a staff writer covering …", before the byline is known; this one knows
the names: "Manoj Jain is adjunct faculty at Emory University.")
"""

from __future__ import annotations

import re

from desktop.core.library.importers.writers import listed_names

PROFILE_WORDS = 120
"""A profile is a short paragraph; a longer one is the story's."""
_PROFILE_VERB = r"(?:is|was|has|covers|writes|reports|joined|ist|schreibt|est|es|è)\b"


def without_writer_bios(text: str, byline: str) -> str:
    """``text`` without its writers' profiles at its start and its end (see the module)."""
    names = [n for n in listed_names(byline) if len(n.split()) >= 2]
    if not names:
        return text
    profile = re.compile(rf"(?:{'|'.join(map(re.escape, names))})\s+{_PROFILE_VERB}")
    paragraphs = text.split("\n\n")

    def is_profile(paragraph: str) -> bool:
        return profile.match(paragraph) is not None and len(paragraph.split()) <= PROFILE_WORDS

    end = len(paragraphs)
    while end > 1 and is_profile(paragraphs[end - 1]):
        end -= 1
    start = 1 if end > 1 and is_profile(paragraphs[0]) else 0
    return "\n\n".join(paragraphs[start:end])
