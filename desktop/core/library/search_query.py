"""The search language journalists expect, parsed once for the command line and the window.

Words are ANDed; ``OR`` (in capitals) between words or groups, binding tighter than the AND
as in web search (``trump OR biden debate``: a debate with either); ``-word`` or ``NOT word``
excludes; "quoted phrases"; ``word*`` for a prefix; ``( … )`` to group; and the filters
``title:``, ``source:``, ``story:``, ``tag:``, ``after:`` and ``before:`` (a date, a month
or a year, both ends included). Lower-case "or" and "not" are ordinary words. A query that
cannot mean anything (an unclosed quote, a lone ``OR``) is a ``QueryError`` with a one-line
message, never an FTS5 syntax error.

The result is a small tree (``Text``, ``Filter``, ``Not``, ``All``, ``Either``); turning it into
SQL is ``search_plan``'s job.
"""

from __future__ import annotations

import re

from desktop.core.frozen import Frozen

FIELDS = ("title", "source", "story", "tag", "after", "before")
DATE_FIELDS = ("after", "before")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TOKEN = re.compile(r'\s+|"[^"]*"?|[()]|[^\s()"]+(?:"[^"]*"?)?')
_FIELD = re.compile(r"^(-?)([a-z]+):(.*)$", re.DOTALL)
_WORD = re.compile(r"\w")


class QueryError(ValueError):
    """A query that cannot be searched; the message is one line for the user."""


class Text(Frozen):
    """Words to find: one word (``prefix`` if it ended with ``*``) or a quoted phrase, in the
    title and text, or only in the title (``field == "title"``)."""

    _fields = ("text", "phrase", "prefix", "field")
    __slots__ = _fields
    text: str
    phrase: bool
    prefix: bool
    field: str

    def __init__(
        self, text: str, phrase: bool = False, prefix: bool = False, field: str = ""
    ) -> None:
        self._set_fields(text, phrase, prefix, field)


class Filter(Frozen):
    """A condition on an article's metadata: ``source``, ``story``, ``tag``, ``after``,
    ``before``."""

    _fields = ("field", "value")
    __slots__ = _fields
    field: str
    value: str

    def __init__(self, field: str, value: str) -> None:
        self._set_fields(field, value)


class Not(Frozen):
    _fields = ("item",)
    __slots__ = _fields
    item: Node

    def __init__(self, item: Node) -> None:
        self._set_fields(item)


class All(Frozen):
    _fields = ("items",)
    __slots__ = _fields
    items: tuple[Node, ...]

    def __init__(self, items: tuple[Node, ...]) -> None:
        self._set_fields(items)


class Either(Frozen):
    _fields = ("items",)
    __slots__ = _fields
    items: tuple[Node, ...]

    def __init__(self, items: tuple[Node, ...]) -> None:
        self._set_fields(items)


Node = Text | Filter | Not | All | Either


def parse(query: str) -> Node | None:
    """The tree of ``query``, or None when it holds nothing to search for."""
    tokens = _tokens(query)
    parser = _Parser(tokens)
    node = parser.expression()
    if parser.position < len(tokens):  # only a stray ")" stops an expression early
        raise QueryError("unbalanced parenthesis: a ')' has no '(' before it")
    return node


def _tokens(query: str) -> list[str]:
    if query.count('"') % 2:
        raise QueryError('unbalanced quote: a phrase needs a closing "')
    return [t for t in _TOKEN.findall(query) if t.strip()]


class _Parser:
    """Recursive descent over the tokens: NOT and ``-`` bind tightest, then OR, then the
    implicit AND between groups."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.position = 0

    def _peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def expression(self) -> Node | None:
        """Groups side by side, all of which must match; inside a group, ``OR`` (as in web
        search: ``trump OR biden debate`` wants a debate with either)."""
        items: list[Node] = []
        while (token := self._peek()) is not None and token != ")":
            item = self._either()
            if item is not None:
                items.append(item)
        if not items:
            return None
        return items[0] if len(items) == 1 else All(tuple(items))

    def _either(self) -> Node | None:
        if self._peek() == "OR":
            raise QueryError("OR needs something to search for on each side")
        choices = [self._unary()]
        while self._peek() == "OR":
            self.position += 1
            if self._peek() in (None, "OR", ")"):
                raise QueryError("OR needs something to search for on each side")
            choices.append(self._unary())
        kept = [c for c in choices if c is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Either(tuple(kept))

    def _unary(self) -> Node | None:
        token = self._peek()
        if token == "NOT":
            self.position += 1
            if self._peek() in (None, "OR", ")"):
                raise QueryError("NOT needs something to exclude after it")
            item = self._unary()
            return Not(item) if item is not None else None
        if token == "AND":  # the default anyway
            self.position += 1
            return None
        if token == "-" and self.tokens[self.position + 1 : self.position + 2] == ["("]:
            self.position += 1  # -( … ) excludes a group
            item = self._unary()
            return Not(item) if item is not None else None
        if token == "(":
            self.position += 1
            inner = self.expression()
            if self._peek() != ")":
                raise QueryError("unbalanced parenthesis: a '(' is never closed")
            self.position += 1
            return inner
        self.position += 1
        return _term(str(token))


def _term(token: str) -> Node | None:
    """One word, phrase or filter; ``-`` before any of them excludes it."""
    field = _FIELD.match(token)
    if field and field.group(2) in FIELDS:
        negated, name, value = field.groups()
        node = _field_term(name, value)
        return Not(node) if negated and node is not None else node
    if token.startswith("-") and len(token) > 1:
        node = _term(token[1:])
        return Not(node) if node is not None else None
    if token.startswith('"'):
        phrase = token.strip('"')
        return Text(phrase, phrase=True) if _WORD.search(phrase) else None
    if not _WORD.search(token):
        return None  # punctuation alone finds nothing and excludes nothing
    return Text(token.rstrip("*"), prefix=token.endswith("*"))


def _field_term(name: str, value: str) -> Node | None:
    phrase = value.startswith('"')
    value = value.strip('"').strip()
    if not value:
        raise QueryError(f"{name}: needs a value, as in {name}:{_EXAMPLES[name]}")
    if name == "title":
        if not _WORD.search(value):
            return None
        prefix = value.endswith("*") and not phrase
        return Text(value.rstrip("*") if prefix else value, phrase, prefix, "title")
    return checked_filter(name, value)


def checked_filter(name: str, value: str) -> Filter:
    """The filter ``name:value`` (typed in a query, or given as an option); a date that is
    none is a ``QueryError``."""
    if name in DATE_FIELDS and not _DATE.match(value):
        raise QueryError(f"{name}: needs a date such as 2024-01-31, 2024-01 or 2024 (not {value})")
    return Filter(name, value)


_EXAMPLES = {
    "title": "budget",
    "source": "reuters",
    "story": '"Flood inquiry"',
    "tag": "politics",
    "after": "2024-01-01",
    "before": "2024-03-31",
}
