"""The text of a mail's HTML body, for .eml, .mbox and Outlook's .msg alike.

Someone's own mail keeps every line, its quoted messages marked as a plain-text mail marks them
(``mail_text``). A newsletter is different: mail sent in bulk (it names a way to unsubscribe,
RFC 2369's ``List-Unsubscribe``) is laid out as a web page, with a "view in browser" line,
share and like buttons and a footer of addresses and links, so the web page importer finds its
story. Every line stays when it finds nothing, or too little to be the story, and for a short
notice, which is no page.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.library.importers.element_text import (
    html_document_body,
    mail_text,
    quotes_a_message,
)
from desktop.core.library.importers.errors import UnreadableFile

BULLETIN_SHARE = 0.3
"""The least share of a newsletter's words its story may hold: less is a wrong pick."""
BULLETIN_WORDS = 120
"""A bulk mail this short is a notice, not a story laid out as a page: read as it is (the web
page importer's fallbacks cut a lone paragraph at its links)."""


def html_mail_text(document: str, *, bulk: bool) -> str:
    """The text of an HTML mail ``document``; ``bulk`` when the mail says it was sent in bulk."""
    body = html_document_body(document) if document.strip() else None
    if body is None:
        return ""
    if not bulk or quotes_a_message(body):  # a reply to a list is someone's own mail
        return mail_text(body)
    return _bulletin_text(document, mail_text(body))


def _bulletin_text(document: str, whole: str) -> str:
    from desktop.core.library.importers.html import parse_html

    if len(whole.split()) < BULLETIN_WORDS:
        return whole
    try:
        story = parse_html(document, Path("newsletter.html"))[0].text
    except UnreadableFile:
        return whole
    return story if len(story.split()) >= BULLETIN_SHARE * len(whole.split()) else whole
