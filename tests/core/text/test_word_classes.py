"""Building the word-class table from a treebank's CoNLL-U files."""

from __future__ import annotations

from desktop.core.text.build_word_classes import count_classes, table_lines


def test_the_table_counts_word_classes_from_conllu() -> None:
    conllu = [
        "# sent_id = 1",
        "1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_",
        "1\tca\tcan\tAUX\t_\t_\t_\t_\t_\t_",
        "2\tOffer\toffer\tNOUN\t_\t_\t_\t_\t_\t_",
        "3\toffer\toffer\tVERB\t_\t_\t_\t_\t_\t_",
        "3.1\toffer\toffer\tVERB\t_\t_\t_\t_\t_\t_",
        "4\tOffer\tOffer\tPROPN\t_\t_\t_\t_\t_\t_",
        "5\t42\t42\tNUM\t_\t_\t_\t_\t_\t_",
        "6\tfast\tfast\tADV\t_\t_\t_\t_\t_\t_",
        "7\t-ish\t-ish\tX\t_\t_\t_\t_\t_\t_",
    ]
    counts = count_classes(conllu)
    assert counts == {"ca": [0, 1, 0, 0, 0], "offer": [1, 1, 0, 0, 0], "fast": [0, 0, 0, 1, 0]}
    assert table_lines(counts) == ["offer\t1\t1\t0\t0\t0\n"]  # seen twice at least
