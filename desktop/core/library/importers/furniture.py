"""Page furniture left in an extracted article: prompts, related links and repeated headlines.

trafilatura's default pass keeps nearly all of an article, and with it some of what sits between
the paragraphs: "Related: …", "READ MORE: …", newsletter and app prompts, blocks of links to
other stories. Its precision pass drops those but also real short paragraphs. So the default
text is kept, and a line is dropped when it reads as a prompt (``PROMPTS``: also credits, a
photo's "© Agency" or "(Photo: …)", "Source: …" lines and reading times; a story's own "All
rights reserved" notice stays, a site's "Copyright Name 2019" goes), a dateline ("5:45 AM PST
11/19/2019 by Jane Roe") or a line of contact addresses; when the precision pass dropped it too
and it is a link on the page that is shouted or stands in a run of such links (a related-stories
block); when it stands in a longer run of whole links (maybe labelled after: "… [VIDEO]") or of
list items that each open with a link and a teaser, or is the heading of such a block ("Editors'
picks:"); when it repeats the headline; when it is the standfirst under the headline; or when it
is a heading whose section lost every line ("How to listen" over podcast links). Readers'
comments the extractor took for paragraphs go from the heading that opens them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import pairwise

_WORD = re.compile(r"\w+")
# A share button's label glued to the quote it offers to share: the quote is the story's.
_SHARE_LABEL = re.compile(r"\s*click\ to\ tweet\s*$", re.IGNORECASE)
# A follow prompt closing a paragraph: the paragraph is the story's (a short line before such
# a prompt, a writer's tagline, goes whole as a prompt).
_FOLLOW_PROMPT = re.compile(
    r"(?<=.{80}[.!?])\s+follow\s.{1,40}\son\s(?:twitter|facebook|instagram|youtube|telegram"
    r"|linkedin|tiktok|threads|bluesky|whatsapp)\b[^.!?]*[.!?]?\s*$",
    re.IGNORECASE,
)
# An image's file name where its caption goes ("skimming scheme seized cash and cards.jpg").
_IMAGE_NAME = re.compile(
    r"^[^\s.!?_-]+(?:[ _-]+[^\s.!?_-]+){0,19}\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp|heic)$",
    re.IGNORECASE,
)
"""Its words and the separators between them are told apart by their characters, so a long
hyphenated line fails at once instead of being split every way it could be."""
KICKER_WORDS = 3
"""A section's label set over the headline ("Leadership", "World News") is this short."""
# A template's filler text left on the page, however long.
_PLACEHOLDER = re.compile(r"\W*lorem ipsum\b", re.IGNORECASE)
# A slot's marker a template leaves in the page for a script to fill ("$$ARTICLEAD$$").
_SLOT_MARK = re.compile(r"\s*(\$\$|%%|\{\{|\[\[)\s*[A-Za-z_][\w.:-]{2,}\s*(\$\$|%%|\}\}|\]\])\s*")
REPEATED_RUN = 3
REPEATED_SHARE = 0.2
"""Lines in a row, and their share of the text, that the page shows again: a copy of its
text, not a repeated line or a repeated pattern (a second day of a meal plan)."""
PROMPT_WORDS = 30
"""A prompt is short; a longer line that starts like one is a paragraph."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“‘'(]?[^\W\d_])")

LINK_HEAD_WORDS = 3
"""A list item opening with a link of at least this many words is a teaser of another story."""
TEASER_WORDS = 30
"""A teaser is a headline and a line of standfirst; a list item this long that opens with a link
is a paragraph of the story (a book list's review of each book, a mover's write-up)."""
TEASER_RUN = 3
"""Teasers, or lines that are each a whole link of the page, in a run this long are a block of
other stories, whether or not the precision pass kept them."""
DECK_LINES = 3
"""A standfirst comes before the story: among its first lines, after a headline or byline."""
BYLINE_LINES = 6
"""A byline stands among the first lines, after a headline, a standfirst, a date or a photo's
caption."""
BYLINE_WORDS = 12
_BYLINE = re.compile(r"^\W*(?i:by|von|door|par|por):?\s+(?P<names>.+)$")
"""A byline's opening word in English, German, Dutch, French and Spanish."""
_AGO = re.compile(r"\s+\d{1,2}\s+(?:minute|hour|day)s?(?:,\s*\d{1,2}\s+minutes?)?\s+ago$")
"""The time a byline was posted, counted back from when the page was saved: "1 hour, 32
minutes ago"."""
_CREDIT = re.compile(
    r"^\W*(?i:(?:medically\ )?(?:written|posted|reviewed|edited|fact[-\ ]checked)\ by)"
    r"\s*:?\s+(?P<names>.+)$"
)
_NAME_WORD = re.compile(
    r"(?:[A-Z][\w'’.-]*|&|and|AND|und|et|y|e|en|og|och|of|de|del|der|van|von|bin|al|la|le)"
)
"""A word of a byline's names and their outlet: a capitalised name or a word that joins them."""
HEADING_WORDS = 8
HEADED_LINKS = 2
"""A heading followed by this many lines of a block of links left out is that block's title."""
# A card of another story: its linked headline runs to at most this many words, and at most
# this many short lines (a section label, a date) stand between two cards.
CARD_HEADLINE_WORDS = 20
CARD_GAP = 2
CARD_STORY_WORDS = 150
"""Words of story besides them from which cards of other stories (or a gallery) are furniture."""
SLIDE_LINES = 4
"""Lines a gallery's caption may take under its counter (a title, a credit, the caption)."""
_SLIDE_COUNTER = re.compile(r"^[-•*\s]*(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b")
_LABEL_AFTER = re.compile(r"\s*(?:\[[^\]]{1,20}\]|\([^)]{1,20}\))[\W_]*$")
"""A label after a link to another story ("[VIDEO]", "(photos)"): no part of the link."""
_LABEL_BEFORE = re.compile(r"^\s*[-•*]\s+[^:\s][^:]{0,29}:\s+")
"""A topic before a listed link to another story ("- Hormone: "): no part of the link, which
is a headline, longer than ``LINK_HEAD_WORDS`` words ("- Day 8: Nara" is an itinerary)."""

PROMPTS = re.compile(
    r"""^\W*(?:
        (?:related|read\ more|more|see\ (?:also|more)|also(?:\ on\ [\w.]+|\ (?:read|see|watch))?
          |read\ (?:also|next)|must\ (?:read|see|watch)|don['’]t\ miss|recommended|watch|listen)
            (?:\ (?:posts?|stor(?:y|ies)|articles?|coverage|content|reading|links?))?\ ?:.*
      | also\ on\ [\w.-]+\.[a-z]{2,}\b.*
      | (?:leggi\ anche|lesen\ sie\ (?:auch|mehr)|lire\ aussi|à\ lire\ aussi|leia\ também
          |leia\ mais|lea\ también|lee\ también|ver\ también|lees\ ook|читайте\ также
          |(?:les|læs|läs)\ (?:også|också))\b.*
      | (?:les|læs|läs)\ (?:mer|mere)\ ?:.*
      | (?:lea|mire|vea|czytaj|zobacz|(?-i:LEE|MIRA|VER)|puedes\ ver|más\ sobre
          |(?:también\ )?(?:le|te)\ puede\ interesar|auch\ (?:lesen|interessant)
          |schon\ gelesen|zum\ weiterlesen|mehr\ (?:zum\ thema|themen)|dowiedz\ się\ więcej)
            (?:\ (?:más|también|además|hier|też|także|więcej|również))?\ ?[:?].*
      | (?:lee|mira|ver)\ (?:más|también|además)\ ?:.*
      | (?:notas|contenidos?|artículos|noticias)\ relacionad[oa]s?
      | s[ií]guenos\ en\ (?:telegram|instagram|facebook|twitter|youtube|tiktok|whatsapp)\b.*
      | (?:keine|no)\ (?:kommentare|comments(?:\ yet)?)|teilen\ mit:?|wird\ geladen(?:\.{3}|…)?
      | zum\ newsletter\ anmelden|weitere\ (?:themen|artikel\ zum\ thema)
      | externer\ inhalt(?:\ nicht\ verfügbar)?|empfohlener\ (?:redaktioneller\ )?inhalt
      | ein\ klick\ für\ den\ datenschutz
      | (?:[\d:]+\ min\.*\ )?(?:(?:video|audio|sendung)\ )?verfügbar\ bis\ [\d.]+\W*
      | (?:tell\ us\ what\ you\ think|leave\ a\ (?:comment|reply)
          |join\ the\ (?:conversation|discussion))\b.*
      | \[(\w+)\b[^\]]*\].*\[/\1\]
      | (?:.*[.!?]\ )?click\ here\b.*
      | thanks?\ (?:you\ )?for\ reading\b.*\b(?:subscri\w*|support\w*|share)\b.*
      | (?:was\ this\ |this\ )?(?:e-?mail|newsletter)\ (?:was\ )?forwarded\ to\ you\b.*
      | forwarded\ this\ (?:e-?mail|newsletter)\?.*
      | (?:view|read|open)\ (?:this\ (?:post|e-?mail|newsletter)\ )?(?:on\ the\ web
          |in\ (?:the\ |our\ )?app|in\ (?:your|a|the)\ (?:web\ )?browser)\b.*
      | (?:.*[.!?]\ )?(?:sign\ up|subscribe)\b.*(?:newsletter|inbox|youtube|podcast|daily|weekly
          |\bof\ the\ week\b|\bour\ e-?mails?\b).*
      | .*\b(?:sign(?:ing)?\ up|subscrib(?:e|ing))\b.*\b(?:newsletters?|inbox)\b.*
      | .*\bnever\ miss\b.*\b(?:sign(?:ing)?\ up|newsletters?)\b.*
      | .*\bnewsletters?\b.*[.!?]\ (?:sign\ up|subscribe)\b.*
      | (?:for\ the\ latest\b.*\ )?(?:download|get)\ (?:the|our)\ .{0,40}\bapps?\b.*
      | (?:subscribe|subscription)\ (?:now|today)\b.*
      | to\ (?:view|read|continue\ reading)\ (?:the\ full|the\ rest\ of\ (?:the|this)|this)
            \ (?:story|article)\b.*
      | if\ you['’]re\ (?:already\ a\ subscriber|seeing\ this\ message)\b.*
      | already\ (?:have\ an\ account|a\ (?:subscriber|member))\?.*
      | this\ (?:article|story|content)\ is\ the\ (?:copyrighted\ )?property\ of\ [^,;]{1,60}
      | (?:prior\ )?written\ permission\ (?:must|is\ required)\b.*
            \b(?:reprint|reproduc|publish)\w*\b.*
      | this\ (?:article|story)\ is\ (?:exclusive|only\ available|available\ only)\ to\b
            .{0,40}\b(?:subscribers|members)\b.*
      | (?:.*\b(?:subscri\w*|member)\b.*\bto\ )?unlock\ (?:this|the\ full)
            \ (?:article|story|piece|post)\b.*
      | listen\ to\ this\ (?:article|story)\b.*
      | (?:submit|send)\ (?:us\ )?(?:your\ |a\ )?letters?\ to\ the\ editor\b.*
      | we\ want\ to\ hear\ what\ you\ think\b.*
      | (?:please\ )?support\ (?:us\b|our\ (?:work|journalism|reporting|newsroom)\b
          |(?:local|independent|quality|non-?profit)\b[^.]*\bjournalism\b).*
      | (?:please\ )?(?:donate\ (?:now|today|to\ us)|become\ a\ (?:member|supporter|patron))\b.*
      | (?:jetzt\ spenden|jede\ (?:kleine\ )?spende\ hilft)\b.*
      | .*\b(?:would|will|could)\ you\ (?:please\ )?consider\ (?:supporting|donating)\b.*
      | if\ you\ (?:enjoyed|value|like|liked|appreciate)\b.*
            \b(?:support\w*|donat\w*|join|subscri\w*|member(?:s|ship)?)\b.*
      | (?:download|listen|subscribe|watch|more|itunes|apple(?:\ podcasts)?|spotify|stitcher
          |google(?:\ podcasts)?|podcasts?|rss|amazon)\ ?:\ ?https?://\S+
      | (?:hazte|únete|werde|werden\ sie)\ (?:miembro|socio|mitglied)\b.*
      | our\ standards\ ?:.*
      | (?:previous|next|older|newer)\ (?:posts?|articles?|stor(?:y|ies)|entry|entries)
            (?:\ ?[:»›].*)?
      | subscribe\ to\ ?:(?:\ (?:post\ )?comments|\ posts)?(?:\ \((?:atom|rss)\))?
      | (?:post\ )?(?:comments|posts)\ \((?:atom|rss)\)
      | receive\ (?:e-?mail\ )?alerts\b.*
      | (?:facebook|twitter|linkedin|pinterest|reddit|whatsapp|instagram|youtube|tumblr
          |flipboard|e-?mail|print|rss(?:\ feed)?|tweet|pin\ it|share|digg|stumbleupon|google\+
          |love\ and\ share)
      | (?:advertising|advertiser|affiliate|editorial)\ disclosure\b.*
      | disclaimer\ ?:.*
      | sponsored(?:\ content)?
      | .*\bwe\ (?:may|might)\ (?:receive|earn|get)\ (?:a\ )?(?:small\ )?
            (?:compensation|commissions?)\b.*
      | .*\b(?:may|might|could)\ earn\ (?:us|me)\ (?:a\ )?(?:small\ )?commissions?\b.*
      | .*\b(?:may|might)\ (?:get|earn|receive)\ a\ share\ of\ the\ sale\b.*
      | this\ (?:post|article|page|story)\ (?:contains|may\ contain|includes)
            \ (?:affiliate\ links|references\ to\ products)\b.*
      | prices\ (?:were|are)\ accurate\ (?:at|as\ of)\b.*
      | .*\baffiliate-links\b.*\b(?:provision|vergütung)\b.*
      | (?:.*[.!?]\ )?(?:mit\ nur\ zwei\ klicks\ )?melden\ sie\ (?:uns\ )?(?:den|einen|diesen)
            \ fehler\b.*
      | (?:.*[.!?]\ )?(?:learn\ more\ about|see|read)\ our\ editorial
            \ (?:process|policy|policies|standards|guidelines)\b.*
      | about\ (?:the|this)\ (?:author|writer)s?(?:\ ?:.*)?
      | (?:written|posted|reviewed|edited|fact[-\ ]checked)\ by\ ?:?
      | (?!.*(?:\brights\ reserved\b|무단\ ?전재)).*[©ⓒ].*
      | 기사\ ?입력\ ?:.*
      | 無断転載(?:禁止|を禁じます)
      | (?!.*\brights\ reserved\b)copyright\ (?:(?-i:[A-Z])\S*\ ){0,3}(?:19|20)\d\d\b.*
      | (?:follow|find|read|see|get)\b[^.!?]{0,80}\bcoverage\b[^.!?]{0,80}\ at\ https?://\S+
      | .*\((?:photo|foto|image|picture|credit|illustration)s?(?:\ credit)?\ ?:[^)]*\)
      | (?:(?:photo|foto|image|picture|bild)\ ?)?credits?(?:\ photos?)?\ ?:.*
      | (?:titelbild|beitragsbild|bildquelle|crédits?\ photos?|copyright)\ ?:.*
      | fot\.\ .*
      | (?:photo(?:graph)?s?|image|picture|foto|bild)(?:\ by)?\ ?:.*
      | (?:(?:photo(?:graph)?|illustration|image|picture|video|graphic|artwork)s?\ by
          |courtesy(?:\ of)?)\ [^.,;!?]{1,60}
      | .{0,160}\b(?-i:REUTERS|AFP|AP\ Photo|EPA|DPA|XINHUA|Getty\ Images)\ ?/\ ?
            (?-i:[A-Z])[\w.'’-]*(?:\ (?-i:[A-Z])[\w.'’-]*){0,3}
      | .*[.!?]\ (?:photo(?:graph)?|image|picture|foto)\ ?:\ [^.!?]{1,60}
      | .*\bcontributed\ to\ this\ (?:report|story|article)
      | (?:.*\ [-|•·–—]\ |(?:\S+\ ){1,4})?(?:tags|categor(?:y|ies|ia|ias)|filed\ under)\ ?:.*
      | listen\ (?:to|back)\b.*\blive\b.*
      | get\ the\ latest\ .*\binbox\b.*
      | get\ the\ latest\ (?:news|information|updates)(?:\ and\ updates)?\ (?:on|about)\b.*
      | read\ more\ (?:news|stories|articles)\ like\ this\ on\b.*
      | for\ more\ (?:news|stories|articles)\ like\ this\b.*
      | get\ your\ (?:[\w-]+,?\ ){0,3}latest\ news\b[^.!?]*
      | (?:sign\ up|subscribe)\ (?:for|to)\ (?:our\ )?(?:(?:daily|weekly|breaking)\ )?(?:news\ )?
            (?:updates|(?:push\ )?alerts)\b.*
      | this\ (?:site|page|form)\ is\ protected\ by\ recaptcha\b.*
      | folgst\ du\ (?:schon\ )?.{1,40}\ auf\ (?:whatsapp|instagram|facebook|tiktok|x|youtube
          |telegram)\b.*
      | .*\b(?:abonnier|folg)\w*\b.*\bwhatsapp-kanal\b.*
      | (?:.*[.!?]\ )?hier\ geht\ (?:es|['’]s)\ zur?\ (?:neuen\ )?[\w-]*app\b.*
      | (?:\S+\ ){1,3}auch\ (?:bei|auf|in\ den)\ social\ media(?:\ [-–—]\ .*)?
      | .*\bnewsletter\b.*\bhier\ entlang\b.*
      | (?:\w+\ ){0,3}newsletter
      | thanks?\ (?:you\ )?for\ (?:signing\ up|subscribing).*
      | (?:sorry!?\ )?there\ was\ an\ error\ processing\ your\ subscription.*
      | keep\ an\ eye\ on\ your\ inbox\b.*
      | .*\b(?:straight|directly|delivered|right)\ to\ your\ inbox\b.*
      | (?:.*\ )?you\ can\ (?:now\ )?(?:also\ )?get\b.*\bstraight\ to\ your\ (?:device|phone)\b.*
      | enter\ (?:your\ )?e-?mail(?:\ address)?
      | by\ (?:entering|submitting|providing)\ your\ e-?mail\b.*
      | .*\byou['’]re\ (?:now\ |all\ )?(?:subscribed|signed\ up)\b.*
      | .*\bwe\ already\ have\ this\ e-?mail\b.*
      | no,?\ thanks
      | sorry!?
      | like\ this\ (?:story|article)\?.*
      | (?:.{0,80}[.!?]\ )?follow\ .{1,40}\ on\ (?:twitter|facebook|instagram|youtube|telegram
          |linkedin|tiktok|threads|bluesky|whatsapp|google\ news)\b.*
      | .*\b(?:add|make|set)\ us\ (?:as\ )?(?:a|your)\ preferred\ source\b.*
      | (?:sign\ up|subscribe)\ (?:for|to)\ (?:our\ )?breaking\ news\b.*
      | follow\ us|share\ this(?:\ (?:post|article|story|page))?
      | rate\ this\ (?:post|article|story|page)|was\ this\ (?:post|article|story|page)
            \ (?:helpful|useful)\?.{0,20}
      | (?:subscribe|sign\ up|download)(?:\ (?:now|here|to\ us))?
      | (?:you\ (?:may|might)\ (?:also\ )?like|recommended\ for\ you|(?:more|other|top)\ stories
          |related(?:\ (?:links|stories|articles|videos|content|coverage))?|(?:internal|external)
          \ links|story\ tools|sponsored\ links|most\ (?:popular|read|viewed|e-?mailed|shared)
          (?:\ (?:articles|stories|news))?|latest\ (?:news|headlines|stories))
      | (?:have|got)\ a\ (?:news\ )?(?:tip|story)(?:\ for\ us)?\?.*
      | join\ our\ commenting\ forum|join\ thought-provoking\ conversations\b.*
      | link\ zum\ [\w-]+-inhalt
      | explore\ further
      | (?:read|learn|see|show|view|load)\ more|(?:continue|keep)\ reading|read\ this\ next
      | table\ of\ contents
      | comments?
      | \d+\ comments?|comments?\ \(\d+\)
      | (?:view|show|read|see|load|hide)\ (?:all\ )?(?:the\ )?(?:\d+\ )?comments?\b.{0,20}
      | advertisement
      | (?:please\ wait|loading|like\ loading)(?:\.{3}|…)?|close|like\ this:?|skip\ ad
      | now\ (?:watching|playing)|up\ next|next\ video\ starts\ in\b.*|replay(?:\ video)?
      | (?:unfortunately,?\ )?this\ (?:video|feature|content)\ is\ (?:temporarily\ )?
            (?:unavailable|not\ available|no\ longer\ available)(?:\ in\ your\ (?:region|country))?
            (?:\.\ please\ try\ again(?:\ later)?)?
      | (?:share|post)\ (?:on|via|to)\ (?:twitter|facebook|linkedin|pinterest|reddit|whatsapp
          |e-?mail|x)
      | your\ browser\ does\ not\ support\ (?:the\ )?(?:video|audio|iframe)\b.*
      | (?:please\ )?enable\ javascript\b.*|javascript\ is\ (?:disabled|required)\b.*
      | (?:order\ reprints?|print\ (?:this\ )?article|email\ this\ article|share\ this\ article)
      | (?:tweet|digg|link|e-?mail|print|pin|save|share)\ this|reprints|take\ (?:the\ |our\ )?quiz
      | this\ article\ has\ been\ sent\ to\b.*
      | (?:an\ error\ has\ occurred|something\ went\ wrong),?\ please\ try\ again\b.*
      | write\ to\ [^@]{1,60}\ at\ \S+@\S+
      | (?:e-?mail|contact|reach)\ .{1,80}?(?:\S@\S|\btwitter\b|\ @\w).*
      | (?:additional\ )?(?:reporting|writing|editing|research)\ by\b.*
      | (?:mit\ (?:material|informationen|angaben)\ (?:von|der|des|aus)|con\ información\ de)
            \b[^.!?]*\b(?:dpa|afp|ap|reuters|epd|kna|sid|apa|sda|efe|ansa|agen(?:tur|cia)\w*
            |nachrichtenagentur\w*|korrespondent\w*)\b.*
      | avec\ (?:l['’])?(?:afp|ap|reuters|agences?)(?:\ et\ (?:l['’])?\w+)?
      | (?:sources?|quelle|fuente)\ ?:\ ?[^.!?]{1,50}
      | (?:estimated\ )?reading\ time\b.{0,20}
      | (?:tempo\ de\ leitura|tiempo\ de\ lectura|temps\ de\ lecture|lesezeit|lesedauer)\b.{0,20}
      | \d+\ min(?:ute)?s?\.?\ read
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)


STORY_WORDS = 80
_COMMENTS_HEADING = re.compile(
    r"""^\W*(?:
        comments?\ (?:are\ )?(?:now\ )?closed\b.{0,40}
      | (?:post|leave|add|write)\ (?:a|your)\ (?:comment|reply)
      | \d+\ (?:comments?|responses?)
      | (?:reader|user)s?['’]?\ comments?
      | responses\ to\ .{1,120}
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
_REPRINT_NOTICE = re.compile(
    r"\W*this\s+(?:copy|article)\s+is\s+for\s+your\s+personal,?\s+non-?commercial\s+use\s+only\b",
    re.IGNORECASE,
)
"""A publisher's reprint notice, with the reprint desk's address after it."""
_CONSENT = re.compile(
    r"""\W*(?:
        (?:ich\ bin\ damit\ einverstanden,?\ dass\ mir|(?:deine|ihre)\ privatsphäre-einstellungen
          \ verhindern|an\ dieser\ stelle\ finden\ sie\ einen\b)[^.]*\bexterne[nr]?\ inhalte?\b
      | these\ cookies\ (?:are\ (?:strictly\ )?necessary|enable\ (?:the|our)\ (?:web)?site
          |may\ be\ set\ (?:through|by)|allow\ us\ to\ count)\b
      | [^.]*\b(?:due\ to|because\ of)\ your\ (?:cookie|privacy)\ (?:preferences|settings)\b
      | .{0,200}?\bif\ you\ click\ ['‘’"]?accept\ all\b
      | für\ die\ darstellung\ [^.]{1,80}\ nutzen\ wir\b[^.]*\.\ erst\ wenn\ sie\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""What a page shows in place of an embed or a cookie category until the reader consents,
however long: "Ich bin damit einverstanden, dass mir der externe Inhalt angezeigt wird …",
"These cookies enable the website to provide enhanced functionality …", "Für die Darstellung
von … Infografiken nutzen wir die Software von … Erst wenn Sie hier klicken, …"."""
_MEDIA_STAMP = re.compile(r"(?:.*\s)?\d{1,2}\.\d{1,2}\.\d{4}\s*\|\s*\d{1,3}:\d{2}\s*min\.?\s*")
"""A video's date and running time closing the teaser that stands for it in the story:
"… Wie groß ist die Gefahr einer nuklearen Eskalation? 21.04.2024 | 3:18 min"."""
_BROWSER_NOTICE = re.compile(
    r"""\W*(?:thank\ you\ for\ visiting\ \S+\ )?(?:
        you\ are\ using\ (?:a|an)\ (?:browser\ version\ with\ limited\ support
          |(?:outdated|out\ of\ date|old(?:er)?|unsupported)\ (?:web\ )?browser)
      | (?:your|this)\ (?:web\ )?browser\ is\ (?:outdated|out\ of\ date|(?:no\ longer|not)
          \ supported)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""What a page tells the reader of an old browser, however long: "Thank you for visiting
nature.com. You are using a browser version with limited support for CSS. To obtain …"."""
_PROFILE_LINK = re.compile(
    r"(?:^\W*|[.!?]\s+)(?:view|see)\s+(?:full\s+|author\s+)?profile\W*$", re.IGNORECASE
)
"""The link closing a writer's box, alone or after it: the box, a bio of any wording, goes
with it."""

BIO_WORDS = 45
_BIO = re.compile(
    r"(?:[A-Z][\w.'’-]+\ ){1,3}(?:\([^)]*\)\ )?(?:is|was|has\ been)\ "
    r"(?:a|an|the|(?:[A-Z]\S*\ ){0,3}[A-Z]\S*['’]s)\ "  # "a", or the outlet's: "IGN's"
    r"(?:[\w-]+\ ){0,6}(?:reporter|writer|editor|correspondent|journalist|columnist|contributor"
    r"|producer|author|publisher|fellow|intern|freelancer|curator)s?"
    r"(?:\ (?:at|for|with|of|covering|based|in|and|on)\b|[.,;]|$)"
)
"""A name, what the person is on the paper, and where: not "… is a reporter who was held"."""
_ABOUT_COMPANY = re.compile(
    r"(?:[A-Z][\w.&'’-]*\ ){1,4}(?:\([^)]*\)\ )?"
    r"(?:is\ (?:a|an|the)\ (?:[\w-]+\ ){0,3}?(?:leading|global|premier|pioneering"
    r"|(?:world|nation|industry)['’]s\ (?:leading|largest))\b"
    r"|(?:is|are)\ headquartered\ in\b)"
)
"""A press release's closing note on the company: "Ascom is a global solutions provider …",
"Acme is headquartered in Baar"."""
_ABOUT_HEADING = re.compile(r"about\ (?:[\w.&'’-]+\ ?){1,4}:?", re.IGNORECASE)

_DATE_WORDS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
        "fri", "sat", "sun", "am", "pm", "a", "m", "p", "et", "est", "edt", "ct", "cst", "cdt",
        "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "ist",
        "aest", "published", "updated", "posted", "modified", "last", "at", "on", "of",
        "stand", "aktualisiert", "veröffentlicht", "uhr", "um", "vom", "januar", "februar",
        "märz", "mai", "juni", "juli", "oktober", "dezember", "montag", "dienstag", "mittwoch",
        "donnerstag", "freitag", "samstag", "sonntag",
    }
)  # fmt: skip
"""Words a dateline is made of besides numbers: months, days, times, zones and their verbs,
in English and in German ("Stand: 22.04.2024, 06:00 Uhr")."""
_DATED = re.compile(
    r"\b(?:(?:19|20)\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|updated|published|posted|modified"
    r"|stand|aktualisiert|veröffentlicht"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\ \d{1,2})\b",
    re.IGNORECASE,
)
"""What makes a line of numbers a date rather than a time heading in a live story ("10 p.m.")
or a phone number: a year, a day and month, or the word that stamps the story."""
_BOX_DRAWN = re.compile(r"[\u2500-\u257f]")
_CREDITED = re.compile(r"^\s*(?:[A-Z][\w.&'’]*\s){1,5}[-–—|]\s+(?P<rest>.+)$")
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th|am|pm|h)?", re.IGNORECASE)
_NAME_WORDS = 6

_ADDRESS = re.compile(
    r"(?<!\S)\S+@\S+\.\w+|(?<!\w)@\w+|(?:https?://)?(?:www\.|pic\.)?"
    r"(?:twitter|facebook|instagram|linkedin)\.com\S*|https?://\S+",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<!\S)\S+@\S+\.\w+")
_SOCIAL = re.compile(r"(?:twitter|facebook|instagram|linkedin)\.com", re.IGNORECASE)
_CONTACT_GLUE = frozenset(
    {
        "and", "or", "at", "on", "email", "e", "mail", "follow", "me", "him", "her", "us",
        "them", "twitter", "facebook", "instagram",
    }
)  # fmt: skip
CONTACT_WORDS = 3
"""A line of addresses and handles says who to write to when at most this many words are
left around them ("More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports")."""


MENU_ITEMS = 4
"""A line of at least this many short items between separators is a menu or a breadcrumb."""
MENU_ITEM_WORDS = 4
_MENU_SEPARATOR = re.compile(r"\s+(?:[•·>›»|]|\\\|)\s+")
_CELL_MENU_SEPARATOR = re.compile(r"\s+(?:[•·>›»|–-]|\\\|)\s+|\s+[–-]$")
"""In a layout table's cell dashes separate items too; elsewhere they may join a team's
line ("Sagna – Koscielny – Vermaelen – Jenkinson")."""
_CELL = re.compile(r"\s+\|\s+|^\|\s*|\s*\|$")


def _is_menu(line: str) -> bool:
    """Whether a line is a site's menu or breadcrumb ("Home · Weather · News · Sports",
    "HOME | CONTACT US | SUBSCRIBE"), alone or as a cell of a layout table's row, whose other
    cells are empty or menus too. A data table's row ("| Name | Party | State |") is no menu:
    there a pipe separates cells, not items."""
    if line.startswith("|"):
        cells = _cells(line)
        return bool(cells) and all(_items_menu(c, _CELL_MENU_SEPARATOR) for c in cells)
    return _items_menu(line, _MENU_SEPARATOR)


def _lone_menu_row(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is a table of one row whose cells are a menu's items ("| Home | News
    | Weather | Sports |"): an older site's navigation bar. A data table has a header row and
    rows under it, and numbers among its cells."""
    line = lines[i]
    if not line.startswith("|") or any(
        0 <= j < len(lines) and lines[j].startswith("|") for j in (i - 1, i + 1)
    ):
        return False
    cells = _cells(line)
    return len(cells) >= MENU_ITEMS and all(
        _items_menu(c, _MENU_SEPARATOR, items=1) and not any(ch.isdigit() for ch in c)
        for c in cells
    )


def _lone_cell(lines: list[str], i: int) -> str:
    """Line ``i``, or the text of its one filled cell when it is a table of one row with one
    such cell ("| Rate this article |  |", a widget laid out in a table), read as a prompt
    would be."""
    line = lines[i]
    if not line.startswith("|") or any(
        0 <= j < len(lines) and lines[j].startswith("|") for j in (i - 1, i + 1)
    ):
        return line
    cells = _cells(line)
    return cells[0].strip() if len(cells) == 1 else line


def _cells(row: str) -> list[str]:
    """The non-empty cells of a table's row as the text shows it ("| a |  | b |")."""
    return [c for c in _CELL.split(row) if c.strip()]


def _items_menu(text: str, separator: re.Pattern[str], items: int = MENU_ITEMS) -> bool:
    """Short items of words, none a sentence or a list of its own: not a team's line-up
    ("Lehmann - Sagna, Toure, Gallas - Hleb, Fabregas - Adebayor") or a score line."""
    parts = [i for i in separator.split(text.strip()) if i.strip()]
    return len(parts) >= items and all(
        len(_WORD.findall(i)) <= MENU_ITEM_WORDS
        and any(c.isalpha() for c in i)
        and "," not in i
        and not i.rstrip().endswith((".", "!", "?"))
        for i in parts
    )


def is_prompt(line: str) -> bool:
    """Whether a line is page furniture by its wording alone: a prompt, a credit, a dateline,
    a line of contact addresses, a reprint notice, a consent placeholder, a template's slot
    marker or a notice to readers of an old browser however long, a
    writer's box ending "View Full Profile", a menu however long. Any space counts as one (a
    no-break space after "Photo:")."""
    words = len(_WORD.findall(line))
    if (
        _REPRINT_NOTICE.match(line)
        or _CONSENT.match(" ".join(line.split()))
        or _BROWSER_NOTICE.match(" ".join(line.split()))
        or _SLOT_MARK.fullmatch(line)
        or (_PROFILE_LINK.search(line) and words <= BIO_WORDS)
        or (_MEDIA_STAMP.fullmatch(line) and words <= 2 * PROMPT_WORDS)
        or _is_menu(line)
    ):
        return True
    line = " ".join(line.split())
    if words > PROMPT_WORDS:
        return _prompts_only(line)
    return bool(PROMPTS.match(line)) or _is_dateline(line) or _is_contact(line)


def _prompts_only(line: str) -> bool:
    """A long line of prompts one after another, each a sentence that is a prompt on its own
    ("Follow the Post on Twitter for the latest news. Sign up for our daily push alerts
    here.")."""
    sentences = _SENTENCE_BREAK.split(line)
    return len(sentences) > 1 and all(
        len(_WORD.findall(s)) <= PROMPT_WORDS and PROMPTS.match(s) for s in sentences
    )


def _is_dateline(line: str) -> bool:
    """A date or time with at most a byline: "5:45 AM PST 11/19/2019 by Patrick Shanley",
    "Updated at 1:23 p.m."; not a table row, in pipes or drawn in a box as a query's output
    prints it ("2020-08-01 17:59:00+00 │ 200 │ 3927"), or an international phone number
    ("+81 158-23-2012", whose last group reads like a year). The agency or outlet may stand
    before it: "Associated Press - January 14, 2008 12:53 PM ET"."""
    words = _WORD.findall(line)
    if line.lstrip().startswith(("|", "+")) or _BOX_DRAWN.search(line) or not _DATED.search(line):
        return False
    credited = _CREDITED.match(line)
    if credited:
        return _is_dateline(credited["rest"])
    named = 0
    for word in words:
        low = word.casefold()
        if low == "by" and not named:
            named = 1
        elif _NUMBER.fullmatch(word) or low in _DATE_WORDS:
            named = -1 if named > 0 else named
        elif 0 < named <= _NAME_WORDS and (word[0].isupper() or low == "and"):
            named += 1
        else:
            return False
    return True


def _is_contact(line: str) -> bool:
    """E-mail addresses and social profiles with hardly a word around them: a reporter's
    contact line or a "more from us" footer. A bare web address may be what the story cites,
    a bare handle who it lists."""
    found = _ADDRESS.findall(line)
    if not any(_EMAIL.fullmatch(f) or _SOCIAL.search(f) for f in found):
        return False
    rest = [w for w in _WORD.findall(_ADDRESS.sub(" ", line)) if w.casefold() not in _CONTACT_GLUE]
    return len(rest) <= CONTACT_WORDS


def drop_furniture(
    lines: list[str],
    precise: Collection[str],
    links: Collection[str],
    titles: Collection[str],
    decks: Collection[str] = (),
) -> list[str]:
    """``lines`` of the default extraction without furniture. ``precise`` holds the lines the
    precision pass kept, ``links`` the normalised text of the page's links, ``titles`` the
    normalised headlines the page declares (its title, og:title), ``decks`` the normalised
    standfirsts under its headline."""
    lines = [_FOLLOW_PROMPT.sub("", _SHARE_LABEL.sub("", line)) for line in lines]
    wholly = [_is_link(line, links) for line in lines]
    linked = [w and _loose(line) not in precise for w, line in zip(wholly, lines, strict=True)]
    teasers = _teaser_runs([_is_teaser(line, links) for line in lines])
    link_runs = _teaser_runs(wholly)
    cards = _card_runs(lines, wholly)
    slides = _slideshow_runs(lines)
    blocks = [
        (linked[i] and ((i > 0 and linked[i - 1]) or (i + 1 < len(lines) and linked[i + 1])))
        or teasers[i]
        or link_runs[i]
        or cards[i]
        or slides[i]
        or _lone_menu_row(lines, i)
        for i in range(len(lines))
    ]
    # Filler beside a story is a template's leftover; on a page of nothing else (a design's
    # mock-up) it is the text.
    filler = _words([line for line in lines if not _PLACEHOLDER.match(line)]) >= STORY_WORDS
    keep = [False] * len(lines)
    last = ""
    for i, line in enumerate(lines):
        if (
            is_prompt(line)
            or is_prompt(_lone_cell(lines, i))
            or (filler and _PLACEHOLDER.match(line))
            or blocks[i]
            or (linked[i] and _shouted(line))
            or _heads_block(lines, blocks, i)
            or _IMAGE_NAME.match(line)
        ):
            continue
        if i < 2 and _opens_with_title(lines, titles, i):
            continue
        if i < DECK_LINES and (_norm(line) in decks or _titled_dateline(line, titles)):
            continue
        if (i < BYLINE_LINES and _is_byline(line)) or _is_credit(line):
            continue
        if line == last:
            continue  # a block the page shows twice (a table's header, a sticky copy)
        keep[i] = True
        last = line if _WORD.search(line) else last  # past a table's rule line
    kept = [line for i, line in enumerate(lines) if keep[i] and not _heads_nothing(lines, keep, i)]
    while kept and _is_bio(kept[-1]):
        kept.pop()
    if kept and _about_company(kept[-1]):
        while kept and _about_company(kept[-1]):
            kept.pop()
        if kept and _ABOUT_HEADING.fullmatch(kept[-1].strip()):
            kept.pop()  # "About Ascom", the heading of the note just left out
    return _without_repeated_runs(_before_comments(kept))


def _before_comments(lines: list[str]) -> list[str]:
    """The lines before the readers' comments: a heading that opens them ("Comments are now
    closed for this story", "Post a comment", "12 comments") ends the story, once
    ``STORY_WORDS`` words of it stand before; the page's extractor had taken a commenters'
    thread (names and replies) for more paragraphs."""
    words = 0
    for i, line in enumerate(lines):
        if words >= STORY_WORDS and _COMMENTS_HEADING.match(line):
            return lines[:i]
        words += len(_WORD.findall(line))
    return lines


def _without_repeated_runs(lines: list[str]) -> list[str]:
    """The lines without a long run shown again further down (a second copy of the story in
    another layout, a tab); a line said twice (an interview's question, a tweet's signature)
    or a short pattern repeated stays."""
    first_at: dict[str, int] = {}
    kept: list[str] = []
    least = REPEATED_SHARE * sum(map(len, lines))
    i = 0
    while i < len(lines):
        j = first_at.get(lines[i])
        run = 0
        if j is not None:
            while i + run < len(lines) and j + run < i and lines[j + run] == lines[i + run]:
                run += 1
        if run >= REPEATED_RUN and sum(map(len, lines[i : i + run])) >= least:
            i += run
            continue
        first_at.setdefault(lines[i], i)
        kept.append(lines[i])
        i += 1
    return kept


def _heads_nothing(lines: list[str], keep: list[bool], i: int) -> bool:
    """Whether line ``i`` is a heading whose section lost every line ("Something to consider"
    over a membership appeal, "How to listen" over podcast links): up to the next heading
    kept or the end, all that follows it was left out. A heading in a list of short lines
    stays, and so does a short line that opens with no letter (a post's "— Name (@handle)"
    attribution, a "[Source, p. 41]" reference, a rule line)."""
    line = lines[i].strip()
    after_heading = i > 0 and keep[i - 1] and _is_heading(lines[i - 1])
    if not line[:1].isalpha() or not _is_heading(line) or after_heading:
        return False
    j = i + 1
    while j < len(lines) and not (keep[j] and _is_heading(lines[j])):
        if keep[j]:
            return False
        j += 1
    return j > i + 1


def _heads_block(lines: list[str], blocks: list[bool], i: int) -> bool:
    """Whether line ``i`` is the title of a block of links left out after it ("Editors' picks:",
    "More on this story"): a heading, after prose rather than in a list of short lines."""
    return (
        _is_heading(lines[i])
        and blocks[i + 1 : i + 1 + HEADED_LINKS].count(True) == HEADED_LINKS
        and (i == 0 or not _is_heading(lines[i - 1]))
    )


def _is_heading(line: str) -> bool:
    """A short line that does not end as a sentence does: a heading, or a label ending in a
    colon ("Editors' picks:")."""
    words = _WORD.findall(line)
    return 0 < len(words) <= HEADING_WORDS and not line.rstrip().endswith((".", "!", "?", '"', "”"))


def _is_link(line: str, links: Collection[str]) -> bool:
    """The line is a link of the page, maybe with a label after it that is no part of the
    link ("Plague warning: CDC names eight diseases [VIDEO]") or, in a list, a topic before it
    ("- Hormone: Wechseljahre mit 27: Die ersten Anzeichen der Menopause")."""
    if _norm(line) in links or _norm(_LABEL_AFTER.sub("", line)) in links:
        return True
    topic = _LABEL_BEFORE.match(line)
    rest = _norm(line[topic.end() :]) if topic else ""
    return len(rest.split()) > LINK_HEAD_WORDS and rest in links


def _is_teaser(line: str, links: Collection[str]) -> bool:
    """A list item that opens with a link of the page and goes on: "- Headline Teaser …"."""
    if not line.lstrip().startswith(("-", "•")):
        return False
    words = _norm(line).split()
    if len(words) >= TEASER_WORDS:
        return False
    return any(" ".join(words[:n]) in links for n in range(LINK_HEAD_WORDS, len(words)))


def _teaser_runs(teasers: list[bool]) -> list[bool]:
    """Only teasers in a run of at least ``TEASER_RUN`` consecutive lines: a block of them."""
    marked = [False] * len(teasers)
    start = 0
    for i in range(len(teasers) + 1):
        if i == len(teasers) or not teasers[i]:
            if i - start >= TEASER_RUN:
                marked[start:i] = [True] * (i - start)
            start = i + 1
    return marked


def _card_runs(lines: list[str], wholly: list[bool]) -> list[bool]:
    """Cards of other stories: a linked headline over the opening of that story, with at
    most ``CARD_GAP`` short lines between cards (a section label, a date), at least
    ``TEASER_RUN`` cards in a row, after a story of ``CARD_STORY_WORDS`` words or more (a
    page made of such cards, a programme's or a product list's, is the page's content)."""
    marked = [False] * len(lines)
    cards: list[int] = []  # first lines of the cards of the current run
    for i in range(len(lines) + 1):
        if cards and i < cards[-1] + 2:
            continue  # the opening under the last card
        if i + 1 < len(lines) and _card(lines, wholly, i):
            cards.append(i)
            continue
        if i < len(lines) and cards and i < cards[-1] + 2 + CARD_GAP and _is_heading(lines[i]):
            continue
        if len(cards) >= TEASER_RUN and _words(lines[: cards[0]]) >= CARD_STORY_WORDS:
            marked[cards[0] : cards[-1] + 2] = [True] * (cards[-1] + 2 - cards[0])
        cards = []
    return marked


def _slideshow_runs(lines: list[str]) -> list[bool]:
    """A picture gallery's captions: at least ``TEASER_RUN`` lines opening with its counter
    ("1/50 United goin down …", "2 of 12"), one after another with the same total; a caption
    may run over up to ``SLIDE_LINES`` lines to the next counter (and as many after the
    last as the shortest caption takes). A page whose other lines hold fewer than
    ``CARD_STORY_WORDS`` words is the gallery itself (a slideshow's page)."""
    marked = [False] * len(lines)
    words = _words(lines)
    run: list[int] = []  # lines of the counters of the current run
    total, expected = "", 0
    for i, line in enumerate([*lines, ""]):
        found = _SLIDE_COUNTER.match(line)
        if found and run and found[2] == total and int(found[1]) == expected:
            run.append(i)
            expected += 1
            continue
        if run and not found and i < len(lines) and i - run[-1] <= SLIDE_LINES:
            continue  # the caption under a counter
        if len(run) >= TEASER_RUN:
            end = min(run[-1] + min(b - a for a, b in pairwise(run)), len(lines))
            if words - _words(lines[run[0] : end]) >= CARD_STORY_WORDS:
                marked[run[0] : end] = [True] * (end - run[0])
        run = [i] if found else []
        total, expected = (found[2], int(found[1]) + 1) if found else ("", 0)
    return marked


def _words(lines: list[str]) -> int:
    return sum(len(_WORD.findall(line)) for line in lines)


def _card(lines: list[str], wholly: list[bool], i: int) -> bool:
    """A linked headline (``lines[i]``; a forum post's "#671" is none) over a line of prose
    that is no link, and no list item unless the headline is one of the same list (a list of
    other stories, each item's headline and opening)."""
    head, body = lines[i], lines[i + 1]
    marker = body.lstrip()[:1]
    return (
        wholly[i]
        and LINK_HEAD_WORDS <= len(_WORD.findall(head)) <= CARD_HEADLINE_WORDS
        and not head.rstrip().endswith((".", "!"))
        and not wholly[i + 1]
        and not _is_heading(body)
        and (marker not in ("-", "•") or head.lstrip()[:1] == marker)
    )


def _norm(text: str) -> str:
    return " ".join(text.split()).lstrip("-•* ").casefold()


def _loose(text: str) -> str:
    return " ".join(text.split())


def _shouted(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 10 and all(c.isupper() for c in letters)


def _repeats_title(line: str, titles: Collection[str]) -> bool:
    """The article's first line is its headline again (maybe without the site's suffix)."""
    norm = _norm(line)
    return bool(norm) and any(norm == t or (len(norm) > 15 and norm in t) for t in titles)


def _opens_with_title(lines: list[str], titles: Collection[str], i: int) -> bool:
    """Whether line ``i`` is the headline again at the text's top, or the section's label
    over it ("Leadership", then the headline), or the headline a second time under the first
    (a page's copies for small and large screens): all are the page's, not the story's."""
    if i == 0 and _repeats_title(lines[0], titles):
        return True
    if len(lines) < 2 or not _repeats_title(lines[1], titles):
        return False
    return _is_kicker(lines[0]) or _norm(lines[0]) == _norm(lines[1])


def _is_kicker(line: str) -> bool:
    """A section's label: shorter than a heading (``_is_heading``), and without the colon of a
    label that introduces what follows ("Editors' picks:")."""
    words = _WORD.findall(line)
    return 0 < len(words) <= KICKER_WORDS and not re.search(r"[.!?:]\s*$", line)


def _is_bio(line: str) -> bool:
    """A note on the writer that closes a story: "Jane Roe is a staff writer covering
    transport." Only at the end; in the story such a sentence is news."""
    return len(_WORD.findall(line)) <= BIO_WORDS and bool(_BIO.match(line.strip()))


def _about_company(line: str) -> bool:
    """A closing paragraph that presents the company, as press releases end ("About Acme")."""
    return bool(_ABOUT_COMPANY.match(line.strip()))


def _is_byline(line: str) -> bool:
    """A line of the writers' names and their outlet alone: "By Damian Spellman, PA Sport",
    "By: Jim Macdonald, THE CANADIAN PRESS", "BY HERB KEINON AND YAAKOV KATZ" (maybe with
    the time it was posted: "… Associated Press Writer 42 minutes ago"). The story's
    sentences that open with "By" go on in lower case ("By Sunday the council had voted")."""
    found = _BYLINE.match(line.strip())
    return bool(found) and _names_only(_AGO.sub("", found["names"]))


def _is_credit(line: str) -> bool:
    """A line that names who wrote, posted or checked the piece, wherever it stands (an
    author box after the story, the cards of other stories): "Written by Cassidy Horton",
    "Written by: Sean Peek, Senior AnalystUpdated Sep 17, 2025", "Medically reviewed by Dr.
    Jane Roe"; not a sentence ("Written by a committee in 1998, the charter …")."""
    found = _CREDIT.match(line.strip())
    return bool(found) and _names_only(found["names"], dates=True)


def _names_only(names: str, dates: bool = False) -> bool:
    """Whether ``names`` are at most ``BYLINE_WORDS`` words of names and the words joining
    them (and, with ``dates``, the numbers of a date after them)."""
    words = [w.strip(",;|–—-") for w in names.split()]
    words = [w for w in words if w]
    return 0 < len(words) <= BYLINE_WORDS and all(
        _NAME_WORD.fullmatch(w) or (dates and w.isdigit()) for w in words
    )


def _titled_dateline(line: str, titles: Collection[str]) -> bool:
    """The headline run into its byline and date: "Bigger rockets by Jane Roe Monday, Nov. 18,
    2019"."""
    norm = _norm(line)
    for title in titles:
        if len(title) > 15 and norm.startswith(title) and norm != title:
            return _is_dateline(line.strip().lstrip("-•* ")[len(title) :])
    return False


def normalised(texts: Collection[str]) -> set[str]:
    """The form ``drop_furniture`` compares links and titles in."""
    return {_norm(t) for t in texts if t and t.strip()}


def loose(texts: Collection[str]) -> set[str]:
    """The form ``drop_furniture`` compares the precision pass's lines in."""
    return {_loose(t) for t in texts}
