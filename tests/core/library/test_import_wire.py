"""News agencies' wire copy (NITF, NewsML-G2, NewsML 1) imports with the story's own fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import detect_format, read_articles
from tests.core.library.refusals import assert_refused

# As IPTC's NITF 3 examples and agencies' feeds lay a story out.
NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" xml:lang="en">
  <head>
    <title>Harbour bridge closed</title>
    <docdata>
      <doc-id id-string="NP-2025-0118-017"/>
      <date.issue norm="20250118T093000Z"/>
    </docdata>
    <pubdata type="web" date.publication="20250118T093000+0000" name="Northport Press"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Harbour bridge closed to lorries</hl1><hl2>Cracks in two girders</hl2></hedline>
      <byline>By <person>Maria Brandt</person>, <byttl>Northport Press Writer</byttl></byline>
      <dateline><location>NORTHPORT</location>, <story.date
        norm="20250118">Jan. 18</story.date></dateline>
      <abstract><p>The bridge closes to lorries.</p></abstract>
    </body.head>
    <body.content>
      <p>The council voted on Tuesday to close the old harbour bridge to lorries.</p>
      <media media-type="image"><media-caption>The bridge at dawn.</media-caption></media>
      <hl2>Six months of repairs</hl2>
      <block><p>Engineers found cracks in two of its <em>steel</em> girders.</p></block>
      <table><tr><th>Vehicle</th><th>Diversion</th></tr><tr><td>Lorries</td><td>A17</td></tr></table>
    </body.content>
    <body.end><tagline>Tom Okafor contributed to this report.</tagline></body.end>
  </body>
</nitf>
"""

# NewsML-G2 as agencies deliver it: a message of items, the story's body in NITF or XHTML.
G2 = """<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2025-01-18T10:00:00Z</sent></header>
  <itemSet>
    <newsItem guid="urn:newsml:northport.example:20250118:bridge" version="2">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider literal="NPA"><name>Northport Press Agency</name></provider>
        <versionCreated>2025-01-18T09:45:00Z</versionCreated>
        <firstCreated>2025-01-18T09:30:00Z</firstCreated>
      </itemMeta>
      <contentMeta>
        <language tag="en"/>
        <headline>Harbour bridge closed to lorries</headline>
        <by>By Maria Brandt</by>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/nitf+xml">
          <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
            <p>The council voted on Tuesday to close the old harbour bridge to lorries.</p>
            <p>Engineers found cracks in two of its girders.</p>
          </body.content></body></nitf>
        </inlineXML>
      </contentSet>
    </newsItem>
    <newsItem guid="urn:newsml:northport.example:20250118:photo">
      <itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
      <contentMeta><headline>The bridge at dawn</headline></contentMeta>
      <contentSet><remoteContent href="bridge.jpg" contenttype="image/jpeg"/></contentSet>
    </newsItem>
    <newsItem guid="urn:newsml:northport.example:20250119:ferry">
      <contentMeta>
        <contentCreated>2025-01-19T07:00:00Z</contentCreated>
        <headline>Ferry adds crossings</headline>
        <creator><name>Tom Okafor</name></creator>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/xhtml+xml">
          <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Ferry</title></head>
          <body><h1>Ferry adds crossings</h1><p>The ferry will run two more crossings a day.</p>
          <ul><li>From Monday</li><li>Until the bridge reopens</li></ul></body></html>
        </inlineXML>
      </contentSet>
    </newsItem>
  </itemSet>
</newsMessage>
"""

# NewsML 1, as older agency archives hold stories.
NEWSML_1 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<NewsML Version="1.2">
  <NewsItem>
    <Identification><NewsIdentifier>
      <ProviderId>northport.example</ProviderId><DateId>20041105</DateId>
      <PublicIdentifier>urn:newsml:northport.example:20041105:harbour</PublicIdentifier>
    </NewsIdentifier></Identification>
    <NewsManagement><FirstCreated>20041105T081500+0100</FirstCreated></NewsManagement>
    <NewsComponent>
      <NewsLines>
        <HeadLine>Port workers strike</HeadLine><ByLine>By Jos\xe9 P\xe9rez</ByLine>
      </NewsLines>
      <ContentItem><DataContent>
        <p>Dockers walked out on Friday over pay.</p><p>The strike closes the port.</p>
      </DataContent></ContentItem>
    </NewsComponent>
  </NewsItem>
</NewsML>
"""


def saved(tmp_path: Path, text: str, name: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_nitf_story_imports_with_its_own_fields(tmp_path: Path) -> None:
    path = saved(tmp_path, NITF, "bridge.xml")
    (article,) = read_articles(path)
    assert article.title == "Harbour bridge closed to lorries"
    assert article.byline == "Maria Brandt"
    assert article.source == "Northport Press"
    assert article.published == "2025-01-18"
    assert article.text.split("\n\n") == [
        "NORTHPORT, Jan. 18",
        "The council voted on Tuesday to close the old harbour bridge to lorries.",
        "Six months of repairs",
        "Engineers found cracks in two of its steel girders.",
        "Vehicle | Diversion",
        "Lorries | A17",
        "Tom Okafor contributed to this report.",
    ]  # not the abstract, not the picture's caption


def test_each_newsml_g2_item_with_text_is_an_article(tmp_path: Path) -> None:
    path = saved(tmp_path, G2, "wire.xml")
    bridge, ferry = read_articles(path)  # the picture item has no text
    assert (bridge.title, bridge.byline, bridge.published) == (
        "Harbour bridge closed to lorries",
        "Maria Brandt",
        "2025-01-18",
    )
    assert bridge.source == "Northport Press Agency"
    assert bridge.text.split("\n\n") == [
        "The council voted on Tuesday to close the old harbour bridge to lorries.",
        "Engineers found cracks in two of its girders.",
    ]
    assert bridge.origin.endswith("#urn:newsml:northport.example:20250118:bridge")
    assert (ferry.title, ferry.byline, ferry.published) == (
        "Ferry adds crossings",
        "Tom Okafor",
        "2025-01-19",
    )
    assert ferry.text.split("\n\n") == [
        "The ferry will run two more crossings a day.",
        "From Monday",
        "Until the bridge reopens",
    ]


def test_a_newsml_1_story_in_a_legacy_charset(tmp_path: Path) -> None:
    (article,) = read_articles(saved(tmp_path, NEWSML_1, "strike.newsml", "iso-8859-1"))
    assert (article.title, article.byline, article.published) == (
        "Port workers strike",
        "José Pérez",
        "2004-11-05",
    )
    assert article.text == "Dockers walked out on Friday over pay.\n\nThe strike closes the port."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<nitf><head><title>Empty</title></head><body/></nitf>", "holds no story with text"),
        ("<report><p>Not a feed.</p></report>", "nor wire copy in NITF or NewsML"),
    ],
)
def test_wire_documents_without_a_story_are_refused(tmp_path: Path, text: str, reason: str) -> None:
    assert_refused(saved(tmp_path, text, "broken.nitf"), reason)


def test_wire_copy_without_a_suffix_is_known_by_its_root() -> None:
    assert detect_format(Path("wire"), NITF.encode()) == "feed"
    assert detect_format(Path("wire"), G2.encode()) == "feed"
