"""Problems with notes that the user can fix; each message names what is wrong."""

from __future__ import annotations


class NotesError(ValueError):
    """Base of every user-fixable notes problem."""


class UnknownArticle(NotesError):
    """No article with that id is in the library."""


class UnknownHighlight(NotesError):
    """No highlight with that id is in the library."""


class UnknownCategory(NotesError):
    """No highlight category with that name or label."""


class BadOffsets(NotesError):
    """``start``/``end`` do not select a non-empty passage of the article."""


class QuoteNotFound(NotesError):
    """The quoted text does not occur in the article."""


class OccurrenceOutOfRange(NotesError):
    """The quote occurs fewer times than the occurrence asked for."""


class BadNotesFile(NotesError):
    """A notes file (import or backup) cannot be read; the message names the file."""
