"""Key terms: distinctive phrases with exact spans, never stop-word junk."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from desktop.core.resources import seeds_dir
from desktop.core.text.analysis import analyze
from desktop.core.text.keyterms import DEFAULT_LIMIT, key_terms, stop_words
from desktop.core.text.word_frequencies import english_zipf


def _seed() -> str:
    return (seeds_dir() / "000_66ae021c01a1e4e0.txt").read_text(encoding="utf-8")


def test_security_guarantees_leads_the_seed() -> None:
    _, terms = analyze(_seed())
    assert "security guarantees" in [t.text.lower() for t in terms[:3]]


def test_terms_never_start_or_end_with_stop_words_and_spans_are_exact() -> None:
    text = _seed()
    stops = stop_words()
    terms = key_terms(text)
    assert terms
    for term in terms:
        words = term.text.lower().split()
        assert words[0] not in stops and words[-1] not in stops, term.text
        for start, end in term.spans:  # the term as written, or its singular or plural
            assert text[start:end].lower().removesuffix("s") == term.text.lower().removesuffix("s")


def test_a_term_is_a_whole_name_or_overlaps_no_entity() -> None:
    entities, terms = analyze(_seed())
    mentions = {(e.start, e.end): e.canonical for e in entities}
    names = [t for t in terms if any(span in mentions for span in t.spans)]
    assert {mentions[t.spans[0]] for t in names} >= {"Volodymyr Zelenskyy", "Donald Trump"}
    for term in terms:
        if term in names:  # every mention of the one name, and nothing else
            assert {mentions.get(span) for span in term.spans} == {mentions[term.spans[0]]}
            continue
        for start, end in term.spans:
            assert not any(e.start < end and start < e.end for e in entities), term.text


def test_scores_are_ordered_and_limit_holds() -> None:
    terms = key_terms(_seed(), limit=5)
    assert len(terms) == 5
    assert [t.score for t in terms] == sorted((t.score for t in terms), reverse=True)
    assert terms[0].score == 1.0


class _Library:
    """A background in which every article talks about security guarantees."""

    documents = 100

    def frequencies(self, words: Iterable[str]) -> dict[str, int]:
        common = {"security": 100, "guarantees": 100}
        return {w: common.get(w, 1) for w in words}


def test_library_background_changes_what_is_distinctive() -> None:
    text = _seed()
    plain = [t.text.lower() for t in key_terms(text, limit=5)]
    against_library = [t.text.lower() for t in key_terms(text, limit=5, background=_Library())]
    assert "security guarantees" in plain
    assert "security guarantees" not in against_library


EVERYDAY = ("meeting", "said", "people", "year", "leaders", "war", "talks")


def _news_story() -> str:
    """An article in which everyday news words are the most frequent content words."""
    sentences = [
        "The meeting of leaders ended late on Tuesday, officials said.",
        "People said the carbon border levy would change trade within a year.",
        "At the meeting, people asked leaders about the war and the carbon border levy.",
        "A year after the war began, leaders said the meeting was useful for people.",
        "Leaders said talks would go on; people at the meeting expected a deal next year.",
        "The war dominated the meeting, and people said talks could last a year.",
    ]
    return " ".join(sentences[i % len(sentences)] for i in range(18))


def test_everyday_news_words_are_never_terms_on_their_own() -> None:
    text = _news_story()
    lowered = text.lower()
    assert all(lowered.count(word) >= 6 for word in EVERYDAY)  # frequent, so the test can fail
    terms = [t.text.lower() for t in key_terms(text)]
    assert terms[0] == "carbon border levy"
    assert not set(terms) & set(EVERYDAY), terms


def test_single_words_must_be_rare_and_repeated() -> None:
    text = (
        "The ceasefire held overnight. Monitors said the ceasefire was fragile. "
        "One observer mentioned a kaleidoscope once. Officials discussed the government."
    )
    terms = {t.text.lower(): t for t in key_terms(text)}
    assert "ceasefire" in terms and len(terms["ceasefire"].spans) == 2
    assert "kaleidoscope" not in terms  # rare, but used once
    assert "government" not in terms  # everyday English


def test_phrases_used_once_only_fill_in_and_are_phrases() -> None:
    terms = key_terms(_seed())
    once = [t for t in terms if len(t.spans) == 1]
    assert all(len(t.text.split()) == 2 for t in once), once
    assert len(once) < len(terms)


def test_plural_counts_with_its_singular() -> None:
    text = "The sanction was lifted. Other sanctions stayed. New sanctions followed."
    (term,) = [t for t in key_terms(text) if "sanction" in t.text.lower()]
    assert term.text == "sanctions"
    assert [text[s:e] for s, e in term.spans] == ["sanction", "sanctions", "sanctions"]


def test_ordinals_are_not_split_into_letter_fragments() -> None:
    text = "The 116th Congress met. The 116th Congress voted on the 116th day."
    assert all("th" not in t.text.lower().split() for t in key_terms(text))


def test_default_number_of_terms_is_capped() -> None:
    rare = sorted(w for w, z in english_zipf().items() if 2.5 < z < 3.5 and w.isalpha())[:40]
    text = " ".join(f"{word.capitalize()}. {word.capitalize()} again." for word in rare)
    assert len(key_terms(text)) == DEFAULT_LIMIT
    assert len(key_terms(text, limit=30)) == 30


def test_text_without_content_words_has_no_terms() -> None:
    assert key_terms("") == []
    assert key_terms("and the of it was, is; but so.") == []


def _junk(text: str) -> list[tuple[str, str]]:
    from tests.eval.keyterm_quality import junk_reason

    terms = [t.text for t in analyze(text, language="en")[1]]
    assert terms, "the article should get some terms"
    return [(t, junk_reason(t, text)) for t in terms if junk_reason(t, text)]


def test_contractions_and_possessives_never_form_a_term() -> None:
    text = (
        "The burrito vendor's licence was revoked on Monday. They’ll appeal, the vendor’s lawyer "
        "said, and they'll win. The city didn’t explain why the burrito vendor's licence went. "
        "Customers don't care: the burrito vendor's salsa is the best in town, they’re sure. "
    ) * 3
    found = [t.text for t in key_terms(text)]
    assert found and not any("'" in t or "’" in t for t in found), found
    assert "burrito vendor" in [t.lower() for t in found]
    assert _junk(text) == []


def test_verb_fragments_are_not_terms() -> None:
    text = (
        "Economic woes weigh on the central bank. The senator drew derisive laughter from the "
        "chamber. Investors said economic woes weigh heavily. Again the senator drew derisive "
        "comments. She wears it daily, and he wears it too; then he throws it and throws it "
        "again, and they subdue it. "
    ) * 2
    found = [t.text.lower() for t in key_terms(text)]
    assert "economic woes" in found
    assert not {"woes weigh", "drew derisive", "drew", "wears", "throws", "subdue"} & set(found)
    assert not any(t.startswith("drew ") or t.endswith(" weigh") for t in found), found
    assert _junk(text) == []


def test_clauses_told_by_word_classes_are_not_terms_but_noun_phrases_are() -> None:
    text = (
        "The new chip delivers faster graphics, and the chip delivers faster downloads. "
        "Regulators could charge WeWork with fraud; officials may charge WeWork soon. "
        "Price hikes and budget cuts followed the peace talks, and rate rises worried savers. "
        "After the price hikes and budget cuts, the peace talks and the rate rises were news. "
        "Lenders avoid sanction risk. "
    ) * 2
    found = [t.text.lower() for t in key_terms(text)]
    assert {"price hikes", "budget cuts", "peace talks", "rate rises"} <= set(found), found
    clauses = ("delivers", "charge wework", "avoid sanction")
    assert not [t for t in found if any(c in t for c in clauses)], found
    assert _junk(text) == []


def test_the_junk_checker_reads_a_clause_from_its_context() -> None:
    from tests.eval.keyterm_quality import junk_reason

    text = (
        "Regulators could charge WeWork over the deal. The banks offer the loans cheaply. "
        "The peace talks this week failed, and price hikes a year ago hurt; the award "
        "ceremony the night before went well."
    )
    assert junk_reason("charge WeWork", text) == "clause in context"  # after a modal
    assert junk_reason("banks offer", text) == "clause in context"  # before an object
    for term in ("peace talks", "price hikes", "award ceremony", "Regulators"):
        assert junk_reason(term, text) == "", term
    assert junk_reason("banks offer") == ""  # no text, no context test
    # After an article, a noun phrase, though a run-on clause follows without a comma.
    run_on = "Rooney delivered a superb performance his celebration drew a caution."
    assert junk_reason("superb performance", run_on) == ""


def test_no_term_opens_or_closes_with_a_function_word_even_among_names() -> None:
    text = (
        "Will Kutcher star in The New Yorker film? This Week the magazine said Among OEMs the "
        "mood is grim. The New Yorker profiled the actor, and The New Yorker praised the film. "
        "Ashton Kutcher, the actor, said the film about the magazine would open in May."
    ) * 2
    assert _junk(text) == []


def test_a_name_candidate_with_an_ordinary_word_inside_is_a_clause() -> None:
    sentence = "Bloomberg reported WeWork is hiring, and Gone with the Wind airs. "
    text = sentence * 2
    names = [
        (at + start, at + end, name)
        for at in (0, len(sentence))
        for start, end, name in (
            (0, 25, "Bloomberg reported WeWork"),
            (41, 59, "Gone with the Wind"),
        )
    ]
    found = {t.text for t in key_terms(text, names=names, skip=[n[:2] for n in names])}
    assert "Bloomberg reported WeWork" not in found
    assert "Gone with the Wind" in found


def test_every_article_of_a_hundred_words_gets_some_terms() -> None:
    sentences = [
        "The meeting of leaders ended late on Tuesday, officials said.",
        "People said the plan would change things within a year.",
        "At the meeting, people asked leaders about the plan and the budget.",
        "A year after the plan began, leaders said the meeting was useful for people.",
    ]
    text = " ".join(sentences[i % len(sentences)] for i in range(12))
    assert len(text.split()) >= 100
    terms = key_terms(text)
    assert terms and len(terms) <= 3
    assert _junk(text) == []


def test_a_past_tense_opening_a_phrase_used_once_is_a_clause_not_a_term() -> None:
    text = (
        "The smuggler pleaded guilty in the harbour court. An armed attack on the harbour "
        "followed, the second armed attack this spring, and the harbour court closed early."
    )
    found = [t.text.lower() for t in key_terms(text)]
    assert "armed attack" in found
    assert not any(t.startswith("pleaded") for t in found), found


def test_a_capital_owed_to_opening_a_sentence_is_shown_and_judged_in_lower_case() -> None:
    text = (
        "Doctors warned about influenza in the detention camps this winter.\n\n"
        '"Alarming mortality rate"\n\n'
        "In their letter, the doctors said this alarming mortality rate needs vaccines. "
        "Avoid sanctions, the camp operators said. The operators hope to avoid sanctions."
    )
    found = [t.text for t in key_terms(text)]
    assert "alarming mortality rate" in found
    assert "Alarming mortality rate" not in found
    assert not any(t.lower() == "avoid sanctions" for t in found), found


def test_a_capitalised_phrase_opening_a_line_keeps_its_capitals_when_it_is_a_name() -> None:
    text = (
        "Portion Fix Containers help dieters.\nDieters like the Portion Fix Containers, "
        "and Portion Fix Containers sell well."
    )
    assert "Portion Fix Containers" in [t.text for t in key_terms(text)]


def test_ranks_open_no_term() -> None:
    text = "\n\n".join(
        f"- {team} (Group {group}): {rank} appearance"
        for team, group, rank in [
            ("Czech Republic", "A", "Seventh"),
            ("Turkey", "H", "Fifth"),
            ("Belgium", "I", "Sixth"),
            ("Sweden", "F", "Seventh"),
            ("Croatia", "E", "Sixth"),
            ("Poland", "G", "Fourth"),
        ]
    )
    found = [t.text.lower() for t in key_terms(text)]
    assert not any(t.split()[0] in ("fourth", "fifth", "sixth", "seventh") for t in found), found


def test_a_verb_and_its_object_used_once_is_no_term() -> None:
    text = (
        "The network wanted product placement in the drama to help recoup its costs. "
        "The governor would veto budget proposals with riders, aides said, and the "
        "product placement deal stood."
    )
    found = [t.text.lower() for t in key_terms(text)]
    assert "product placement" in found
    assert "help recoup" not in found and "veto budget" not in found, found


def test_a_lone_word_english_never_uses_as_a_noun_is_no_term() -> None:
    text = (
        "The impeachment inquiry is ongoing. Documents relating to the impeachment were "
        "released, and more documents relating to the call followed while the inquiry, "
        "still ongoing, heard the impeachment witnesses."
    )
    found = [t.text.lower() for t in key_terms(text)]
    assert "impeachment" in found
    assert "ongoing" not in found and "relating" not in found, found


def test_literary_prepositions_and_conjunctions_edge_no_term() -> None:
    text = (
        "Voters queued amidst concerns about the virus, and amidst concerns about turnout "
        "the polling stations stayed open. Whilst officials counted ballots, observers stood "
        "alongside them; whilst ballots were counted, observers waited alongside."
    )
    found = [t.text.lower() for t in key_terms(text)]
    assert any("polling" in t or "ballots" in t for t in found), found
    assert not any(w in ("amidst", "alongside", "whilst") for t in found for w in t.split()), found


def test_a_sentence_opening_capital_is_lowered_by_the_phrase_s_own_lower_case_uses() -> None:
    text = (
        "The grand jury met for weeks.\n\nIndictments came on Monday. Lawyers fought the "
        "indictment in court."
    )
    found = [t.text for t in key_terms(text)]
    assert "indictments" in found, found  # the singular's lower case speaks for the plural
    assert "Indictments" not in found


def test_a_word_the_article_capitalises_mid_sentence_keeps_its_capital_at_an_opening() -> None:
    text = (
        "Senators won the hockey game.\n\nSenators scored twice. Fans said the Senators "
        "played hockey well."
    )
    found = [t.text for t in key_terms(text)]
    assert "Senators" in found, found


def test_a_capitalised_word_running_into_a_name_is_part_of_it_not_a_term() -> None:
    text = (
        "Plague returned to northwestern Inner Mongolia this week. Doctors in Inner Mongolia "
        "isolated the plague patients, and the plague patients recovered."
    )
    names = [(m.start(), m.end()) for m in re.finditer("Mongolia", text)]
    found = [t.text for t in key_terms(text, skip=names)]
    assert "plague patients" in found
    assert not any(t.split()[-1] == "Inner" for t in found), found


def test_the_labels_an_importer_writes_are_never_terms_but_the_same_words_in_prose_are() -> None:
    slides = [
        ("Tailings dams", "Tailings dams hold mining waste behind earth walls."),
        ("Dam failures", "Tailings dams failed in Brumadinho and in Mariana."),
        ("Monitoring", "Piezometers warn when tailings dams saturate."),
        ("Costs", "Buttressing tailings dams costs millions."),
    ]
    deck = "\n\n".join(
        f"Slide {n}{' (hidden)' * (n % 2)} — {title}\n\n{line}\n\nSpeaker notes\n\n"
        f"Engineers stressed {title.lower()}."
        for n, (title, line) in enumerate(slides, start=1)
    )
    terms = [t.text.lower() for t in key_terms(deck)]
    assert "tailings dams" in terms
    assert not any("slide" in t or "speaker" in t or "hidden" in t for t in terms)
    prose = "A landslide hit the slide gate. The slide gate failed. Crews shut the slide gate."
    assert "slide gate" in [t.text.lower() for t in key_terms(prose)]
    # Who made each of a draft's tracked changes is the importer's line, not the draft's.
    changes = "\n\n".join(
        f"{n}. {kind} by Pavel Novak: “the tailings dams {n}”"
        for n, kind in enumerate(["Deleted", "Inserted", "Moved"] * 3, start=1)
    )
    charts = "\n\n".join(
        f"Chart: Tailings dams in {y}\n\n | Dams\n\nBrazil | {y}" for y in range(4)
    )
    terms = [
        t.text.lower() for t in key_terms(f"{deck}\n\nTracked changes\n\n{changes}\n\n{charts}")
    ]
    assert "tailings dams" in terms
    assert not any(
        w in t for t in terms for w in ("pavel", "novak", "deleted", "inserted", "chart")
    )


def test_a_reference_codes_letters_are_no_term_but_a_names_number_keeps_it() -> None:
    """A court order repeats its case numbers ("2:15-cv-02641", "CV-16-00474-PHX-DGC"): "cv"
    was its first key term. "COVID-19" is a name with a number, no code."""
    text = (
        "The order applies to No. 2:15-cv-02641, CV-16-00474-PHX-DGC and CV-17-00512-PHX-DGC, "
        "and to 2:16-cv-00474. The filters failed. Bard sold the filters. The filters were "
        "recalled after COVID-19 delayed the trial; COVID-19 closed the court."
    )
    found = [t.text for t in key_terms(text)]
    assert "filters" in found and "COVID" in found
    assert not any(t.lower() in ("cv", "phx", "dgc", "phx-dgc") for t in found), found


@pytest.mark.timeout(20, method="signal")  # stops a hang only: this takes well under a second
@pytest.mark.parametrize("unit", ["a:", "ab/", "a-", "1-", "abc-", " ", "\t "])
def test_a_long_run_of_code_like_parts_is_read_in_linear_time(unit: str) -> None:
    # 200 KB of parts joined by colons: 31 s for 80 KB when a code was looked for at every
    # part's start; a line of blanks before a release's "ENDS" was quadratic too.
    text = "The filters failed.\n" + unit * (200_000 // len(unit)) + " 123 The filters failed."
    assert "filters" in [t.text for t in key_terms(text)]


def test_a_press_releases_conventions_are_no_terms_but_the_same_words_in_prose_are() -> None:
    release = (
        "FOR IMMEDIATE RELEASE\n\nThe ministry ordered a review of the treatment plant contract. "
        "The treatment plant contract was signed without a tender.\n\n- ENDS -\n\n"
        "Notes to editors\n\nMedia contact: the press office."
    )
    found = [t.text.lower() for t in key_terms(release)]
    assert "treatment plant contract" in found
    assert not any("release" in t or "editors" in t for t in found), found
    prose = release.replace("FOR IMMEDIATE RELEASE", "The immediate release was promised.")
    assert "immediate release" in [t.text.lower() for t in key_terms(prose)]
