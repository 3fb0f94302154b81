"""Words as the summarisers see them, in scripts with combining marks and without spaces."""

from __future__ import annotations

from desktop.core.text.summarize import summarize
from desktop.core.text.words import word_count, words


def test_a_words_combining_marks_are_part_of_it() -> None:
    assert words("पुलिस ने मामले का खुलासा कर लिया है।") == [
        "पुलिस", "ने", "मामले", "का", "खुलासा", "कर", "लिया", "है",
    ]  # fmt: skip
    assert words("كَتَبَ الوَلَدُ") == ["كَتَبَ", "الوَلَدُ"]


def test_chinese_and_japanese_are_read_as_pairs_of_characters() -> None:
    assert words("首相は港を視察") == ["首相", "相は", "は港", "港を", "を視", "視察"]
    assert words("Kindle版 の") == ["Kindle", "版", "の"]
    assert word_count("首相は港を視察した。") == 5
    assert words("The U.S. men's well-known 3 cats") == [
        "The",
        "U",
        "S",
        "men's",
        "well-known",
        "cats",
    ]


def test_a_word_budget_holds_for_japanese() -> None:
    """Each clause was one word: a budget of 30 words took the whole article."""
    sentences = [
        f"気象庁は{n}日、各地の観測所で強い揺れを記録したと発表し、住民に注意を呼びかけた。"
        for n in range(1, 11)
    ]
    summary = summarize("".join(sentences), "news", words=30, language="ja")
    assert 1 <= len(summary.sentences) <= 2
