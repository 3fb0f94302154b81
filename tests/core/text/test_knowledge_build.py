"""The shipped knowledge is rebuilt byte for byte from its committed inputs, stays within the
size budget and loads quickly."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.text.ner import knowledge_build
from desktop.core.text.ner.knowledge import ORGANISATIONS_FILE, PEOPLE_FILE
from desktop.core.text.ner.knowledge_build import (
    INPUTS,
    ROOT,
    build,
    office_day,
    party_members,
)

SHIPPED = ROOT / "resources" / "knowledge"
BUDGET = 40 * 1024 * 1024  # everything the recogniser ships: model, gazetteers, knowledge


def test_build_is_reproducible_and_equals_the_committed_files() -> None:
    first = build()
    # Another process with other string hashes (set order) must give the same bytes.
    code = (
        "import hashlib; from desktop.core.text.ner.knowledge_build import build; "
        "print(sorted((n, hashlib.sha256(b).hexdigest()) for n, b in build().items()))"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        )
        digests = sorted((n, hashlib.sha256(b).hexdigest()) for n, b in first.items())
        assert out.stdout.strip() == str(digests)
    for name in (PEOPLE_FILE, ORGANISATIONS_FILE):
        assert (SHIPPED / name).read_bytes() == first[name], f"run `make knowledge` ({name})"


def test_every_input_has_its_provenance_recorded() -> None:
    sources = json.loads((INPUTS / "sources.json").read_text(encoding="utf-8"))["files"]
    recorded = {s["file"] for s in sources}
    assert recorded == {p.name for p in INPUTS.glob("*.tsv.gz")}
    for source in sources:
        assert source["licence"] and source["repository"]
        if source["file"].startswith("offices-"):
            assert len(source["commit"]) == 40 and source["as_of"]


def _write_tsv(path: Path, rows: list[list[str]]) -> None:
    text = "".join("\t".join(r) + "\n" for r in rows)
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def test_build_merges_sources_and_dates_open_offices(tmp_path: Path) -> None:
    header = ["id", "name", "aliases", "role", "country", "start", "end", "kind"]
    _write_tsv(
        tmp_path / "offices-x.tsv.gz",
        [
            header,
            ["Q1", "Ana Példa", "", "Xland Prime Minister", "Xland", "2001", "2005-03", "head"],
            ["Q1", "Ana Példa", "", "Xland MP", "Xland", "1999-05-01", "", "legislator"],
            ["Q2", "Bo Example", "Bob Example", "Xland MP", "Xland", "2003", "", "legislator"],
            ["Q2", "Bo Example", "", "Xland MP", "Xland", "1995", "2002-12-20", "legislator"],
            ["Q3", "Peter", "", "Xland MP", "Xland", "1995", "", "legislator"],
            ["Q4", "Naru", "", "Emperor of Xland", "Xland", "2019", "", "head"],
            # No identifier but its scheme's: two people, never one with both offices.
            ["bioguide:", "Cy Former", "", "Xland President", "Xland", "1981", "1989", "head"],
            ["bioguide:", "Di Later", "", "Xland President", "Xland", "1993", "2001", "head"],
            ["Q5", "Gus Harbourtown", "", "Xland President", "Xland", "1885", "1889", "head"],
            ["Q6", "Hal Farawayville", "", "Xland President", "Xland", "2009", "2017", "head"],
            ["Q9", "Kim Majorly", "", "Xland MP", "Xland", "1997", "2001", "legislator"],
        ],
    )
    # A head's surname that names a town of their own country is the town's ("Cleveland"),
    # one that names a town abroad is still theirs ("Obama", a town in Japan).
    _write_tsv(
        tmp_path / "places-cities.tsv.gz",
        [
            ["name", "country", "region"],
            ["Harbourtown", "Xland", "North"],
            ["Farawayville", "Yland", "East"],
            ["Portville", "Xland", "North"],
        ],
    )
    _write_tsv(
        tmp_path / "organisations-x.tsv.gz",
        [
            ["name", "aliases", "kind"],
            ["Acme Inc.", "Acme", "company"],
            ["The Australian", "Australian", "media"],
            ["The Guardian", "Guardian", "media"],
            # Two clubs go by a town's name; the one named for another town plays there.
            ["FC Harbourtown", "Harbourtown", "club"],
            ["Harbourtown Portville", "Harbourtown", "club"],
            # Two go by a name that is no town's: both keep it.
            ["Red Comet FC", "Red Comet", "club"],
            ["Red Comet Portville", "Red Comet", "club"],
        ],
    )
    # Past heads of every country: known by full name, never by a surname alone, and no
    # namesake among them takes the surname from a head the other sources list.
    _write_tsv(
        tmp_path / knowledge_build.PAST_HEADS_FILE,
        [
            header,
            ["Q7", "Ivo Példa", "", "Xland President", "Xland", "1960", "1965", "head"],
            ["Q8", "Jon Solitary", "", "Xland President", "Xland", "1966", "1970", "head"],
            ["Q9", "Kim Majorly", "", "Xland Prime Minister", "Xland", "1990", "1997", "head"],
        ],
    )
    files = [
        {"file": "offices-x.tsv.gz", "as_of": "2022-07-01"},
        {"file": knowledge_build.PAST_HEADS_FILE, "as_of": "2022-10-10"},
        {"file": "organisations-x.tsv.gz", "as_of": ""},
    ]
    (tmp_path / "sources.json").write_text(json.dumps({"files": files}), encoding="utf-8")
    curated = {
        "as_of": "2025-08-18",
        "leaders": [{"name": "Bo Example", "role": "Xland Prime Minister", "since": "2024-01-02"}],
    }
    (tmp_path / "leaders.json").write_text(json.dumps(curated), encoding="utf-8")
    institutions = {"institutions": [{"name": "Xland Labour Party", "acronyms": ["XLP"]}]}
    (tmp_path / "institutions.json").write_text(json.dumps(institutions), encoding="utf-8")

    people = {p[0]: p for p in knowledge_build.build_people(tmp_path)}
    # One word names too many others, unless it is a head of state's ("Naruhito").
    assert "Peter" not in people and "Naru" in people
    ana, bo = people["Ana Példa"], people["Bo Example"]
    assert "Ana Pelda" in ana[1]  # a spelling without accents
    assert ana[2] == "Példa"  # a national head of government, the only one of that surname
    assert people["Jon Solitary"][2] == "" and people["Ivo Példa"][2] == ""
    assert people["Jon Solitary"][3] == [["Xland President", "1966", "1970", 0, ""]]
    # An MP of another list who was head of government: both offices, still no surname alone.
    assert people["Kim Majorly"][2] == ""
    assert [o[0] for o in people["Kim Majorly"][3]] == ["Xland Prime Minister", "Xland MP"]
    assert ["Xland Prime Minister", "2001", "2005-03", 0, ""] in ana[3]
    assert ["Xland MP", "1999-05-01", "", 4, "2022-07-01"] in ana[3]
    assert bo[1] == ["Bob Example"]
    assert [o[1] for o in people["Cy Former"][3]] == ["1981"]
    assert people["Gus Harbourtown"][2] == "" and people["Hal Farawayville"][2] == "Farawayville"
    assert [o[1] for o in people["Di Later"][3]] == ["1993"]
    # Consecutive terms of one seat are one office, open as the later term is.
    assert [o for o in bo[3] if o[0] == "Xland MP"] == [["Xland MP", "1995", "", 4, "2022-07-01"]]
    assert ["Xland Prime Minister", "2024-01-02", "", 0, "2025-08-18"] in bo[3]
    organisations = {o[0]: o for o in knowledge_build.build_organisations(tmp_path)}
    assert organisations["Xland Labour Party"] == ["Xland Labour Party", ["XLP"], "party", False]
    assert organisations["Acme Inc."] == ["Acme Inc.", ["Acme"], "company", True]
    # A country's adjective is a nationality, whatever a newspaper is called.
    assert organisations["The Australian"][1] == []
    assert organisations["The Guardian"][1] == ["Guardian"]
    assert organisations["FC Harbourtown"][1] == ["Harbourtown"]
    assert organisations["Harbourtown Portville"][1] == []
    assert organisations["Red Comet Portville"][1] == ["Red Comet"]


def test_partial_dates_keep_their_precision() -> None:
    assert [office_day(d) for d in ("2019", "2019-07", "2019-07-24T00:00:00Z", "")] == [
        "2019",
        "2019-07",
        "2019-07-24",
        "",
    ]


def test_terms_known_by_year_or_month_join_across_their_gap() -> None:
    joined = knowledge_build._joined(
        {
            ("Senator", "2001", "2006", 4, ""),
            ("Senator", "2007-01", "2012-02", 4, ""),
            ("Senator", "2012-05-02", "2018-12-31", 4, ""),
            ("Senator", "2019-06-01", "", 4, "2022-07-01"),
        }
    )
    # 2006 ends on its last day, 2007-01 starts on its first; 2012-02 ends on the 29th, 63
    # days before the next term.
    assert joined == [
        ["Senator", "2001", "2012-02", 4, ""],
        ["Senator", "2012-05-02", "2018-12-31", 4, ""],
        ["Senator", "2019-06-01", "", 4, "2022-07-01"],
    ]


def test_what_the_recogniser_ships_fits_the_size_budget() -> None:
    shipped = [ROOT / "resources" / "ner", SHIPPED]
    size = sum(p.stat().st_size for folder in shipped for p in folder.rglob("*") if p.is_file())
    assert size <= BUDGET


def test_party_members_name_the_party_but_nationalities_do_not() -> None:
    assert party_members("Republican Party") == "Republicans"
    assert party_members("Democratic Party") == "Democrats"
    assert party_members("Conservative Party") == "Conservatives"
    assert party_members("Bavarian Party") == ""
    assert party_members("Conservatives") == "Conservative Party"
    assert party_members("Labour Party of Xland") == ""


def test_loaded_knowledge_adds_little_for_the_garbage_collector_to_walk() -> None:
    # Every full collection walks the tracked objects; hundreds of thousands (a list per
    # person and office) made the window stutter.
    code = (
        "import gc; from desktop.core.text.ner.knowledge import load_knowledge; "
        "gc.collect(); before = len(gc.get_objects()); load_knowledge(); gc.collect(); "
        "print(len(gc.get_objects()) - before)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) < 40_000


def test_a_spouses_title_is_no_office() -> None:
    from tools.knowledge_import import _recent

    row = ["Q1", "Ann Example", "", "Ruritanian First Lady", "Ruritania", "2001", "2009", "other"]
    office = ["Q1", "Ann Example", "", "Ruritanian Minister of Health", "Ruritania", "2010", "", ""]
    assert _recent([row, office]) == [office]
    spouse = [*row[:3], "Spouse of the President of Ruritania", *row[4:]]
    assert _recent([spouse]) == []


def test_people_columns_refuse_a_separator_inside_a_value() -> None:
    office = ("Ruritanian Minister", "2001-01-01", "", 2, "")
    columns = knowledge_build._columns([["Ann Example", ["A. Example"], "", [office], ""]])
    assert columns["offices"] == "Ruritanian Minister^2001-01-01^^2^"
    with pytest.raises(ValueError, match="Ann Example"):
        knowledge_build._columns([["Ann Example", ["A|B"], "", [office], ""]])


class _Snapshots:
    """Mirrors of the two sources of the past heads, as their files read."""

    def __init__(self, files: dict[str, str]) -> None:
        self.files = files

    def read(self, repo: str, commit: str, path: str) -> str:
        return self.files[path]


def test_past_heads_take_the_world_leaders_titles_and_leave_out_what_they_cannot_name() -> None:
    from tools.knowledge_import import head_rows

    leaders = (
        "countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year\n"
        "Q183,Germany,Q4970706,Federal Chancellor of Germany,Q61053,Olaf Scholz,2021,\n"
        "Q183,Germany,Q25223,president of Germany,Q76658,Frank-Walter Steinmeier,2017,\n"
        "Q228,Andorra,Q19808845,French co-prince of Andorra,Q3052772,Q3052772,2017,\n"
        "Q142,France,Q191954,President of the French Republic,Q3052772,Q3052772,2017,\n"
        "Q965,Burkina Faso,Q1402561,military leader,Q27146606,Q27146606,2016,\n"
        "Q225,Republika Srpska,Q1,President of Republika Srpska,Q9,Milorad Dodik,2022,\n"
    )
    history = (
        "iso3,country,role,person,person_qid,start,end,party,end_cause\n"
        "DEU,Alemanha,head_of_government,Olaf Scholz,Q61053,2021-12-08T00:00:00Z,,,\n"
        "DEU,Alemanha,head_of_state,Frank-Walter Steinmeier,Q76658,2017-03-19T00:00:00Z,,,\n"
        "DEU,Alemanha,head_of_government,Helmut Kohl,Q2518,1982-10-04T00:00:00Z,"
        "1998-10-26T00:00:00Z,,\n"
        "DEU,Alemanha,head_of_government,Konrad Adenauer,Q2493,1949-01-01T00:00:00Z,"
        "1963-10-16T00:00:00Z,,\n"
        "DEU,Alemanha,head_of_government,Otto Early,Q1,1930-01-01T00:00:00Z,"
        "1933-01-30T00:00:00Z,,\n"
        "DEU,Alemanha,head_of_state,Stray Entry,Q2,2018-10-01T00:00:00Z,,,\n"
        "DEU,Alemanha,head_of_state,Known Elsewhere,Q3,1990-01-01T00:00:00Z,"
        "1994-06-30T00:00:00Z,,\n"
        "DEU,Alemanha,head_of_state,Guilherme II da Alemanha,Q4,1940-01-01T00:00:00Z,"
        "1950-01-01T00:00:00Z,,\n"
        "FRA,França,head_of_state,Emmanuel Macron,Q3052772,2017-05-14T00:00:00Z,,,\n"
        "FRA,França,head_of_state,François Mitterrand,Q2038,1981-05-21T00:00:00Z,"
        "1995-05-17T00:00:00Z,,\n"
        "AND,Andorra,head_of_state,Emmanuel Macron,Q3052772,2017-05-14T00:00:00Z,,,\n"
        "AND,Andorra,head_of_state,François Mitterrand,Q2038,1981-05-21T00:00:00Z,"
        "1995-05-17T00:00:00Z,,\n"
        "BFA,Burkina Faso,head_of_state,Paul-Henri Damiba,Q27146606,2022-01-24T00:00:00Z,,,\n"
        "BFA,Burkina Faso,head_of_state,Blaise Compaoré,Q5,1987-10-15T00:00:00Z,"
        "2014-10-31T00:00:00Z,,\n"
        "BIH,Bósnia,head_of_state,Milorad Dodik,Q9,2006-02-28T00:00:00Z,,,\n"
        "BIH,Bósnia,head_of_state,Past Member,Q6,2002-10-28T00:00:00Z,2006-11-06T00:00:00Z,,\n"
    )
    snapshots = _Snapshots({"data/wikidata.csv": leaders, "data/leaders_history.csv": history})
    rows = sorted(head_rows(snapshots, known={"Q3"}))  # type: ignore[arg-type]
    assert rows == [
        ["Q2038", "François Mitterrand", "", "President of the French Republic", "France",
         "1981-05-21", "1995-05-17", "head"],
        ["Q2493", "Konrad Adenauer", "", "Federal Chancellor of Germany", "Germany", "1949",
         "1963-10-16", "head"],
        ["Q2518", "Helmut Kohl", "", "Federal Chancellor of Germany", "Germany", "1982-10-04",
         "1998-10-26", "head"],
    ]  # fmt: skip


def test_programming_languages_are_linguists_of_type_programming() -> None:
    from tools.programming_languages import OUT, programming_languages

    yaml_text = (
        "# header\n---\nPython:\n  type: programming\n  aliases:\n  - python3\n"
        'Markdown:\n  type: prose\n"Cap\'n Proto":\n  type: programming\n'
        'R:\n  type: programming\nRust:\n  color: "#dea584"\n  type: programming\n'
    )
    assert programming_languages(yaml_text) == ["Cap'n Proto", "Python", "Rust"]
    shipped = [line for line in OUT.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    assert shipped == sorted(shipped) and {"Python", "Rust", "JavaScript"} <= set(shipped)
