"""Every charset a feed or page may declare, and declarations that lie or name no charset.

Regression tests for issue 11: feeds in Shift_JIS, GB2312/GB18030, Big5, EUC-KR, UTF-16 without
a byte-order mark or an unknown encoding, and pages whose ``<meta charset>`` named ``base64``,
``rot13`` or ``undefined``, raised tracebacks that aborted the whole import.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library.importers import UnreadableFile, read_articles
from desktop.core.library.importers.decoding import declared_encoding, decode_text, text_codec
from desktop.core.library.importing import import_paths
from desktop.core.library.session import open_library

STORIES = {
    "shift_jis": "東京の記者が報告した。市場は今日大きく下落した。",
    "gb2312": "新闻记者报道说，今天市场大幅下跌。",
    "gb18030": "新闻记者报道说，今天市场大幅下跌。",
    "big5": "新聞記者報導說，今天市場大幅下跌。",
    "euc-kr": "기자들은 오늘 시장이 크게 하락했다고 보도했다.",
    "koi8-r": "Журналисты сообщили, что сегодня рынок сильно упал.",
    "cp1252": "Le café coûte « trop cher » à Paris, déjà.",
}
WESTERN = "Le café coûte « trop cher » à Paris, déjà; the “rôle” of the naïve résumé."


def feed(declared: str, story: str) -> str:
    return (
        f'<?xml version="1.0" encoding="{declared}"?>\n'
        '<rss version="2.0"><channel><title>Wire</title>'
        f"<item><title>First</title><description>{story}</description></item>"
        f"<item><title>Second</title><description>{story} {story}</description></item>"
        "</channel></rss>\n"
    )


def page(declared: str, story: str) -> str:
    paragraph = f"<p>{story} The council met again today to vote on the harbour budget.</p>"
    return (
        f'<html><head><meta charset="{declared}"><title>Harbour vote</title></head>'
        f"<body><article><h1>Harbour vote</h1>{paragraph * 4}</article></body></html>"
    )


@pytest.mark.parametrize("encoding", sorted(STORIES))
def test_a_feed_in_its_declared_multibyte_or_legacy_charset(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.xml"
    path.write_bytes(feed(encoding, STORIES[encoding]).encode(encoding))
    first, second = read_articles(path)
    assert first.title == "First"
    assert first.text == STORIES[encoding]
    assert second.source == "Wire"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark(tmp_path: Path, codec: str) -> None:
    story = STORIES["cp1252"]
    xml = tmp_path / "wire.xml"
    xml.write_bytes(feed(codec[:6], story).encode(codec))
    assert read_articles(xml)[0].text == story
    html = tmp_path / "page.html"
    html.write_bytes(page(codec[:6], story).encode(codec))
    assert story in read_articles(html)[0].text
    text = tmp_path / "note.txt"
    text.write_bytes(f"Harbour vote\n\n{story}\n".encode(codec))
    (found,) = read_articles(text)
    assert (found.title, found.text) == ("Harbour vote", story)


@pytest.mark.parametrize("declared", ["x-no-such-charset", "undefined", "base64", "rot13", "hex"])
def test_a_declaration_naming_no_charset_is_ignored_and_the_bytes_decide(
    tmp_path: Path, declared: str
) -> None:
    assert declared_encoding(f'<meta charset="{declared}">'.encode()) is None
    xml = tmp_path / "wire.xml"
    xml.write_bytes(feed(declared, WESTERN).encode("cp1252"))
    assert read_articles(xml)[0].text == WESTERN
    html = tmp_path / "page.html"
    html.write_bytes(page(declared, WESTERN).encode("cp1252"))
    assert WESTERN in read_articles(html)[0].text


def test_a_declared_charset_that_does_not_fit_the_bytes_falls_back_to_detection(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lying.xml"
    path.write_bytes(feed("shift_jis", STORIES["euc-kr"]).encode("utf-8"))
    assert read_articles(path)[0].text == STORIES["euc-kr"]
    latin = tmp_path / "latin.xml"  # pages that say Latin-1 mean Windows-1252 (curly quotes)
    latin.write_bytes(feed("iso-8859-1", WESTERN).encode("cp1252"))
    assert read_articles(latin)[0].text == WESTERN


def test_text_codec_accepts_charsets_and_refuses_other_codecs() -> None:
    assert text_codec("Shift_JIS") == "shift_jis"
    assert text_codec("windows-1252") == "cp1252"
    for name in ("base64", "rot13", "undefined", "zlib", "idna", "unicode_escape", "nonsense"):
        assert text_codec(name) is None, name


def test_binary_with_zero_bytes_is_still_refused() -> None:
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 8
    with pytest.raises(UnreadableFile, match="binary file"):
        decode_text(png, Path("photo.txt"))


def test_a_page_with_a_few_stray_zero_bytes_is_read_without_them() -> None:
    page = "<html><body><p>Café closed</p>" + "<p>The harbour bridge is closed.</p>" * 200
    data = page.replace("</p>", "</p>\x00", 3).encode("utf-8")
    assert decode_text(data, Path("page.html")) == page


def test_an_undecodable_feed_is_one_failure_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.xml"
    bad.write_bytes(b'<?xml version="1.0" encoding="base64"?>\n<rss>' + bytes(range(128, 256)) * 40)
    good = tmp_path / "good.xml"
    good.write_bytes(feed("big5", STORIES["big5"]).encode("big5"))
    with open_library(seed=False) as library:
        report = import_paths(library, [bad, good])
        assert len(report.imported) == 2
        (failure,) = report.failures
        assert failure.path == bad
        assert failure.error.startswith(f"{bad}: ")
        assert "\n" not in failure.error


def test_utf8_with_a_stray_broken_sequence_is_still_utf8() -> None:
    story = "Zażółć gęślą jaźń – mówił prezes fundacji. " * 40
    teaser = b"przemyt 653 tys. paczek papieros\xc3..."  # cut inside "ó"
    data = story.encode() + teaser + story.encode()
    text = decode_text(data, Path("page.html"), declared="utf-8")
    assert text.startswith(story) and text.endswith(story)
    assert "papieros\ufffd..." in text


def test_a_page_declaring_utf8_with_many_strays_is_still_utf8() -> None:
    # A blog's text pasted through a converter: one broken sequence in six, curly quotes fine.
    sentence = "Alan Wurtzel, NBC’s president, said “archery is the new curling.” "
    data = (sentence.encode() * 5 + b"NBC&acirc;\x80\x99s ") * 8
    text = decode_text(data, Path("page.html"), declared="utf-8")
    assert text.count(sentence) == 40
    assert "NBC&acirc;\ufffd\ufffds" in text
    # The same bytes with no declaration are no UTF-8 with strays: too many are broken.
    assert sentence not in decode_text(data, Path("page.html"))


def test_a_legacy_page_mislabelled_utf8_is_not_read_as_utf8() -> None:
    story = "Le conseil municipal a voté mardi la fermeture du vieux pont, a déclaré l'élue. " * 9
    data = story.encode("cp1252")
    assert decode_text(data, Path("page.html"), declared="utf-8") == story


def test_legacy_text_with_a_utf8_like_pair_is_not_taken_for_utf8() -> None:
    story = (
        "Le conseil municipal a voté mardi la fermeture du vieux pont aux poids lourds, après"
        " que des ingénieurs ont découvert des fissures dans deux poutres. La décision n'a pas"
        " été prise à la légère, a déclaré l'élue, car le pont est emprunté chaque jour par"
        " des milliers de véhicules. "
    )
    data = (story + "Ã©" + story).encode("cp1252")  # "Ã©" reads as UTF-8 "é"
    assert decode_text(data, Path("page.txt")) == story + "Ã©" + story


def doubled(text: str, legacy: str) -> str:
    """``text`` as a site stores it when it reads its own UTF-8 as ``legacy``; Latin-1 keeps
    Windows-1252's quotes as control characters ("isnâ\\x80\\x99t")."""
    return text.encode("utf-8").decode(legacy)


TYPED = [
    "The plan isn’t cheap: it costs £125 a month — for cats, €14.",
    "L’été à São Paulo coûte « trop cher », déjà.",
]


@pytest.mark.parametrize("legacy", ["latin-1", "cp1252"])
def test_a_story_the_site_stored_double_encoded_reads_as_typed(tmp_path: Path, legacy: str) -> None:
    paragraphs = "".join(
        f"<p>{doubled(t, legacy)} The council met on the budget.</p>" for t in TYPED
    )
    path = tmp_path / "doubled.html"
    path.write_text(
        page("utf-8", "Harbour").replace("</article>", paragraphs * 3 + "</article>"),
        encoding="utf-8",
    )
    text = read_articles(path)[0].text
    for typed in TYPED:
        assert typed in text
    assert "â" not in text and "Ã" not in text


def test_one_double_encoded_paragraph_beside_right_text_is_read_back_alone(
    tmp_path: Path,
) -> None:
    right = "<p>Zürich’s naïve café owners said “no” to André’s plan on Monday.</p>"
    wrong = f"<p>{doubled(TYPED[0], 'cp1252')} The council met on the budget.</p>"
    path = tmp_path / "mixed.html"
    path.write_text(
        page("utf-8", "Harbour").replace("</article>", (right + wrong) * 3 + "</article>"),
        encoding="utf-8",
    )
    text = read_articles(path)[0].text
    assert "Zürich’s naïve café owners said “no” to André’s plan" in text
    assert TYPED[0] in text


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_text_file_pasted_double_encoded_reads_as_typed(tmp_path: Path, suffix: str) -> None:
    """Its quotes doubled through Latin-1 are control characters in one character of fifty:
    text to read back, not a binary file."""
    story = " ".join(TYPED * 4)
    path = tmp_path / f"pasted{suffix}"
    path.write_text(f"Harbour\n\n{doubled(story, 'latin-1')}\n", encoding="utf-8")
    assert read_articles(path)[0].text == story


def test_a_feed_item_stored_double_encoded_reads_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_text(feed("utf-8", doubled(TYPED[1], "cp1252")), encoding="utf-8")
    first, second = read_articles(path)
    assert first.text == TYPED[1]
    assert second.text == f"{TYPED[1]} {TYPED[1]}"
