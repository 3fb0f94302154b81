"""A writer's profile set beside the story: "Jane Doe is a reporter covering health for …".

Pages show the writers' short biographies under the byline or after the last paragraph, and
the extractor takes them for the story's first or last paragraphs; a summary then quotes them.
A paragraph at either end of the text that opens with the full name of a writer in the byline
and goes on as a profile does is the page's, not the story's; at the end, so is one that opens
with the full name whatever follows ("Lance Ulanoff makes frequent appearances on …"), and one
whose first sentence calls the writer by one name as a profile does ("A 38-year industry
veteran, Lance has covered technology since …", "Dawn is a homeschooling mother of eight").
Inside the story the same words are a story about its writer, and stay. (The page's furniture
rules take a closing profile by its words alone, "… is a staff writer covering …", before the
byline is known; this one knows the names: "Manoj Jain is adjunct faculty at Emory
University.")
"""

from __future__ import annotations

import re

from desktop.core.library.importers.writers import listed_names

PROFILE_WORDS = 120
"""A profile is a short paragraph; a longer one is the story's."""
_PROFILE_VERB = r"(?:is|was|has|covers|writes|reports|joined|ist|schreibt|est|es|è)\b"
_NAMED_PROFILE = (
    r"(?:(?:is|was)\s+(?:a|an|the)|has\s+(?:covered|written|reported|been|worked|spent)"
    r"|covers|writes|reports|joined)\b"
)
"""What follows a writer's single name in a profile; a story's "Sarah is now back home" is
not one, though its Sarah shares the writer's first name."""
_FIRST_SENTENCE = re.compile(r"^.*?(?:[.!?](?=\s)|$)", re.DOTALL)


def without_writer_bios(text: str, byline: str) -> str:
    """``text`` without its writers' profiles at its start and its end (see the module)."""
    names = [n for n in listed_names(byline) if len(n.split()) >= 2]
    if not names:
        return text
    full = "|".join(map(re.escape, names))
    profile = re.compile(rf"(?:{full})\s+{_PROFILE_VERB}")
    closing = re.compile(rf"(?:{full})[\s,]")
    parts = {part for n in names for part in (n.split()[0], n.split()[-1])}
    named = re.compile(rf"\b(?:{full}|{'|'.join(map(re.escape, parts))})\s+{_NAMED_PROFILE}")
    paragraphs = text.split("\n\n")

    def is_short(paragraph: str) -> bool:
        return len(paragraph.split()) <= PROFILE_WORDS

    def is_closing_profile(paragraph: str) -> bool:
        first = _FIRST_SENTENCE.match(paragraph)
        return is_short(paragraph) and (
            closing.match(paragraph) is not None
            or (first is not None and named.search(first.group()) is not None)
        )

    end = len(paragraphs)
    while end > 1 and is_closing_profile(paragraphs[end - 1]):
        end -= 1
    start = 1 if end > 1 and is_short(paragraphs[0]) and profile.match(paragraphs[0]) else 0
    return "\n\n".join(paragraphs[start:end])
