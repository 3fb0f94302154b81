"""The entity model trains from the repository's script, and the numpy tagger reproduces
crfsuite's labels exactly."""

from __future__ import annotations

import json
import random
from itertools import product
from pathlib import Path

import numpy as np
import pycrfsuite

from desktop.core.text.ner import train as ner_train
from desktop.core.text.ner.crf import CrfModel
from desktop.core.text.ner.features import document_casing, is_caps_sentence
from desktop.core.text.ner.tagger import (
    COMMON_FILE,
    GAZETTEER_FILE,
    PASS1_FILE,
    PASS2_FILE,
    PHRASES_FILE,
    SPORT_FILE,
    NerTagger,
    read_common,
    read_gazetteer,
    read_phrases,
    read_sport_words,
)
from desktop.core.text.ner.tokens import sequences, tokenize

PEOPLE = ["Anna Berg", "Tomas Lind", "Maria Holm", "Peter Sand", "Eva Strom", "Jonas Falk"]
GROUPS = ["Nordbank", "Vestel Group", "Harbour Council", "Union Steel"]
PLACES = ["Oslo", "Bergen", "Malmo", "Turku", "Aarhus", "Buenos Aires"]
TEMPLATES = [
    "{p} said on Monday that {o} would open an office in {l} .",
    "{o} shares rose after {p} visited {l} .",
    "In {l} , {p} of {o} met reporters .",
    # A sports report's sentence and a table row: the features of both are learned too.
    "{p} scored a goal as {o} won the league match in {l} .",
    "{o} 5 3 1 1 8 4 10",
]


def _record(rng: random.Random, index: int) -> dict:
    text_parts, entities, offset = [], [], 0
    for _ in range(4):
        fill = {"p": rng.choice(PEOPLE), "o": rng.choice(GROUPS), "l": rng.choice(PLACES)}
        sentence = ""
        for piece in rng.choice(TEMPLATES).split():
            sentence += " " if sentence else ""
            if piece[0] == "{":
                key = piece[1]
                start = offset + len(sentence)
                label = {"p": "PER", "o": "ORG", "l": "LOC"}[key]
                entities.append(
                    {
                        "start": start,
                        "end": start + len(fill[key]),
                        "label": label,
                        "text": fill[key],
                    }
                )
                piece = fill[key]
            sentence += piece
        text_parts.append(sentence)
        offset += len(sentence) + 1
    return {"id": f"doc{index}", "text": "\n".join(text_parts), "entities": entities}


def _write_sample(path: Path, count: int = 24) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps(_record(rng, i)) + "\n")


def test_sample_offsets_are_consistent(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    _write_sample(sample, 3)
    for line in sample.read_text().splitlines():
        record = json.loads(line)
        for e in record["entities"]:
            assert record["text"][e["start"] : e["end"]] == e["text"]


def test_model_trains_from_the_script_and_tags(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    _write_sample(sample)
    out = tmp_path / "model"
    assert ner_train.main(["--train", str(sample), "--out", str(out)]) == 0
    assert (out / PASS1_FILE).exists() and (out / PASS2_FILE).exists()
    assert not list(out.glob("*.crfsuite"))
    tagger = NerTagger(out)
    text = "Maria Holm said on Monday that Nordbank would open an office in Turku ."
    found = {(text[s.start : s.end], s.label) for s in tagger.tag(text).spans}
    assert found == {("Maria Holm", "PER"), ("Nordbank", "ORG"), ("Turku", "LOC")}


def test_numpy_tagger_matches_crfsuite(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    _write_sample(sample, 12)
    docs = ner_train.load_documents(sample)
    extractor = ner_train.FeatureExtractor({}, {})
    xs = [s for d in docs for s in ner_train.features_for(extractor, d)]
    ys = [labels for d in docs for labels in d.labels]
    model_path = tmp_path / "m.crfsuite"
    ner_train.train_model(xs, ys, model_path, verbose=False)
    reference = pycrfsuite.Tagger()
    reference.open(str(model_path))
    model = CrfModel.from_crfsuite(model_path)
    model.save(tmp_path / "m.npz")
    model = CrfModel.load(tmp_path / "m.npz")
    emissions = model.score([f for sentence in xs for f in sentence])
    decoded = model.decode(emissions, [len(x) for x in xs])
    assert decoded == [reference.tag(x) for x in xs]


def test_tagger_emissions_equal_the_training_features(tmp_path: Path) -> None:
    sample = tmp_path / "sample.jsonl"
    _write_sample(sample)
    out = tmp_path / "model"
    ner_train.train(sample, out, verbose=False)
    tagger = NerTagger(out)
    extractor = ner_train.FeatureExtractor(
        read_gazetteer(out / GAZETTEER_FILE),
        read_common(out / COMMON_FILE),
        read_phrases(out / PHRASES_FILE),
        read_sport_words(out / SPORT_FILE),
    )
    assert any(a.startswith(("sp|", "row|")) for a in CrfModel.load(out / PASS1_FILE).attributes)
    # The model learned weights for known names of several words, so those are compared too.
    assert any(a.startswith("pg=") for a in CrfModel.load(out / PASS1_FILE).attributes)
    text = (
        "PETER SAND IN OSLO\nIn Buenos Aires , Peter Sand of Nordbank met reporters on Monday ."
        "\nSand left .\nOslo 2 Bergen 1\nOslo 5 3 1 1 8 4 10"
    )
    sentences = [[t.text for t in run] for run in sequences(text, tokenize(text))]
    caps = [is_caps_sentence(words) for words in sentences]
    case = document_casing(sentences, caps)
    doc_labels = {"sand": "PER", "oslo": "LOC"}
    # A sports report's features and a table row's are compared too.
    for (which, labels), sport in product(((0, None), (1, doc_labels)), (False, True)):
        model = CrfModel.load(out / (PASS1_FILE, PASS2_FILE)[which])
        expected = model.score(
            [f for words in sentences for f in extractor.sentence(words, case, labels, sport)]
        )
        assert np.allclose(
            tagger.emissions(which, sentences, caps, case, labels, sport), expected, atol=1e-4
        )
