"""The language stored at import: what the text says, else what the file declares."""

from __future__ import annotations

import pytest

from desktop.core.library.importers.building import article_language
from desktop.core.text.language import UNDETERMINED
from tests.core.text.test_language import PARAGRAPHS


def test_the_text_wins_over_a_declared_language() -> None:
    assert article_language(PARAGRAPHS["de"], "en-US") == "de"
    assert article_language(PARAGRAPHS["en"], "es-ES") == "en"


def test_a_declared_language_stands_in_when_the_text_cannot_tell() -> None:
    assert article_language("Dam report, May", "es-ES") == "es"
    assert article_language("Dam report, May", "") == UNDETERMINED
    assert article_language("Dam report, May", "x") == UNDETERMINED
    assert article_language("Dam report, May", "1-2") == UNDETERMINED


# A story in a language without a list of common words, on a site whose template declares
# English: Zulu and Swahili, written for these tests.
ZULU = (
    "Amaphoyisa aseThekwini abophe abantu abahlanu ngoLwesibili ngemuva kokuba kutholwe "
    "izidumbu ezimbili endaweni yaseMlazi. Abaphenyi bathi lesi sigameko sisaphenywa futhi "
    "bacela umphakathi ukuthi ubasize ngolwazi oluzosiza ukuthi kuboshwe abanye abasolwa. "
    "Umkhulumeli wamaphoyisa uthe abasolwa bazovela enkantolo yamacala amancane ngoLwesithathu "
    "bebhekene necala lokubulala. Izakhamuzi zithi zikhathele wubugebengu obenzeka njalo "
    "kule ndawo, futhi zifuna ukuthi uhulumeni wengeze amaphoyisa asebenza ebusuku. Omunye "
    "wabahlali uthe abantwana abasakwazi ukudlala emgwaqweni ngoba abazali besaba ukuthi "
    "bazohlaselwa yizigebengu ezihamba zigcwele izikhali."
)
SWAHILI = (
    "Jeshi la polisi mkoani Shinyanga limefanikiwa kukamata watu kumi na wanane kwa tuhuma za "
    "wizi wa mifugo katika vijiji vitatu vya wilaya ya Kahama. Kamanda wa polisi wa mkoa "
    "amesema uchunguzi bado unaendelea na watuhumiwa watafikishwa mahakamani baada ya "
    "upelelezi kukamilika. Wananchi wameombwa kutoa taarifa mapema pindi wanapoona watu "
    "wasiowafahamu wakiwa na mifugo usiku, ili kusaidia jitihada za kulinda mali zao."
)


@pytest.mark.parametrize("text", [ZULU, SWAHILI])
def test_a_declared_language_the_text_rules_out_is_not_kept(text: str) -> None:
    assert article_language(text, "en-US") == UNDETERMINED
    # A language without a list of common words is never ruled out: its code stands.
    assert article_language(text, "zu") == "zu"


def test_a_declared_language_stays_for_lists_names_and_short_texts() -> None:
    firsts = ("Adam", "Adina", "Alexandra", "Brian", "Carla", "Daniel")
    lasts = ("Arico", "Bear", "Feltz", "Roskies", "Bradner", "Clark", "Evans", "Gould")
    names = " ".join(f"- {first} {last}" for first in firsts for last in lasts)
    assert article_language(names, "en") == "en"
    products = (
        "- Ultra-wide 7-14mm fisheye captures dynamic scenes. - Fast f/2.8-3.5 aperture "
        "for low light. - Weather-sealed body with dual card slots. - 24.5MP full-frame "
        "sensor, 4K60 video, 5-axis stabilisation. - Battery: 580 shots per charge. "
    ) * 3
    assert article_language(products, "en") == "en"
    assert article_language(ZULU[:200], "en") == "en"
