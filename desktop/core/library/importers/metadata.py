"""Titles, bylines and source names as a reader would write them, from what pages declare.

Pages put their own name in the ``<title>`` ("… - IGN", "LinkNaija | …"), organisations and
job descriptions in the author field ("JERUSALEM POST STAFF NOVEMBER", "Phil Helsel is a
reporter", "Condé Nast; Louise Matsakis"), and leave trafilatura to guess a site name from a
host ("Hosted") or a footer ("Copyright 2014"). These cleaners keep what names a headline, a
person or an outlet, comparing against the site's declared name and its domain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

_SEPARATOR = re.compile(r"\s+[|\-–—:·•»]\s+|\s*[|｜：ㅣ]\s*|:\s+")
"""Between a title's parts; full-width bars and colons, and the Hangul letter used as a bar
("…：朝日新聞デジタル", "…ㅣ한국일보"), need no spaces round them."""
_KEY = re.compile(r"[\W_]+")
# What a site appends to every headline: an archive's year ("… (Published 2016)"), a social
# post's handles and tags ("… @themotleyfool #stocks $AMZN").
_TITLE_TAIL = re.compile(r"\s*\(published \d{4}\)$|(?:\s+[@#$][^\W\d]\w*){2,}$", re.IGNORECASE)
# A separator left at an end where a template put an empty site name: " | Some Title".
_LOOSE_START = re.compile(r"^[|·•»]\s+")
_LOOSE_END = re.compile(r"\s+[|·•»]$")
_BY = re.compile(r"^(?:.*\b)?(?i:by)(?:\s+|$)|^(?:.*\s)?Von\s+(?=[A-Z])")
"""What a byline opens with, up to its names: "By", or German "Von" before a capital ("Capital
Von Jemima Kelly"; not "Ursula von der Leyen")."""
# Separators between a byline's people, "and" in English, German, French and Scandinavian (and
# what follows them: "Pete Evans · CBC News").
_PEOPLE = re.compile(r"\s*(?:;|\b(?:and|und|et|og|och)\b|&|\s[|·•]\s)\s*")
# What a page's author box shows after the name: "Link Copied", "View author archive", "See
# full bio", "Follow", a staff role ("Howard Blume Staff Writer", where "Staff" alone would
# make the whole part a desk's name).
_CONTROLS = re.compile(
    r"(?:^|\s+)(?:link\s+copied|copy\s+link|view\s+(?:author|all|profile|more)|see\s+full|"
    r"full\s+bio|follow|get\s+author|staff\s+(?:writer|reporter|correspondent|photographer))"
    r"\b.*$",
    re.IGNORECASE,
)
# A label before the name: "Author Isaiah Shelton", "Autor: Jan Roth", "责任编辑：孔德明" (one
# word and a colon; "Jane Doe: Reporter" keeps its name).
_LABEL = re.compile(
    r"^(?:(?:author|autor|auteur|autore|autora|writer|written|posted|redaktion)\b\s*:?\s*"
    r"|[^:：\s]{1,12}[:：]\s*)",
    re.IGNORECASE,
)
_DESCRIPTION = re.compile(r"\s+(?:is|was|has)\s+(?:a|an|the)\b.*$", re.IGNORECASE)
_COLLECTIVE = frozenset(
    {
        "staff", "staffs", "wire", "wires", "service", "services", "agency", "agencies",
        "editorial", "editors", "team", "desk", "bureau", "media", "group", "inc", "ltd", "llc",
        "nast", "publishing", "publications", "magazine", "newspaper", "admin",
        "administrator", "press", "wordpressadmin", "author", "name", "human", "anonymous",
        "unknown", "guest", "strategy", "research", "center", "centre", "username", "user",
        "作者", "com", "xxx", "home", "privacy", "policy", "conditions", "terms", "contact",
    }
)  # fmt: skip
"""Words that make the whole part no person: an organisation ("Jerusalem Post Staff", "Condé
Nast") or a placeholder a site leaves in ("The Author", "Name", a menu's "Username")."""
_DEGREES = frozenset(
    {"ma", "mba", "md", "ms", "msc", "mph", "phd", "rn", "bsn", "dds", "dvm", "rd", "lcsw"}
)
"""Letters after a name that are its holder's degree ("Brenda Goodman, MA"): no name."""
_HANGUL_NAME = re.compile(r"[\uac00-\ud7a3]{2,5}")
"""A Korean name, written as one word ("신현주" of "신현주 기자")."""
_ENDS_NAME = frozenset(
    {
        "news", "reporter", "reporters", "correspondent", "writer", "columnist", "contributor",
        "editor", "published", "updated", "posted", "reuters", "afp", "associated", "ap",
        "last", "said", "says", "trending", "reviewed", "edited", "director", "attorney",
        "manager", "officer", "expert", "founder", "managing", "chief", "senior", "sr",
        "ceo", "cfo", "cto", "coo", "president", "chairman", "chairwoman", "lesedauer",
        "former", "contributing", "consultant", "reviewer", "certified",
        "licensed", "specialist", "analyst", "strategist", "journalist", "journalistin",
        "photographer", "reporterin", "redakteur", "redakteurin", "korrespondent",
        "korrespondentin", "fotograf", "fotografin",
        # Korean, after the name: reporter, senior or intern reporter, correspondent,
        # editorial writer; "and others" ("박준석 기자 외 1명").
        "기자", "선임기자", "인턴기자", "객원기자", "특파원", "논설위원", "외",
    }
)  # fmt: skip
"""Words after which a name has ended: a role ("Tom Gillespie News reporter", "Jane Roe
Managing Director"; alone, "Sr Director" is no name), what follows the name on the page
("Cazzy Magennis Last updated", "Jane Doe said"), a label a page puts where its author goes
(German "Lesedauer", reading time); roles in German and Scandinavian too ("Journalist",
"Redakteurin")."""
_DATE_WORDS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec",
    }
)  # fmt: skip
"""Words that end a name once it has begun ("Malcolm Owen Monday"; but "May Bulman"), and
alone no name ("Dec"). "Jan" and "Mar" are names' words too ("Jan Roth", "Ana del Mar")."""
_NAMED_MONTHS = frozenset({"april", "may", "june", "august"})
"""Months that are also people's names ("Tom May", "Brian May", "Emily June")."""
_DOMAIN_NAME = re.compile(
    r"www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|news)(?:\.[a-z]{2})?"
    r"|[\w-]+\.co\.[a-z]{2}",
    re.IGNORECASE,
)
"""A site's address as its name ("SunHerald.com", "www.kansascity.com"): an end part of a title
that reads so is the site, though the page declares none."""
_CHAIN_PARTS = 3  # a headline and at least two sections or sites after it
HEADLINE_WORDS = 4
_SECTION_WORDS = 4
_SITE_WORDS = 3  # words of a title's last part that may be the site under a longer name
_SITE_KEY = 3  # letters of a site's key that may open it ("rei")
_PARTICLES = frozenset(
    {
        "van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "al", "bin",
        "ibn", "el",
    }
)  # fmt: skip
_NAME_WORDS = 5
_CODE_LETTERS = 5
_OUTLET_WORDS = 6
_SHORT_SUFFIXES = frozenset(("co", "com", "org", "net", "gov", "ac", "edu"))


def site_keys(names: Iterable[str], url: str) -> set[str]:
    """Comparable forms of the site's names: declared names and the domain's labels."""
    keys = {_key(n) for n in names if n}
    host = urlsplit(url).hostname or ""
    keys.update(_key(label) for label in host.split(".") if len(label) > 3)
    main = domain(url)
    keys.update((_key(main), _key(main.split(".")[0])))
    return {k for k in keys if len(k) > 1}


def clean_title(
    title: str, names: Iterable[str], sites: set[str], sections: Iterable[str] = ()
) -> str:
    """``title`` without a leading or trailing part that is the site's name: a declared name
    as written (``names``), or a part between separators that compares equal (``sites``).
    A section the page declares (``sections``) goes too from the end of what is left ("… -
    Politics | Site", "… 부담 커졌다-정치ㅣ한국일보")."""
    title = _without_loose_separators(_TITLE_TAIL.sub("", title.strip())).strip()
    return _without_section(_without_site(title, names, sites), sections)


def _without_section(title: str, sections: Iterable[str]) -> str:
    """``title`` without a trailing declared section after a separator; as it is when what
    would be left is no headline of two words or more. A separator without spaces counts
    only before a section in a script without capitals (Hangul, Han): in Latin or Cyrillic
    it joins a compound word ("The rise of e-Sports")."""
    for section in sorted({s.strip() for s in sections if s.strip()}, key=len, reverse=True):
        loose = "\\s*" if section[0].isupper() == section[0].islower() else "\\s+"
        separator = rf"{loose}[|\-–—:·•/]{loose}"
        tail = re.search(rf"{separator}{re.escape(section)}$", title, re.IGNORECASE)
        if tail and len(title[: tail.start()].split()) >= 2:
            return title[: tail.start()].strip()
    return title


def _without_site(title: str, names: Iterable[str], sites: set[str]) -> str:
    """``title`` without the site's name at either end (see ``clean_title``)."""
    for name in sorted((n.strip() for n in names if n and n.strip()), key=len, reverse=True):
        quoted = re.escape(name)
        for pattern in (
            rf"^{quoted}(?:{_SEPARATOR.pattern})",
            rf"(?:{_SEPARATOR.pattern}){quoted}$",
        ):
            rest = re.sub(pattern, "", title, flags=re.IGNORECASE).strip()
            if rest and rest != title:
                return rest
    parts = title_parts(title)
    if len(parts) < 2:
        return title
    sites = sites | {_key(p) for p in (parts[0], parts[-1]) if _DOMAIN_NAME.fullmatch(p)}
    if is_site_name(parts[-1], sites, exact=True) or _names_site(parts[-1], sites):
        return _rest(title, parts[-1], at_end=True) or title
    if is_site_name(parts[0], sites, exact=True):
        return _rest(title, parts[0], at_end=False) or title
    if head := _before_site(title, parts, sites):
        return head
    if _sections_after(parts) and not any(":" in sep for sep in _SEPARATOR.findall(title)):
        return title[: title.find(parts[1], len(parts[0]))].strip().strip("|-–—:·•»").strip()
    return title


def _without_loose_separators(title: str) -> str:
    """``title`` without a separator left alone at either end; a final "»" that closes a
    quote the title opened stays ("… sur la « gravité de la situation »")."""
    title = _LOOSE_START.sub("", title)
    if title.endswith("»") and title.count("«") >= title.count("»"):
        return title
    return _LOOSE_END.sub("", title)


def _before_site(title: str, parts: list[str], sites: set[str]) -> str:
    """The headline before a part inside the title that is the site's name, when the site
    goes on with its slogan ("… Survey (Part 1 of 3). | Futurelab – We are marketing and
    customer strategy consultants …"); empty if no such part follows a headline."""
    for part in parts[1:-1]:
        if is_site_name(part, sites, exact=True):
            head = title[: title.find(part, len(parts[0]))].strip().strip("|-–—:·•»").strip()
            return head if len(head.split()) >= HEADLINE_WORDS else ""
    return ""


def _sections_after(parts: list[str]) -> bool:
    """A headline followed by a chain of short parts: the page's sections and site ("Chelsea
    hoping to sign Anelka before weekend - Soccer - Sport - Breaking News"). Parts after
    colons are the headline's own ("Rebloggt von …: Antipoden: Die Wahrheit") and stay."""
    return (
        len(parts) >= _CHAIN_PARTS
        and len(parts[0].split()) >= HEADLINE_WORDS
        and all(len(part.split()) <= _SECTION_WORDS for part in parts[1:])
    )


def _names_site(part: str, sites: set[str]) -> bool:
    """A title's last part of a few words that opens with the site's name: the site under a
    longer name ("REI Co-op" on rei.com, "Microsoft Azure", "Deloitte US")."""
    key = _key(part)
    return len(part.split()) <= _SITE_WORDS and any(
        len(s) >= _SITE_KEY and key.startswith(s) for s in sites
    )


def title_parts(title: str) -> list[str]:
    """The parts of a title between separators ("Headline | Site": "Headline", "Site")."""
    return [p.strip() for p in _SEPARATOR.split(title) if p.strip()]


def _rest(title: str, part: str, *, at_end: bool) -> str:
    """``title`` with ``part`` and its separator cut from one end."""
    title = title.strip()
    cut = title[: title.rfind(part)] if at_end else title[title.find(part) + len(part) :]
    return cut.strip().strip("|-–—:·•»").strip()


def is_site_name(part: str, sites: set[str], *, exact: bool = False) -> bool:
    """Whether ``part`` is the site's name (or, unless ``exact``, holds its domain's name)."""
    key = _key(part)
    return bool(key) and any(key == s or (not exact and len(s) > 4 and s in key) for s in sites)


def clean_byline(byline: str, sites: set[str]) -> str:
    """The people named in ``byline`` ("; "-separated), without organisations, roles, dates
    and the site itself; empty when no name is left."""
    names: list[str] = []
    if is_site_name(byline, sites, exact=True) and not _named_for_writer(byline.split()):
        return ""  # the outlet, whose name may hold an "and" ("Mac & i")
    for part in _PEOPLE.split(byline):
        if _key(part) in _DEGREES:
            continue
        name = _person(part, sites)
        if not name:
            continue
        same = next((i for i, other in enumerate(names) if _same_person(name, other)), None)
        if same is None:
            names.append(name)
        elif len(name) > len(names[same]):
            names[same] = name  # the fuller form: "Tina Flint Huffman" for "Tina Huffman"
    return "; ".join(names)


def _same_person(name: str, other: str) -> bool:
    """``name`` and ``other`` name one person: one is a cut form of the other, or they share
    the first and last names and one adds a middle name ("Tina Huffman", "Tina Flint
    Huffman")."""
    if _shortened(name, other) or _shortened(other, name):
        return True
    a, b = name.casefold().split(), other.casefold().split()
    return min(len(a), len(b)) >= 2 and len(a) != len(b) and a[0] == b[0] and a[-1] == b[-1]


def _shortened(name: str, other: str) -> bool:
    """``name`` is ``other`` again, or a cut form of it: "Kevin-R" of "Kevin Rebong", as a
    page's author field repeats a name from its address."""
    cut, whole = name.replace("-", " ").casefold(), other.casefold()
    if not whole.startswith(cut):
        return False
    return len(whole) == len(cut) or whole[len(cut)] == " " or len(cut.split()[-1]) == 1


def _person(part: str, sites: set[str]) -> str:
    part = _CONTROLS.sub("", part.strip())
    part = _DESCRIPTION.sub("", _BY.sub("", _LABEL.sub("", part))).strip(" ,.")
    lowered = [re.split(r"[-,.]", w.casefold())[0] for w in part.split()]
    if _COLLECTIVE.intersection(lowered):
        return ""
    words = _name_words(part.split(), lowered)
    if not words or len(words) > _NAME_WORDS:
        return ""
    if is_site_name(" ".join(words), sites) and not _named_for_writer(words):
        return ""
    if len(words) == 1 and (lowered[0] in _DATE_WORDS or _agency_code(words[0])):
        return ""  # "November" of "Jeff Foust; November 18, 2019"; "TNN" after a name
    if len(words) != len(part.split()) and len(words) < 2 and not _HANGUL_NAME.fullmatch(words[0]):
        return ""  # one word before a role is a name's part at best ("CNN Editor-at-large")
    if not all(_name_word(w) for w in words) or not any(c.isalpha() for c in "".join(words)):
        return ""  # a lower-case word; no letter at all ("©")
    name = " ".join(_without_outlet(words))
    return name.title() if name.isupper() and len(name) > 3 else name


def _name_words(words: list[str], lowered: list[str]) -> list[str]:
    """The words of ``words`` up to where the name ends: a role, a date, a run of capitals
    after a name in mixed case (the outlet: "Meg Wagner NEW YORK DAILY NEWS"), the name again
    ("Confreaks Confreaks")."""
    name: list[str] = []
    for at, (word, low) in enumerate(zip(words, lowered, strict=True)):
        if low in _ENDS_NAME or (name and low in _DATE_WORDS and _dated(word, words[at + 1 :])):
            break
        if len(name) >= 2 and not any(w.isupper() for w in name) and _capitals(words[at:]):
            break
        name.append(word.strip(",:："))
    half = len(name) // 2
    return name[:half] if half and name[:half] == name[half:] else name


def _dated(word: str, following: list[str]) -> bool:
    """Whether the date word ``word`` in a byline opens a date: most of them always (the
    extractor keeps "Luke Kim December" of a byline's date), a month that is also a name only
    in capitals ("STAFF MAY") or before a number ("Jane Roe May 3, 2020"); in mixed case at
    the end it is a surname ("Tom May", "Brian May")."""
    return (
        word.casefold() not in _NAMED_MONTHS
        or word.isupper()
        or bool(following and following[0][:1].isdigit())
    )


def _capitals(words: list[str]) -> bool:
    """Two words or more in capitals: an outlet's name set after a person's."""
    return len(words) >= 2 and all(w.isupper() and len(w) > 1 for w in words[:2])


def _agency_code(word: str) -> bool:
    """A short word in capitals set as a byline's part of its own: a news agency ("TNN",
    "PTI", "IANS"), never a person's whole name."""
    return word.isupper() and word.isalpha() and len(word) <= _CODE_LETTERS


def _without_outlet(words: list[str]) -> list[str]:
    """The name without an outlet written after it ("Joe Davidson Washington Post": the paper
    the story came from), as the bundled knowledge knows outlets; a name of two words is
    never cut, so the knowledge is asked only of longer ones."""
    if len(words) <= 2:
        return words
    from desktop.core.text.ner.knowledge import load_knowledge

    knowledge = load_knowledge()
    for start in range(2, len(words)):
        known = knowledge.lookup(" ".join(words[start:]))
        if known is not None and known.kind == "media":
            return words[:start]
    return words


def _named_for_writer(words: list[str]) -> bool:
    """A site named after its writer ("ricksteves.com", "russellmiller.substack.com"): two or
    three words opening with a known given name and ending in no everyday word ("Rick
    Steves"; not "Block Renovation", "Happy Coffee Deutschland") are the writer, though they
    are the site's name too. Asked only of such bylines, so the knowledge and the tagger's
    word lists are loaded only then."""
    from desktop.core.text.ner.knowledge import load_knowledge
    from desktop.core.text.ner.spans import word_lists
    from desktop.core.text.ner.tagger import default_tagger

    last = words[-1].lower()
    return (
        1 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[0].lower() not in _PARTICLES  # "El Mostrador", "Al Jazeera"
        and words[0] in load_knowledge().given_names
        and (default_tagger().name_word(last) or last not in word_lists().common)
    )


def _name_word(word: str) -> bool:
    first = word[0]
    return (
        first.isupper()
        or not first.isalpha()
        or word.casefold() in _PARTICLES
        or (
            first.isalpha() and not first.islower()  # scripts without case
        )
    )


def outlet_name(declared: Iterable[str], guessed: str, url: str) -> str:
    """The first name the page declares for its outlet (og:site_name, JSON-LD publisher), else
    a guessed one unless it is only a label of the host ("Hosted" from hosted.ap.org, "Nj"),
    else the page's domain; never a URL or a copyright line."""
    host_labels = {_key(label) for label in (urlsplit(url).hostname or "").split(".")}
    main = _key(domain(url).split(".")[0])
    candidates = [(name, False) for name in declared] + [(guessed, True)]
    for candidate, is_guess in candidates:
        name = " ".join((candidate or "").split())
        if not name or "://" in name or name.casefold().startswith(("www.", "copyright", "©")):
            continue
        if _key(name) in host_labels and (is_guess or name.islower() or _key(name) != main):
            continue  # a host's label ("Hosted" from hosted.ap.org, "nj") is not its name
        name = _SEPARATOR.split(name)[0].strip()
        if name and len(name.split()) <= _OUTLET_WORDS:
            return name
    return domain(url)


def domain(url: str) -> str:
    """The registrable part of the URL's host: ``hosted.ap.org`` → ``ap.org``,
    ``www.bbc.co.uk`` → ``bbc.co.uk``."""
    labels = (urlsplit(url).hostname or "").removeprefix("www.").split(".")
    keep = 3 if len(labels) > 2 and labels[-2] in _SHORT_SUFFIXES and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:]) if labels != [""] else ""


def names_domain(name: str, url: str) -> bool:
    """Whether ``name`` holds the name of ``url``'s domain ("Yahoo News" on news.yahoo.com)."""
    main = _key(domain(url).split(".")[0])
    return bool(main) and main in _key(name)


def _key(text: str) -> str:
    return _KEY.sub("", text.casefold())


def real_date(published: str, page: str) -> str:
    """``published`` unless it is a first of January the page never states: what a date
    search makes of a bare year (in a URL, a copyright line), not a publication date."""
    if not published.endswith("-01-01"):
        return published
    year = published[:4]
    stated = (published, f"{year}/01/01", f"01/01/{year}", f"01.01.{year}", f"1 January {year}")
    return published if any(form in page for form in stated) else ""
