"""Only real sentences reach a summary; headings, furniture and fragments stay in the text."""

from __future__ import annotations

import pytest

from desktop.core.text.real_sentences import real_sentences
from desktop.core.text.sentences import split_sentences
from desktop.core.text.summarize import METHODS, summarize

TITLE = "Storm Ana cuts power to 40,000 homes on the coast"
PAGE = (
    "Storm Ana cuts power to 40,000 homes on the coast.\n\n"
    "Sign up for the free daily newsletter.\n\n"
    "Share this article\n\n"
    "Image copyright Getty Images\n\n"
    "Updated 10:45 GMT\n\n"
    "What Happened On Monday\n\n"
    "More Photos From The Storm!\n\n"
    "Town\tHomes\tRestored\n\n"
    "A powerful storm struck the northern coast on Monday, closing the main coastal road. "
    "Emergency crews worked through the night to restore power to the homes.\n\n"
    "Where The Storm Went Next\n\n"
    "The storm brought winds of up to 90 miles an hour to the coast. Officials said the road "
    "would reopen on Wednesday once fallen trees were cleared.\n\n"
    "“We have never seen anything like it,” said a resident. “The sea came into the "
    "street.\n\n"
    "Nobody was hurt,” she added. Schools in three towns stayed closed as the storm moved "
    "inland.\n\n"
    "and residents were told to stay away from the coast until it had"
)
REAL = [
    "A powerful storm struck the northern coast on Monday, closing the main coastal road.",
    "Emergency crews worked through the night to restore power to the homes.",
    "The storm brought winds of up to 90 miles an hour to the coast.",
    "Officials said the road would reopen on Wednesday once fallen trees were cleared.",
    "“We have never seen anything like it,” said a resident.",
    "“The sea came into the street.",
    "Schools in three towns stayed closed as the storm moved inland.",
]


def real_ones(text: str, title: str = "") -> list[str]:
    """The sentences of ``text`` a summary may use."""
    split = split_sentences(text)
    flags = real_sentences(text, split, "en", title)
    return [s.text for s, ok in zip(split, flags, strict=True) if ok]


def test_only_real_sentences_are_real() -> None:
    assert real_ones(PAGE, TITLE) == REAL


@pytest.mark.parametrize("method", METHODS)
def test_summaries_leave_out_furniture_headings_fragments_and_the_headline(method: str) -> None:
    summary = summarize(PAGE, method, sentences=7, title=TITLE)
    assert {s.text for s in summary.sentences} <= set(REAL)
    assert len(summary.sentences) == len(REAL)
    assert all(PAGE[s.start : s.end] == s.text for s in summary.sentences)


def test_headline_repeated_as_first_sentence_is_not_picked() -> None:
    chosen = [s.text for s in summarize(PAGE, "news", sentences=1, title=TITLE).sentences]
    assert chosen == [REAL[0]]
    # Without the title the first line is a real sentence and the lead wins.
    chosen = [s.text for s in summarize(PAGE, "lead", sentences=1).sentences]
    assert chosen == ["Storm Ana cuts power to 40,000 homes on the coast."]


def test_furniture_and_headings_stay_in_the_text() -> None:
    texts = [s.text for s in split_sentences(PAGE)]
    assert "Sign up for the free daily newsletter." in texts
    assert "Where The Storm Went Next" in texts


def test_prompts_inside_a_sentence_and_disclaimers_are_not_real() -> None:
    text = (
        "To find acting schools near you, click here to search our database.\n\n"
        "WIN a plasma TV - just sign up now for our fantasy cricket game.\n\n"
        "Disclaimer: This news article is copyrighted by Associated Press.\n\n"
        "The storm brought winds of up to 90 miles an hour to the coast."
    )
    assert real_ones(text) == ["The storm brought winds of up to 90 miles an hour to the coast."]


def test_republishing_subscription_permission_and_fair_use_notices_are_not_real() -> None:
    notices = [
        "(This article first appeared in the March 2002 issue of Multimedia Schools.)",
        "This story was originally published in The Conversation.",
        "This Content or feature is for MacFixIt Pro subscribers.",
        "Subscribe before January 1 and receive free gifts!",
        "If you know anyone who might be interested to receive the AVL Newsletter, tell them.",
        "This document may contain copyrighted materialwhose use has not been authorized.",
        "We believe that this constitutes a 'fair use' of the copyrighted material as provided "
        "for in section 107 of the U.S. Copyright Law.",
        "In accordance with Title 17 U.S.C. Section 107, this material is distributed freely.",
        "Certain materials are held by their respective owners and used under fair use.",
        "Holy Bible, New International Version, Copyright 2011 by Biblica, Inc. Used by "
        "permission.",
        "One email a month, with unsubscribe, & no spam.",
        "To download, just sign up to The Notebook Gallery as a free member.",
        "It's an excerpt from 48 Rutgers Law Review 397, Copyright 1995 by Gary L. Francione.",
        "Holy Bible, NIV® Copyright © 1973, 1978, 1984, 2011 by Biblica, Inc.",
    ]
    # The same words in a story's own sentences keep them real.
    story = [
        "The lawsuit says the video contains copyrighted material from three albums.",
        "The judge found the copying was fair use of the copyrighted material.",
        "Subscribers to the service will pay more from January, the company said.",
        "The photographs were used by permission of the family, the museum said.",
        "To download the app, users must first register with the ministry.",
        "The band won back the copyright to its 1995 album, the court said.",
    ]
    text = "\n\n".join(notices + story)
    assert real_ones(text) == story


def test_a_text_without_real_sentences_has_an_empty_summary() -> None:
    """Headlines, a gallery's labels, furniture, a line without its full stop: no method may
    offer them as summary sentences, however little else the text holds."""
    texts = [
        "Storm Hits Coast\n\nRoads Closed\n\nSchools Shut",
        "Photos by\n\nEirik\n\nin\n\nOUTFIT\n\nON THE MAP\n\nMore Streethearts",
        "Whenever you can, visit the shrine in Montichiari, Italy\n\n"
        "To find more information about the apparitions, please CLICK HERE",
    ]
    for text in texts:
        for method in METHODS:
            assert summarize(text, method).sentences == (), (method, text)
    one = "Storm Hits Coast\n\nThe storm closed every road on the coast."
    assert [s.text for s in summarize(one, "news").sentences] == [
        "The storm closed every road on the coast."
    ]


def test_names_and_short_sentences_are_real() -> None:
    text = "Rep. Nancy Pelosi said nothing. Donald Trump won. It Is Over!"
    split = split_sentences(text)
    assert real_sentences(text, split, "en") == [True, True, False]


def test_text_without_spaces_is_not_taken_for_a_label() -> None:
    # Japanese in an article taken for English: the long runs are not words of a heading.
    text = "今回はそのKindleデスクトップアプリKindle for PCに関する話。"
    assert real_sentences(text, split_sentences(text), "en") == [True]


def test_lower_cased_text_is_judged_without_case() -> None:
    text = "the storm hit the coast on monday. power was cut to 40,000 homes."
    split = split_sentences(text)
    assert real_sentences(text, split, "en") == [True, True]


def test_caption_run_into_the_story_counts_but_a_bare_line_does_not() -> None:
    text = (
        "Newcastle manager John Carver is not happy with recent criticism aimed at his side "
        "He said the players had given everything.\n\n"
        "After a three-year silence there has been news on the fourth film in the series"
    )
    split = split_sentences(text)
    assert split[0].text.endswith("aimed at his side")
    assert real_sentences(text, split, "en") == [True, True, False]


def test_a_hindi_story_is_summarised_in_its_sentences_never_its_headings() -> None:
    """Sentences ending in the danda are real: a Hindi story's summary quotes them, not the
    headline and sub-heads a text without real sentences would fall back to."""
    title = "पुलिस ने 2 बदमाशों को पकड़ा"
    text = (
        f"{title}\n\n"
        "गांव में दो दिन पहले हुई चोरी का पुलिस ने बुधवार को खुलासा कर लिया है। "
        "पुलिस ने छापेमारी कर दोनों बदमाशों को गिरफ्तार किया।\n\n"
        "1 सितंबर की रात हुई थी चोरी\n\n"
        "पीड़ित परिवार द्वारा प्राथमिकी दर्ज कराई गई थी। "
        "इसके बाद पुलिस ने अनुसंधान शुरू किया था।"
    )
    chosen = [s.text for s in summarize(text, "news", language="hi", title=title).sentences]
    assert chosen and all(s.endswith("।") for s in chosen)


def test_a_greek_question_is_a_real_sentence() -> None:
    """Greek asks with ";" (its question mark, as Unicode normalises it): such a sentence is
    as real as one ending in a full stop, in Greek only."""
    text = (
        "Η κυβέρνηση ανακοίνωσε νέα μέτρα για τη στέγαση των νέων. "
        "Θα φτάσουν όμως τα χρήματα για όλους; "
        "Οι δήμαρχοι ζητούν περισσότερη βοήθεια από το κράτος."
    )
    split = split_sentences(text, "el")
    assert len(split) == 3
    assert real_sentences(text, split, "el") == [True, True, True]
    assert real_sentences(text, split, "en")[1] is False


def test_a_sentence_calling_a_note_is_real_but_a_bare_number_is_no_stop() -> None:
    text = (
        "The transmission rate varies across agents.14 The first is largely fixed.¹⁵\n\n"
        "The dam was approved in 2019.[1] Repairs start in March.[citation needed]\n\n"
        "Revenue in the second quarter rose to 4.5"
    )
    split = split_sentences(text)
    assert [s.text for s in split] == [
        "The transmission rate varies across agents.14",
        "The first is largely fixed.¹⁵",
        "The dam was approved in 2019.[1]",
        "Repairs start in March.[citation needed]",
        "Revenue in the second quarter rose to 4.5",
    ]
    assert real_sentences(text, split, "en") == [True, True, True, True, False]


def test_a_footnote_read_out_of_a_pdf_is_never_a_summary_sentence() -> None:
    """A speech's acknowledgement and a report's source, set apart at its first page's foot,
    come early in the text: a summary must still quote what the text says."""
    text = (
        "The ministry approved the dam in 2019 after a long review.\n\n"
        "* I would like to thank Ian Bond and Sebastiano Daros for comments. I would also like"
        " to thank Lord Robert May.\n\n"
        "1 Ministry of Water, annual report 2019.\n\n"
        "1. The council will vote on the repairs in May.\n\n"
        "12 people were moved out of the valley."
    )
    split = split_sentences(text)
    real = [s.text for s, ok in zip(split, real_sentences(text, split, "en"), strict=True) if ok]
    assert real == [
        "The ministry approved the dam in 2019 after a long review.",
        "The council will vote on the repairs in May.",
    ]
    chosen = [s.text for s in summarize(text, "news", sentences=3).sentences]
    assert not any("thank" in s or "Ministry of Water" in s for s in chosen)


def test_a_documents_notes_and_comments_are_no_summary_sentences() -> None:
    """An importer sets a document's notes after its text under their labels: its sources
    and its reviewers' remarks are not what it says."""
    text = (
        "The harbour bridge will close for repairs in March.\n\n"
        "Lorries will use the A17 for six weeks.\n\n"
        "Footnotes\n\n"
        "1. The Port Authority's survey of February found the cracks in two girders.\n\n"
        "Comments\n\n"
        "1. Ana Ruiz on “six weeks”: The contractor told us eight weeks, not six."
    )
    assert real_ones(text) == [
        "The harbour bridge will close for repairs in March.",
        "Lorries will use the A17 for six weeks.",
    ]
