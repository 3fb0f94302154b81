"""Train the shipped entity tagger: ``python -m desktop.core.text.ner.train`` (``make model``).

Reads CoNLL-2003 English train and wikigold from ``../shared/eval`` and writes into
``resources/ner/``:
the word gazetteer learned from the annotations, the list of common English words, and two
CRF models — the first pass, and a second pass that also sees how the first pass labelled the
same word elsewhere in the article. Gazetteer and first-pass labels for the training text come
from models that never saw that text (two folds), so the second pass learns how far to trust
them on new articles. Fixed parameters and document order make every run identical.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import pycrfsuite

from desktop.core.text.ner.crf import CrfModel
from desktop.core.text.ner.features import FeatureExtractor, document_casing, sports_report
from desktop.core.text.ner.knowledge import knowledge_gazetteer, knowledge_phrases
from desktop.core.text.ner.knowledge_build import read_tsv
from desktop.core.text.ner.tagger import (
    COMMON_FILE,
    GAZETTEER_FILE,
    PASS1_FILE,
    PASS2_FILE,
    PHRASES_FILE,
    SPORT_FILE,
    document_labels,
    read_sport_words,
    write_gazetteer,
    write_phrases,
)
from desktop.core.text.ner.tokens import sequences, tokenize
from desktop.core.text.word_classes import word_use

ROOT = Path(__file__).resolve().parents[4]
# ../shared/eval beside the checkout (or beside the folder of worktrees).
SHARED_EVAL = next(
    (p / "shared" / "eval" for p in ROOT.parents[:2] if (p / "shared" / "eval").is_dir()),
    ROOT.parent / "shared" / "eval",
)
# CoNLL-2003 news, then Wikipedia text (wikigold, CC BY 4.0): names of organisations written
# outside Reuters' style; see resources/ner/README.md for the attribution.
DEFAULT_TRAIN = (
    SHARED_EVAL / "entities-conll-train.jsonl",
    SHARED_EVAL / "entities-wikigold-train.jsonl",
)
DEFAULT_OUT = ROOT / "resources" / "ner"
# Towns of 15,000 people or more (GeoNames via datasets/world-cities, CC BY 4.0).
TOWNS = ROOT / "data" / "knowledge" / "places-cities.tsv.gz"
# Stronger regularisation than the CoNLL-only model: held out of training, it scored ORG
# F1 0.806 against 0.798 (tagger alone, a fifth of CoNLL train held out).
PARAMS = {"c1": 0.1, "c2": 0.3, "max_iterations": 120, "feature.possible_transitions": True}
COMMON_WORDS = 20_000


@dataclass
class Document:
    """A training article as sentences of words with BIO labels."""

    sentences: list[list[str]]
    labels: list[list[str]]


def load_documents(path: Path, limit: int | None = None) -> list[Document]:
    """Read ``{text, entities}`` records and label our own tokens from the gold spans."""
    documents = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            documents.append(_document(record["text"], record["entities"]))
            if limit is not None and len(documents) >= limit:
                break
    return documents


def _document(text: str, entities: Sequence[dict]) -> Document:
    label_at: dict[int, str] = {}
    for entity in entities:
        label_at[entity["start"]] = "B-" + entity["label"]
        for i in range(entity["start"] + 1, entity["end"]):
            label_at.setdefault(i, "I-" + entity["label"])
    sentences, labels = [], []
    for run in sequences(text, tokenize(text)):
        sentences.append([t.text for t in run])
        labels.append([label_at.get(t.start, "O") for t in run])
    return Document(sentences, labels)


def build_gazetteer(documents: Iterable[Document]) -> dict[str, str]:
    """Words that mostly appear inside entities of a class in the annotations."""
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    total: Counter[str] = Counter()
    for doc in documents:
        for words, labels in zip(doc.sentences, doc.labels, strict=True):
            for word, label in zip(words, labels, strict=True):
                lower = word.lower()
                total[lower] += 1
                if label != "O":
                    inside[lower][label[2:]] += 1
    gazetteer = {}
    for lower, counts in inside.items():
        classes = [c for c, n in counts.items() if n >= 2 and n >= 0.3 * total[lower]]
        if classes and lower[:1].isalpha():
            gazetteer[lower] = " ".join(sorted(classes))
    return gazetteer


def town_names(path: Path = TOWNS) -> tuple[dict[str, str], dict[str, str]]:
    """Towns and regions of the world (GeoNames): one-word names as gazetteer words (KLOC),
    except ordinary English words ("Sale", "Orange", "Reading"), and longer ones as phrases
    ("new york" → LOC)."""
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for row in read_tsv(path):
        for name in (row["name"], row["region"]):
            tokens = tuple(t.text.lower() for t in tokenize(name))
            if len(tokens) > 1:
                phrases[" ".join(tokens)] = "LOC"
            elif tokens and tokens[0][:1].isalpha() and word_use(tokens[0]) is None:
                words[tokens[0]] = "KLOC"
    return words, phrases


def merge_gazetteers(*parts: dict[str, str]) -> dict[str, str]:
    merged: dict[str, set[str]] = defaultdict(set)
    for part in parts:
        for word, classes in part.items():
            merged[word].update(classes.split())
    return {word: " ".join(sorted(classes)) for word, classes in merged.items()}


def common_words() -> dict[str, int]:
    from wordfreq import top_n_list

    words = [w for w in top_n_list("en", COMMON_WORDS) if w.isalpha()]
    return {w: rank for rank, w in enumerate(words)}


def features_for(
    extractor: FeatureExtractor, doc: Document, doc_labels: dict[str, str] | None = None
) -> list[list[list[str]]]:
    case = document_casing(doc.sentences)
    sport = sports_report(set(chain.from_iterable(doc.sentences)), extractor.sport_words)
    return [extractor.sentence(words, case, doc_labels, sport) for words in doc.sentences]


def train_model(
    xs: list[list[list[str]]],
    ys: list[list[str]],
    path: Path,
    verbose: bool,
    params: dict[str, Any] | None = None,
) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(params or PARAMS)
    started = time.perf_counter()
    trainer.train(str(path))
    if verbose:
        print(f"  trained {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _train_and_export(
    xs: list[list[list[str]]],
    ys: list[list[str]],
    path: Path,
    verbose: bool,
    params: dict[str, Any] | None,
) -> None:
    """Train with crfsuite, ship the weights as the numpy model the tagger reads."""
    trained = path.with_suffix(".crfsuite")
    train_model(xs, ys, trained, verbose, params)
    CrfModel.from_crfsuite(trained).save(path)
    trained.unlink()


def first_pass_labels(model: Path, extractor: FeatureExtractor, doc: Document) -> dict[str, str]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    try:
        predicted = [tagger.tag(x) for x in features_for(extractor, doc)]
    finally:
        tagger.close()
    return document_labels(doc.sentences, predicted)


def train(
    train_paths: Path | Sequence[Path],
    out: Path,
    *,
    limit: int | None = None,
    verbose: bool = True,
    params: dict[str, Any] | None = None,
) -> None:
    """Write the gazetteer, common words and both CRF passes into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    paths = [train_paths] if isinstance(train_paths, Path) else list(train_paths)
    documents = [doc for path in paths for doc in load_documents(path, limit)]
    common = common_words()
    knowledge = knowledge_gazetteer()
    towns, town_phrases = town_names()
    knowledge = merge_gazetteers(knowledge, towns)
    phrases = {**town_phrases, **knowledge_phrases()}
    sport_words = read_sport_words(DEFAULT_OUT / SPORT_FILE)
    folds = [documents[0::2], documents[1::2]]
    fold_extractors = [
        FeatureExtractor(
            merge_gazetteers(build_gazetteer(folds[1 - k]), knowledge), common, phrases, sport_words
        )
        for k in range(2)
    ]
    # Pass 1 on each fold with the other fold's gazetteer, then fold models for pass-2 labels.
    fold_x = [[features_for(fold_extractors[k], d) for d in folds[k]] for k in range(2)]
    fold_y = [[d.labels for d in folds[k]] for k in range(2)]
    doc_labels: list[list[dict[str, str]]] = [[], []]
    for k in range(2):
        fold_model = out / f"fold{k}.crfsuite"
        other = 1 - k
        train_model(
            [s for doc in fold_x[other] for s in doc],
            [s for doc in fold_y[other] for s in doc],
            fold_model,
            verbose,
            params,
        )
        doc_labels[k] = [first_pass_labels(fold_model, fold_extractors[k], d) for d in folds[k]]
        fold_model.unlink()
    xs1 = [s for k in range(2) for doc in fold_x[k] for s in doc]
    ys = [s for k in range(2) for doc in fold_y[k] for s in doc]
    _train_and_export(xs1, ys, out / PASS1_FILE, verbose, params)
    xs2 = [
        s
        for k in range(2)
        for doc, labels in zip(folds[k], doc_labels[k], strict=True)
        for s in features_for(fold_extractors[k], doc, labels)
    ]
    _train_and_export(xs2, ys, out / PASS2_FILE, verbose, params)
    gazetteer = merge_gazetteers(build_gazetteer(documents), knowledge)
    write_gazetteer(out / GAZETTEER_FILE, gazetteer)
    write_phrases(out / PHRASES_FILE, phrases)
    (out / COMMON_FILE).write_text("".join(w + "\n" for w in common), encoding="utf-8")
    if out.resolve() != DEFAULT_OUT.resolve():
        shutil.copyfile(DEFAULT_OUT / SPORT_FILE, out / SPORT_FILE)  # hand-kept, not learned


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--train", type=Path, action="append", help="JSON Lines training file (repeatable)"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--limit", type=int, help="use only the first N documents of each file")
    parser.add_argument("--c1", type=float, help=f"L1 weight (default {PARAMS['c1']})")
    parser.add_argument("--c2", type=float, help=f"L2 weight (default {PARAMS['c2']})")
    parser.add_argument(
        "--max-iterations", type=int, help=f"L-BFGS steps (default {PARAMS['max_iterations']})"
    )
    args = parser.parse_args(argv)
    paths = args.train or list(DEFAULT_TRAIN)
    for path in paths:
        if not path.exists():
            print(f"training data not found: {path}", file=sys.stderr)
            return 1
    params = dict(PARAMS)
    given = {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations}
    params.update({k: v for k, v in given.items() if v is not None})
    train(paths, args.out, limit=args.limit, params=params)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
