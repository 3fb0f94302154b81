"""Language detection on news paragraphs in several languages and scripts."""

from __future__ import annotations

import pytest

from desktop.core.text.language import (
    UNDETERMINED,
    detect_language,
    is_modelled,
    unmodelled_notice,
)

PARAGRAPHS = {
    "en": (
        "The finance minister said on Tuesday that the government would cut the tax on fuel "
        "for six months, after a week of protests by farmers and lorry drivers who blocked "
        "roads around the capital. Opposition leaders called the move too little, too late."
    ),
    "de": (
        "Die Bundesregierung hat am Dienstag beschlossen, die Steuer auf Kraftstoffe für sechs "
        "Monate zu senken. Zuvor hatten Landwirte und Lastwagenfahrer eine Woche lang die "
        "Straßen rund um die Hauptstadt blockiert. Die Opposition nannte den Schritt zu spät."
    ),
    "fr": (
        "Le ministre des Finances a annoncé mardi que le gouvernement allait réduire la taxe "
        "sur les carburants pendant six mois, après une semaine de manifestations des "
        "agriculteurs et des routiers qui ont bloqué les routes autour de la capitale."
    ),
    "es": (
        "El ministro de Hacienda anunció el martes que el Gobierno reducirá el impuesto sobre "
        "los combustibles durante seis meses, tras una semana de protestas de agricultores y "
        "camioneros que bloquearon las carreteras alrededor de la capital."
    ),
    "ru": (
        "Министр финансов заявил во вторник, что правительство снизит налог на топливо на "
        "шесть месяцев после недели протестов фермеров и водителей грузовиков, которые "
        "перекрыли дороги вокруг столицы. Оппозиция назвала это решение запоздалым."
    ),
    "zh": (
        "财政部长周二表示，政府将在六个月内降低燃油税。此前，农民和卡车司机连续一周在首都周边"
        "封锁道路进行抗议。反对党领导人称这一举措为时已晚，力度也不够。"
    ),
    "it": (
        "Il ministro delle Finanze ha annunciato martedì che il governo ridurrà la tassa sui "
        "carburanti per sei mesi, dopo una settimana di proteste degli agricoltori e dei "
        "camionisti che hanno bloccato le strade intorno alla capitale."
    ),
    "pt": (
        "O ministro das Finanças anunciou na terça-feira que o governo vai reduzir o imposto "
        "sobre os combustíveis durante seis meses, depois de uma semana de protestos de "
        "agricultores e camionistas que bloquearam as estradas em torno da capital."
    ),
    "nl": (
        "De minister van Financiën zei dinsdag dat de regering de belasting op brandstof zes "
        "maanden lang zal verlagen, na een week van protesten door boeren en vrachtwagen"
        "chauffeurs die de wegen rond de hoofdstad hadden geblokkeerd."
    ),
    "ja": (
        "財務大臣は火曜日、農家やトラック運転手による一週間の抗議活動を受けて、政府が燃料税を"
        "六か月間引き下げると発表した。野党はこの措置について遅すぎると批判している。"
    ),
}


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_each_language_is_recognised(code: str) -> None:
    assert detect_language(PARAGRAPHS[code]) == code


def test_short_or_empty_text_is_undetermined() -> None:
    assert detect_language("") == UNDETERMINED
    assert detect_language("Berlin, 12 May") == UNDETERMINED
    assert detect_language("12 345 678 — 9.5 %") == UNDETERMINED


def test_english_with_foreign_names_stays_english() -> None:
    text = (
        "Angela Merkel met Emmanuel Macron and Pedro Sánchez in Brussels on Thursday, where "
        "the leaders of the European Union agreed on a plan for the economy of the region."
    )
    assert detect_language(text) == "en"


def test_english_and_too_short_to_tell_are_analysed_others_get_a_plain_notice() -> None:
    assert is_modelled("en") and is_modelled(UNDETERMINED) and is_modelled("")
    assert not is_modelled("de") and not is_modelled("zh")
    assert unmodelled_notice("de") == (
        "Entities and key terms are available for English articles; this one is German."
    )
    assert unmodelled_notice("ru").endswith("this one is Russian.")


def test_english_tables_and_scoreboards_with_foreign_names_stay_english() -> None:
    scoreboard = (
        "Scoreboard of the second one-day match between India and Sri Lanka on Sunday:\n"
        "R. Sharma c de Silva b Fernando 44\nS. Dhawan lbw b Hasaranga 12\n"
        "V. Kohli c and b Theekshana 88\nK. Rahul run out 5\nExtras (lb 4, w 6) 10\n"
        "Total (for 6 wickets, 50 overs) 301\nFall of wickets: 1-20 2-101 3-188\n"
    )
    table = (
        "El Salvador beat Los Angeles Galaxy 2-1 in a friendly on Friday. Scorers: "
        "El Salvador - Luis de la Cruz (12th), Juan Carlos Mendez (70th); Los Angeles - "
        "Dan van der Berg (55th). Attendance: 12,000. Six months ended June, in thousands."
    )
    assert detect_language(scoreboard) == "en"
    assert detect_language(table) == "en"


def test_a_word_repeated_on_every_row_of_a_list_does_not_decide() -> None:
    # "oz" is a Slovenian word too: a shop's rows of "32 fl. oz." outweighed the English.
    rows = "\n".join(
        f"Vacuum Bottle{' with Chug Cap' if n % 3 == 0 else ''} - {n} fl. oz. ${n}.00 "
        f"Liquid Capacity: {n} fl. oz."
        for n in range(12, 48, 2)
    )
    text = f"Skip to search results and compare\n\nWater Bottles (171 products)\n\n{rows}"
    assert detect_language(text) in ("en", UNDETERMINED)
