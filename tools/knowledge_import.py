"""Trim the open-data snapshots the knowledge base is built from into ``data/knowledge/``.

Run by a maintainer when the snapshots are refreshed, never at run time or in CI:

    python -m tools.knowledge_import /path/to/mirrors

``/path/to/mirrors`` holds one bare git snapshot per source repository as
``<owner>+<name>/repo`` (the layout of ``git clone --mirror`` copies). Each source is read at
the commit recorded in ``SOURCES`` below, so a rerun writes byte-identical files; the trimmed,
compressed files are committed and ``make knowledge`` builds the shipped knowledge from them.

Office rows: ``id, name, aliases, role, country, start, end, kind`` (tab-separated; dates ISO,
possibly only a year or a month; ``kind`` is head, deputy, minister, legislator or other).
Organisation rows: ``name, aliases, kind``. Town rows: ``name, country, region`` (they feed the
tagger's gazetteer at training time, not the knowledge).
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.text.ner.knowledge_build import office_kind, read_tsv
from desktop.core.text.ner.packed import write_text

OUT = Path(__file__).resolve().parent.parent / "data" / "knowledge"
SINCE = "1990"  # offices that ended before this year are left out


@dataclass(frozen=True)
class Cabinet:
    """An every-politician-scrapers country repository: Wikidata office holders (CC0)."""

    slug: str
    commit: str
    country: str
    adjective: str
    legislatures: dict[str, str] = field(default_factory=dict)  # Wikidata label → role shown


_EP = "every-politician-scrapers"
CABINETS = (
    Cabinet(
        "argentina-ministers",
        "98105f511ea6ad6c9730e979190909cf34d9343b",
        "Argentina",
        "Argentine",
        {
            "member of the Argentine Chamber of Deputies": "Argentine deputy",
            "member of the Argentine Chamber of Senators": "Argentine Senator",
        },
    ),
    Cabinet(
        "austria-cabinet",
        "d8d29777ec6abe3e2adfb82f5c308e944fb8f8a9",
        "Austria",
        "Austrian",
        {"member of the National Council of Austria": "Austrian MP"},
    ),
    Cabinet(
        "denmark-cabinet",
        "1599847eacdd27202c9b84387407cef25458f309",
        "Denmark",
        "Danish",
        {"member of the Folketing": "member of the Danish Folketing"},
    ),
    Cabinet("egypt-ministers", "f3820a30ce92a8557e3503202fed731e9d91275c", "Egypt", "Egyptian", {}),
    Cabinet(
        "finland-cabinet",
        "56412ba38703d3181b5dd5675b8410b95f6a5487",
        "Finland",
        "Finnish",
        {"member of the Parliament of Finland": "Finnish MP"},
    ),
    Cabinet(
        "greece-cabinet",
        "34bf1d17b4c2afa95e6063f93742e53f3d4c7454",
        "Greece",
        "Greek",
        {"Member of the Hellenic Parliament": "Greek MP"},
    ),
    Cabinet(
        "hungary-cabinet",
        "aee95092e592403fee7a5d87f0d6b8eeeda1e9ca",
        "Hungary",
        "Hungarian",
        {"member of the National Assembly of Hungary": "Hungarian MP"},
    ),
    Cabinet(
        "indonesia-ministers",
        "66eaaf57191eff7e9d28eea926358bf83d443114",
        "Indonesia",
        "Indonesian",
        {"Member of the People's Representative Council of Indonesia": "Indonesian MP"},
    ),
    Cabinet(
        "netherlands-cabinet",
        "a542323a663b1a7232e6f8e4843eda1f019a8705",
        "Netherlands",
        "Dutch",
        {
            "Member of the House of Representatives": "Dutch MP",
            "Member of the Senate": "Dutch Senator",
        },
    ),
    Cabinet(
        "northern-ireland-ministers",
        "50c4a20cb3e1f3d65194d4936fca4736d906248c",
        "Northern Ireland",
        "Northern Ireland",
        {"Member of the Northern Ireland Assembly": "Member of the Northern Ireland Assembly"},
    ),
    Cabinet(
        "norway-cabinet",
        "c0bc52971dac1a8734320e298a714903adae5b83",
        "Norway",
        "Norwegian",
        {"member of the Parliament of Norway": "Norwegian MP"},
    ),
    Cabinet(
        "philippines-ministers",
        "1f396f9a8c2e3397cfe392fca350c8943aa1d5f5",
        "Philippines",
        "Philippine",
        {
            "Member of the House of Representatives of the Philippines": "Philippine congressman",
            "Member of the Senate of the Philippines": "Philippine Senator",
        },
    ),
    Cabinet(
        "poland-cabinet",
        "c6b228df3eed6e9ba89f02bf424f870a66ea47a6",
        "Poland",
        "Polish",
        {
            "Member of the Sejm of the Republic of Poland": "Polish MP",
            "Member of the Senate of the Republic of Poland": "Polish Senator",
        },
    ),
    Cabinet(
        "portugal-cabinet",
        "49dd0287a8d715a217ba067c04d574b2632864af",
        "Portugal",
        "Portuguese",
        {"Member of the Assembly of the Republic": "Portuguese MP"},
    ),
    Cabinet(
        "sweden-cabinet",
        "6756a7c9de57d94b64628365d3715a344c3ad9a7",
        "Sweden",
        "Swedish",
        {"member of the Swedish Riksdag": "member of the Swedish Riksdag"},
    ),
    Cabinet(
        "wales-cabinet",
        "929c9e07a44fc9bf62e43f54c9edbcedc70d92d9",
        "Wales",
        "Welsh",
        {
            "Member of the National Assembly for Wales": "Member of the Welsh Assembly",
            "Member of the Senedd": "Member of the Senedd",
        },
    ),
    Cabinet(
        "australia-cabinet",
        "4c35a6ef087d076eb343b6177814574b2d6e43b8",
        "Australia",
        "Australian",
        {
            "Member of the House of Representatives": "Australian MP",
            "Member of the Senate": "Australian Senator",
        },
    ),
    Cabinet(
        "brazil-ministers",
        "de58065b42edc0c0f310185ffda9174540e9af5f",
        "Brazil",
        "Brazilian",
        {"Federal deputy": "Brazilian federal deputy", "Senator": "Brazilian Senator"},
    ),
    Cabinet(
        "canada-cabinet",
        "3b3f0da86ca64c7e3ce6d0f073ed66612885d06f",
        "Canada",
        "Canadian",
        {
            "member of the House of Commons": "Canadian MP",
            "member of the Senate": "Canadian Senator",
        },
    ),
    Cabinet("china-ministers", "300341654d57cd10776238bae41c89b6ea315276", "China", "Chinese", {}),
    Cabinet(
        "france-cabinet",
        "7ff37baf3297a83711c90ac84b1d3b2ecb50a541",
        "France",
        "French",
        {
            "member of the French National Assembly": "member of the French National Assembly",
            "member of the Senate of France": "French Senator",
        },
    ),
    Cabinet(
        "india-ministers",
        "66f344bbf207d35eaa3225edf5584ae0bb164fe8",
        "India",
        "Indian",
        {"Member of the Lok Sabha": "Indian MP (Lok Sabha)"},
    ),
    Cabinet(
        "iran-ministers",
        "a8e7c2fb16372b8b77a09303ae27d46a9ea21e67",
        "Iran",
        "Iranian",
        {"Member of the Islamic Consultative Assembly": "Iranian MP"},
    ),
    Cabinet("iraq-ministers", "ab7f90c8298be91e36248b2ca5d7f268cee0b173", "Iraq", "Iraqi", {}),
    Cabinet(
        "ireland-ministers",
        "562aee81a3802e59acc4cf21c8fce6a8ca35f76e",
        "Ireland",
        "Irish",
        {"Teachta Dála": "Teachta Dála (Irish MP)", "senator of Ireland": "Irish Senator"},
    ),
    Cabinet(
        "israel-ministers",
        "81da8707e865df568c7ba8b0b89bf95e7ffd4ae1",
        "Israel",
        "Israeli",
        {"Knesset member": "Knesset member"},
    ),
    Cabinet(
        "italy-ministers",
        "4f9e038f62f3c71f737fd7e30a4e35df1686f4eb",
        "Italy",
        "Italian",
        {
            "member of the Chamber of Deputies": "Italian MP",
            "member of the Senate": "Italian Senator",
            "Senator for life": "Italian Senator for life",
        },
    ),
    Cabinet(
        "japan-ministers",
        "8ba3cb1992bee87f5b8dc566da87db2be8550a1a",
        "Japan",
        "Japanese",
        {
            "member of the House of Representatives": "Japanese MP",
            "member of the House of Councillors": "member of the Japanese House of Councillors",
        },
    ),
    Cabinet(
        "kenya",
        "845fa144b1aa18652748624528d836b81e51b7d0",
        "Kenya",
        "Kenyan",
        {"Member of the National Assembly": "Kenyan MP", "Member of the Senate": "Kenyan Senator"},
    ),
    Cabinet(
        "mexico-ministers",
        "87f5ae7dc992a800173a7c9de53ccbe25661dc61",
        "Mexico",
        "Mexican",
        {"member of the Senate of Mexico": "Mexican Senator"},
    ),
    Cabinet(
        "new-zealand-cabinet",
        "dbf5f248a1d55fc1a111112bc904c8e7e8e26950",
        "New Zealand",
        "New Zealand",
        {"Member of the New Zealand Parliament": "New Zealand MP"},
    ),
    Cabinet(
        "nigeria",
        "1f5d4aad9ba42a810e353d0d7b4378fedc4429e6",
        "Nigeria",
        "Nigerian",
        {"member of the Senate of Nigeria": "Nigerian Senator"},
    ),
    Cabinet(
        "pakistan-ministers",
        "065accdb5d8d693e89c0bc559862c10f66d443d1",
        "Pakistan",
        "Pakistani",
        {
            "Member of the National Assembly of Pakistan": "Pakistani MP",
            "Senator": "Pakistani Senator",
        },
    ),
    Cabinet(
        "russia-cabinet",
        "3871831d9846a16c5017acc229e003ab706202ab",
        "Russia",
        "Russian",
        {
            "member of the State Duma": "member of the Russian State Duma",
            "member of the Federation Council of Russia": "Russian Federation Council member",
        },
    ),
    Cabinet(
        "saudi-ministers", "566c58806bee4d91167f3dcbd19abbb596e65497", "Saudi Arabia", "Saudi", {}
    ),
    Cabinet(
        "scotland-cabinet",
        "082f5ce4eda96d7e9ea8af82df53fefd85962cca",
        "Scotland",
        "Scottish",
        {"Member of the Scottish Parliament": "Member of the Scottish Parliament"},
    ),
    Cabinet(
        "south-africa-cabinet",
        "0558a872c69856bba752bd3b8b3604e4e4479252",
        "South Africa",
        "South African",
        {"member of the National Assembly of South Africa": "South African MP"},
    ),
    Cabinet(
        "south-korea-ministers",
        "6f17960017c672790f0997885e5b2ff5937305de",
        "South Korea",
        "South Korean",
        {"Member of National Assembly of South Korea": "South Korean MP"},
    ),
    Cabinet(
        "spain-ministers",
        "1e1550ca85af4c39b71e6a462fead133849fe078",
        "Spain",
        "Spanish",
        {
            "Member of the Congress of Deputies": "Spanish MP",
            "Member of the Senate of Spain": "Spanish Senator",
        },
    ),
    Cabinet(
        "turkey-ministers",
        "288fbd45ee3fa59f8a226437bf43d726c9845f4f",
        "Turkey",
        "Turkish",
        {"Member of the Grand National Assembly of Turkey": "Turkish MP"},
    ),
    Cabinet(
        "ukraine-cabinet",
        "4fc6ab0f4d90d6170b674172a115f1bc98478e4b",
        "Ukraine",
        "Ukrainian",
        {"People's Deputy of Ukraine": "Ukrainian MP"},
    ),
    Cabinet(
        "united-kingdom-cabinet",
        "3a5ec686630cbefc0fe4b96da38a2a50b52d2556",
        "United Kingdom",
        "UK",
        {
            "Member of the Parliament of the United Kingdom": "UK MP",
            "Member of the House of Lords": "member of the House of Lords",
        },
    ),
    Cabinet(
        "us-cabinet",
        "0d5e73cb24ba9f78bc36f6cd0fbe9839e6cd8600",
        "United States",
        "US",
        {
            "United States representative": "US Representative",
            "United States senator": "US Senator",
        },
    ),
    # Countries added for office holders of 2007-2020 (heads of state and government,
    # ministers and national legislators since 1990).
    Cabinet(
        "algeria-cabinet",
        "a23de8549333fc55f861cc856d499acb9cd255de",
        "Algeria",
        "Algerian",
        {"Member of the People's National Assembly of Algeria": "Algerian MP"},
    ),
    Cabinet(
        "armenia-ministers",
        "0f97f894d1206191bcc52e5925f00bac9a0299bf",
        "Armenia",
        "Armenian",
        {"member of the National Assembly of Armenia": "Armenian MP"},
    ),
    Cabinet(
        "bangladesh-ministers",
        "9bf8dcec085888ba0a57f9073a0d504b74c33441",
        "Bangladesh",
        "Bangladeshi",
        {"Member of the Jatiya Sangsad": "Bangladeshi MP"},
    ),
    Cabinet(
        "belgium-cabinet",
        "a1420fcaec8b2c2966eebb13f352b95725d3785b",
        "Belgium",
        "Belgian",
        {
            "member of the Chamber of Representatives of Belgium": "Belgian MP",
            "Senator of Belgium": "Belgian Senator",
        },
    ),
    Cabinet(
        "croatia-ministers",
        "6e44b5186fd289ec77c7a5d1378d86e4a1ad37a3",
        "Croatia",
        "Croatian",
        {"representative in the Croatian Parliament": "Croatian MP"},
    ),
    Cabinet(
        "ecuador-ministers",
        "b5360d52c89e2c9742019d3ea9c37972a737e243",
        "Ecuador",
        "Ecuadorian",
        {"Member of the National Assembly": "Ecuadorian MP"},
    ),
    Cabinet(
        "estonia",
        "27ed68480fd69b680a523eab604b6ccf26ed4332",
        "Estonia",
        "Estonian",
        {"Member of the Riigikogu": "Estonian MP", "member of the Riigikogu": "Estonian MP"},
    ),
    Cabinet(
        "ethiopia-ministers",
        "e025c9ca8d02cc7f3a5522afd30d49350e64c5cf",
        "Ethiopia",
        "Ethiopian",
        {},
    ),
    Cabinet(
        "latvia-cabinet",
        "5f141542ec29a0fa0dc91c29ee2b3d695b7d1e45",
        "Latvia",
        "Latvian",
        {"deputy of Saeima": "Latvian MP"},
    ),
    Cabinet(
        "morocco-ministers",
        "b5246271b46859298b816869fd8c3ae7f658afd8",
        "Morocco",
        "Moroccan",
        {"Member of the House of Representatives of Morocco": "Moroccan MP"},
    ),
    Cabinet(
        "uganda-ministers", "ed6c7e0721c8c38e177b8c9b6fdb308b2b26ce95", "Uganda", "Ugandan", {}
    ),
    Cabinet(
        "belarus-ministers",
        "3edd7c7cbcba709c6165f7df09653dcbf50c7712",
        "Belarus",
        "Belarusian",
        {"member of the House of Representatives of Belarus": "Belarusian MP"},
    ),
    Cabinet(
        "bulgaria-cabinet",
        "2068236a3e5af84bd30f347afe86bcc089d6fd5d",
        "Bulgaria",
        "Bulgarian",
        {"member of the Bulgarian National Assembly": "Bulgarian MP"},
    ),
    Cabinet(
        "chile-ministers",
        "412eb050c5f72daf9c0f31b6482c61180501c83a",
        "Chile",
        "Chilean",
        {"Deputy": "Chilean deputy", "Senator": "Chilean Senator"},
    ),
    Cabinet(
        "congo-kinshasa-ministers",
        "fb78ee2e1afcd31cb21afcb2c18c01e01608b18d",
        "DR Congo",
        "Congolese",
        {
            "Member of the National Assembly": "Congolese MP",
            "Member of the Senate": "Congolese Senator",
        },
    ),
    Cabinet(
        "czech-ministers",
        "1e53f23f9405feacef64241294c342ab8eca0319",
        "Czech Republic",
        "Czech",
        {
            "Member of the Chamber of Deputies": "Czech deputy",
            "Member of the Senate": "Czech Senator",
        },
    ),
    Cabinet(
        "georgia-ministers",
        "e843205baddb9cd7321170ede5d08210b1bf6c78",
        "Georgia",
        "Georgian",
        {"Member of the Parliament of Georgia": "Georgian MP"},
    ),
    Cabinet(
        "ghana-ministers",
        "6301043ab47efa25fa0c944b6a4b523ea5a2eebe",
        "Ghana",
        "Ghanaian",
        {"Member of the Parliament of the Republic": "Ghanaian MP"},
    ),
    Cabinet(
        "hong-kong",
        "1512e32bdfc161dad75ab6b1d83a4c8af40c3834",
        "Hong Kong",
        "Hong Kong",
        {"member of the Legislative Council of Hong Kong": "Hong Kong legislator"},
    ),
    Cabinet(
        "kazakhstan-cabinet",
        "caf651f97dc0efed4955887c17fd6fadcdf7b111",
        "Kazakhstan",
        "Kazakh",
        {"Member of the Mazhilis": "Kazakh MP"},
    ),
    Cabinet(
        "lithuania",
        "2743892fbc8f4eca6fc0b2ead37936dc8d5229d9",
        "Lithuania",
        "Lithuanian",
        {"Member of the Seimas": "Lithuanian MP"},
    ),
    Cabinet(
        "malaysia-ministers",
        "bab25025f0c68e7c1c623e0ee7e4888032550e16",
        "Malaysia",
        "Malaysian",
        {"Member of the Dewan Rakyat": "Malaysian MP"},
    ),
    Cabinet(
        "romania-cabinet",
        "63e9c5d352fa9a477e708ecc2ac4523af9534cfe",
        "Romania",
        "Romanian",
        {
            "member of the Chamber of Deputies of Romania": "Romanian deputy",
            "member of the Senate of Romania": "Romanian Senator",
        },
    ),
    Cabinet(
        "serbia-ministers",
        "a4a525577243b1a2ebc9c98de0801347aba26e52",
        "Serbia",
        "Serbian",
        {"member of the National Assembly of Serbia": "Serbian MP"},
    ),
    Cabinet(
        "singapore-ministers",
        "7c68317a86e9ab14712685cc12d6e2afc028d410",
        "Singapore",
        "Singaporean",
        {"Member of the Parliament of Singapore": "Singaporean MP"},
    ),
    Cabinet(
        "slovakia-cabinet",
        "db4bf5310f557452cd6140a61739d4103c35debf",
        "Slovakia",
        "Slovak",
        {"Member of the National Council of the Slovak Republic": "Slovak MP"},
    ),
    Cabinet(
        "south-sudan",
        "46f2f4f9e468465ced7e5bce689b7d8e0c43be32",
        "South Sudan",
        "South Sudanese",
        {"Member of the National Legislative Assembly": "South Sudanese MP"},
    ),
    Cabinet(
        "sri-lanka-cabinet",
        "a90dbcf77133b1b9dcb94abe2c51b7ba2d9c5bee",
        "Sri Lanka",
        "Sri Lankan",
        {"Member of the Parliament of Sri Lanka": "Sri Lankan MP"},
    ),
    Cabinet(
        "sudan",
        "bd56d436414d49f53c21baf0601962478a431ac2",
        "Sudan",
        "Sudanese",
        {"Member of the National Legislative Assembly": "Sudanese MP"},
    ),
    Cabinet("syria", "08fddba7b3f3beef8ac10a7201ef1ff1cc7318af", "Syria", "Syrian", {}),
    Cabinet(
        "taiwan",
        "45c981ac5a15e4bdacfda83f77a64d275156ca4b",
        "Taiwan",
        "Taiwanese",
        {"Member of the Legislative Yuan": "Taiwanese legislator"},
    ),
    Cabinet(
        "uae-ministers",
        "9478e53b0ada6f31a1877fddb499f33207efa368",
        "United Arab Emirates",
        "Emirati",
        {},
    ),
    Cabinet("vietnam", "906e493fe5ae307bf6184baa4fa9e48d75f9866d", "Vietnam", "Vietnamese", {}),
    Cabinet(
        "yemen",
        "993e1a6176b9082c7053cd67ff59dc52ee71f71b",
        "Yemen",
        "Yemeni",
        {"member of the House of Representatives": "Yemeni MP"},
    ),
    Cabinet(
        "zimbabwe",
        "f991ac9839ca9297ec838f7420994fbb1c854c00",
        "Zimbabwe",
        "Zimbabwean",
        {
            "Member of the National Assembly": "Zimbabwean MP",
            "Member of the Senate": "Zimbabwean Senator",
        },
    ),
)
WORLD = ("world", "4a3b394d9a35d26d138cded8718d0805b7ce9336")
WORLD_LEADERS = ("world-leaders-2021", "be7039cf5952d8121c4f1e24eea64cc5dd465633")
GOVERNORS = ("us-governors", "c84c2123e392d3966f630a88ff8461dddbfd56df")
CONGRESS = ("unitedstates/congress-legislators", "dfa9622263dd4c8d08636926e498f1845704d7eb")
PARTIES = ("hdigital/partyfactsdata", "764de8978f84ba41a1c88752d6a00b9a4d05f599")
CLUBS = ("openfootball/clubs", "ae3800227c449447b3a337fc0aac79a8f02f4c8b")
MEDIA = ("savkov/freebie", "ece4dd58b16ee9abbe83da2a416a376505e165ca")
SP500 = ("datasets/s-and-p-500-companies", "56509dd80619e4d8e1410c2260d68ddd3eab6068")
CITIES = ("datasets/world-cities", "49974c675a13f12ec0b8b8164f0f82f017b896fc")
HEADS = ("cfmessias/geografia", "2e1e3b9cf6bff86186ae26376a2deafdbd9c67e3")
HEADS_SINCE = "1945"  # heads whose office ended before this year are left out

_ORDINAL = re.compile(r"\b\d+(st|nd|rd|th) ")
# A monarch's label in the source's first language ("Carlos III do Reino Unido"): no English name.
_REGNAL_LABEL = re.compile(r"\b[IVXL]+ d[aeo]s? ")
# An office another country's head holds by right (France's president, co-prince of Andorra):
# shown as that person's office it would hide their own.
_EX_OFFICIO = re.compile(r"\bco-prince\b", re.IGNORECASE)
_GOVERNMENT_HEAD = re.compile(
    r"\b(prime minister|chancellor|premier|taoiseach|chairman of the council of ministers)\b",
    re.IGNORECASE,
)
_QID = re.compile(r"^Q\d+$")
# A head of state's spouse holds no office: family, not a leader.
_SPOUSE = re.compile(r"\b(first lady|first gentleman|spouse of)\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\s*[\[(].*?[\])]")
_COMPANY_SUFFIX = re.compile(
    r",? (Inc\.?|Corporation|Corp\.?|Company|Co\.|plc|PLC|Ltd\.?|Limited|Holdings|Group|"
    r"Incorporated|N\.V\.|S\.A\.|AG|SE|Companies|\(The\)|\(Class [A-Z]\))$"
)


class Mirrors:
    """Reads files of bare git snapshots at a given commit."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def read(self, repo: str, commit: str, path: str) -> str:
        folder = self.root / repo.replace("/", "+") / "repo"
        return subprocess.run(
            ["git", "-C", str(folder), "show", f"{commit}:{path}"],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8")

    def files(self, repo: str, commit: str) -> list[str]:
        folder = self.root / repo.replace("/", "+") / "repo"
        return subprocess.run(
            ["git", "-C", str(folder), "ls-tree", "-r", "--name-only", commit],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()

    def day(self, repo: str, commit: str) -> str:
        folder = self.root / repo.replace("/", "+") / "repo"
        return subprocess.run(
            ["git", "-C", str(folder), "log", "-1", "--format=%cs", commit],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def versions(self, repo: str, commit: str, path: str) -> list[tuple[str, str]]:
        """(commit, ISO date) of every version of ``path`` up to ``commit``, oldest first."""
        folder = self.root / repo.replace("/", "+") / "repo"
        log = subprocess.run(
            ["git", "-C", str(folder), "log", "--format=%H %cs", commit, "--", path],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split("\n")
        return [tuple(line.split()) for line in reversed(log) if line]  # type: ignore[misc]


def _mentions_country(label: str, cabinet: Cabinet) -> bool:
    lower = label.lower()
    names = {cabinet.country.lower(), cabinet.adjective.lower(), "united states", "british"}
    return any(n in lower for n in names)


def cabinet_rows(mirrors: Mirrors, cabinet: Cabinet) -> Iterator[list[str]]:
    repo = f"{_EP}/{cabinet.slug}"
    for row in csv.DictReader(
        io.StringIO(mirrors.read(repo, cabinet.commit, "html/holders21.csv"))
    ):
        label = row["position"].strip()
        role = label if _mentions_country(label, cabinet) else f"{cabinet.adjective} {label}"
        yield _office(
            row["personID"],
            row["person"],
            "",
            role,
            cabinet.country,
            row["start"],
            row.get("end", ""),
        )
    text = mirrors.read(repo, cabinet.commit, "html/legislators.csv")
    for row in csv.DictReader(io.StringIO(text)):
        label = _ORDINAL.sub("", row["position"].strip())
        if label in cabinet.legislatures:
            role = cabinet.legislatures[label]
            yield _office(
                row["personID"],
                row["person"],
                "",
                role,
                cabinet.country,
                row["start"],
                row.get("end", ""),
                "legislator",
            )


def _office(
    pid: str, name: str, aliases: str, role: str, country: str, start: str, end: str, kind: str = ""
) -> list[str]:
    return [
        pid,
        " ".join(name.split()),
        aliases,
        role,
        country,
        start.strip(),
        end.strip(),
        kind or office_kind(role),
    ]


def world_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    repo = f"{_EP}/{WORLD[0]}"
    for path in ("html/holders21.csv", "html/current.csv"):
        for row in csv.DictReader(io.StringIO(mirrors.read(repo, WORLD[1], path))):
            yield _office(
                row["personID"],
                row["person"],
                "",
                row["position"],
                "",
                row["start"],
                row.get("end", ""),
            )
    repo = f"{_EP}/{WORLD_LEADERS[0]}"
    for row in csv.DictReader(
        io.StringIO(mirrors.read(repo, WORLD_LEADERS[1], "data/wikidata.csv"))
    ):
        label, country = row["positionLabel"], row["country"]
        named = country.lower() in label.lower() or " of " in label
        role = label if named else f"{label} of {country}"
        role = role[:1].upper() + role[1:]
        yield _office(
            row["officeholder"],
            row["officeholderLabel"],
            "",
            role,
            country,
            row["start_year"],
            row["end_year"],
        )


def head_offices(mirrors: Mirrors, heads: list[dict[str, str]]) -> dict[tuple[str, str], tuple]:
    """(ISO code, "head_of_state" or "head_of_government") → (country, title) as the
    world-leaders list writes them ("Germany", "Federal Chancellor of Germany"), learnt from
    the people both lists hold: a country's only title of that kind that names a country
    ("Military leader" does not). A president listed as head of government too has no title
    of that kind (their presidency is their row as head of state), and a country whose heads
    of government the world-leaders list does not name as such (Turkey's prime ministers,
    abolished) has none, so no prime minister is shown as president. A kind with two titles
    maps to ``None``: its rows are left out rather than named wrong, and so are Andorra's
    co-princes (``_EX_OFFICIO``)."""
    repo = f"{_EP}/{WORLD_LEADERS[0]}"
    listed: dict[str, list[tuple[str, str]]] = {}
    for row in csv.DictReader(
        io.StringIO(mirrors.read(repo, WORLD_LEADERS[1], "data/wikidata.csv"))
    ):
        label = row["positionLabel"].strip()
        if " of " in label and not _QID.match(label) and not _EX_OFFICIO.search(label):
            country = row["country"].removeprefix("Kingdom of ")
            listed.setdefault(row["officeholder"], []).append((country, label))
    found: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for row in heads:
        for country, label in listed.get(row["person_qid"], ()):
            if not _same_country(country, row["iso3"]):
                continue  # Macron, co-prince of Andorra; Dodik, of Republika Srpska
            government = bool(_GOVERNMENT_HEAD.search(label))
            if government == (row["role"] == "head_of_government"):
                found.setdefault((row["iso3"], row["role"]), set()).add((country, label))
    return {key: _titled(titles) for key, titles in found.items()}


_COUNTRY_GLUE = frozenset(
    {"of", "the", "and", "republic", "state", "democratic", "people's", "federal", "islamic"}
)


def _same_country(name: str, code: str) -> bool:
    """Whether the world-leaders list's country ``name`` is the country of ISO code ``code``:
    each of its words is a word of a name pycountry gives the country, or begins like one
    ("Turkey", "Türkiye"); "Republika Srpska" is not Bosnia, nor "South Korea" the North."""
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return False
    names = [getattr(found, key, "") for key in ("name", "official_name", "common_name")]
    theirs = {_folded(w) for n in names for w in n.replace(",", " ").split()} - _COUNTRY_GLUE
    ours = {_folded(w) for w in name.split()} - _COUNTRY_GLUE
    return bool(ours) and all(any(_alike(a, b) for b in theirs) for a in ours)


def _alike(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 6 and a[:4] == b[:4] and "-" not in a + b)


def _folded(word: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _titled(titles: set[tuple[str, str]]) -> tuple:
    if len(titles) > 1:
        return None
    country, label = next(iter(titles))
    return country, label[:1].upper() + label[1:]


def _wikidata_day(value: str) -> str:
    """A Wikidata time as the source exports it ("1982-10-04T00:00:00Z"); a first of January
    is how a bare year comes out, so it is kept as the year only."""
    day = value.strip()[:10]
    return day[:4] if day.endswith("-01-01") else day


def head_rows(mirrors: Mirrors, known: set[str]) -> Iterator[list[str]]:
    """Past heads of state and government ("Helmut Kohl", Federal Chancellor of Germany,
    1982–1998) whose office ended in or after ``HEADS_SINCE``, of people no other source lists
    as a head (``known`` identifiers and names; the Congress directory has no identifier for
    some presidents): those sources hold the current heads and exact dates. An office
    still open in this list is left to the fresher sources (the list also has stray entries),
    and so is a country whose office the world-leaders list does not name."""
    text = mirrors.read(*HEADS, "data/leaders_history.csv")
    heads = list(csv.DictReader(io.StringIO(text)))
    offices = head_offices(mirrors, heads)
    for row in heads:
        pid, name = row["person_qid"], row["person"].strip()
        start, end = _wikidata_day(row["start"]), _wikidata_day(row["end"])
        office = offices.get((row["iso3"], row["role"]))
        if (
            office is None
            or pid in known
            or name in known
            or not start
            or not end
            or end[:4] < HEADS_SINCE
            or _REGNAL_LABEL.search(name)
        ):
            continue
        country, title = office
        yield _office(pid, name, "", title, country, start, end, "head")


def governor_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    """Governors are only listed as serving on each snapshot date: the office runs from the
    first snapshot that lists a governor to the last (all that the source can vouch for)."""
    repo = f"{_EP}/{GOVERNORS[0]}"
    seen: dict[tuple[str, str, str], list[str]] = {}
    for commit, day in mirrors.versions(repo, GOVERNORS[1], "data/wikidata.csv"):
        for row in csv.DictReader(io.StringIO(mirrors.read(repo, commit, "data/wikidata.csv"))):
            key = (row["item"], row["name"], row["state"])
            seen.setdefault(key, [day, day])[1] = day
    for (pid, name, state), (first, last) in seen.items():
        yield _office(pid, name, "", f"Governor of {state}", "United States", first, last, "head")


def congress_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    import yaml

    repo, commit = CONGRESS
    titles = {
        "prez": "President of the United States",
        "viceprez": "Vice President of the United States",
    }
    for path in ("executive.yaml", "legislators-current.yaml"):
        for person in yaml.safe_load(mirrors.read(repo, commit, path)):
            ids, name = person["id"], person["name"]
            pid = ids.get("wikidata") or "bioguide:" + ids.get("bioguide", "")
            first = name.get("nickname") or name["first"]
            full = " ".join(x for x in (first, name["last"], name.get("suffix", "")) if x)
            aliases = {name.get("official_full", ""), f"{name['first']} {name['last']}"} - {
                full,
                "",
            }
            for term in person["terms"]:
                if term["type"] in titles:
                    role = titles[term["type"]]
                elif term["type"] == "sen":
                    role = f"US Senator for {_state(term['state'])}"
                else:
                    role = f"US Representative for {_state(term['state'])}"
                kind = "legislator" if term["type"] in ("sen", "rep") else ""
                yield _office(
                    pid,
                    full,
                    "|".join(sorted(aliases)),
                    role,
                    "United States",
                    str(term["start"]),
                    str(term.get("end", "")),
                    kind,
                )


def _state(code: str) -> str:
    import pycountry

    found = pycountry.subdivisions.get(code=f"US-{code}")
    return found.name if found else code


def legislature_rows() -> Iterator[list[str]]:
    """The national parliaments the office rows name ("member of the State Duma")."""
    for cabinet in CABINETS:
        for label in cabinet.legislatures:
            name = re.sub(r"^[Mm]ember of (the )?", "", label)
            if (
                name != label
                and name[:1].isupper()
                and " " in name
                and not name.startswith(("Senate", "House"))
            ):
                yield [name, "", "legislature"]


def party_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    """Parties of Party Facts that won at least 1 % of a national vote and were active after
    ``SINCE``: the local and English names, and an all-capitals acronym of three letters or
    more ("SNP", "UKIP")."""
    text = mirrors.read(*PARTIES, "import/elecglob/partyfacts-core-parties.csv")
    for row in csv.DictReader(io.StringIO(text)):
        if float(row["share"] or 0) < 1 or (row["year_last"] and row["year_last"] < SINCE):
            continue
        names = [_BRACKETS.sub("", n).strip() for n in (row["name_english"], row["name"])]
        names = [n for n in names if n and "/" not in n]
        if not names:
            continue
        short = row["name_short"].strip()
        aliases = set(names[1:])
        if len(short) >= 3 and short.isupper() and short.isalpha():
            aliases.add(short)
        yield [names[0], "|".join(sorted(aliases - {names[0]})), "party"]


def club_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    """Football clubs of openfootball: a line "Name, founded, @ ground, city" and its other
    names on the following "| a | b" lines."""
    for path in mirrors.files(*CLUBS):
        if not path.endswith(".clubs.txt"):
            continue
        club: list[str] = []
        for line in [*mirrors.read(*CLUBS, path).splitlines(), ""]:
            text = line.split("#", 1)[0]
            if text.strip().startswith("|"):
                if club:
                    club += [a.strip() for a in text.strip().split("|") if a.strip()]
                continue
            if club:
                yield [club[0], "|".join(sorted(set(club[1:]) - {club[0]})), "club"]
            name = text.split(",", 1)[0].strip()
            club = [name] if name and line[:1].isalnum() and not text.startswith("=") else []


def media_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    """News outlets of the freebie list, also without a leading "The" ("Guardian")."""
    for row in csv.DictReader(io.StringIO(mirrors.read(*MEDIA, "freebie/websources.csv"))):
        name = " ".join(row["name"].split())
        if name and not name.isdigit():
            short = name[4:] if name.startswith("The ") else ""
            yield [name, short, "media"]


def company_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    text = mirrors.read(*SP500, "data/constituents.csv")
    for row in csv.DictReader(io.StringIO(text)):
        name = row["Security"].strip()
        short = _COMPANY_SUFFIX.sub("", name).strip()
        aliases = sorted({short} - {name, ""})
        yield [name, "|".join(aliases), "company"]


def city_rows(mirrors: Mirrors) -> Iterator[list[str]]:
    """Towns of 15,000 people or more (GeoNames), with their country and region."""
    text = mirrors.read(*CITIES, "data/world-cities.csv")
    for row in csv.DictReader(io.StringIO(text)):
        yield [row["name"].strip(), row["country"].strip(), row["subcountry"].strip()]


def _recent(rows: Iterable[list[str]]) -> list[list[str]]:
    """Rows of named people's offices (no spouse's title), deduplicated and sorted; of offices
    that ended before ``SINCE`` only those of heads of state or government and their deputies
    ("Walter Mondale")."""
    kept = {
        tuple(r)
        for r in rows
        if r[1]
        and not _QID.match(r[1])
        and not _SPOUSE.search(r[3])
        and (not r[6] or r[6][:4] >= SINCE or r[7] in ("head", "deputy"))
    }
    return sorted(list(r) for r in kept)


def write_tsv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Gzip with a fixed header (no name, no time) so equal rows give equal bytes."""
    write_text(path, "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows))


_CC0 = "CC0 1.0 (Wikidata content)"


def write_sources(mirrors: Mirrors) -> None:
    """Provenance of every trimmed file: repository, commit, its date, paths, licence."""
    entries = []
    for cabinet in CABINETS:
        repo = f"{_EP}/{cabinet.slug}"
        entries.append(
            (
                f"offices-{cabinet.slug}.tsv.gz",
                repo,
                cabinet.commit,
                ["html/holders21.csv", "html/legislators.csv"],
                _CC0,
            )
        )
    entries += [
        (
            "offices-world.tsv.gz",
            f"{_EP}/{WORLD[0]}",
            WORLD[1],
            ["html/holders21.csv", "html/current.csv"],
            _CC0,
        ),
        (
            "offices-world.tsv.gz",
            f"{_EP}/{WORLD_LEADERS[0]}",
            WORLD_LEADERS[1],
            ["data/wikidata.csv"],
            _CC0,
        ),
        (
            "offices-us-governors.tsv.gz",
            f"{_EP}/{GOVERNORS[0]}",
            GOVERNORS[1],
            ["data/wikidata.csv (every version)"],
            _CC0,
        ),
        (
            "offices-us-congress.tsv.gz",
            CONGRESS[0],
            CONGRESS[1],
            ["executive.yaml", "legislators-current.yaml"],
            "CC0 1.0",
        ),
        (
            "organisations-sp500.tsv.gz",
            SP500[0],
            SP500[1],
            ["data/constituents.csv"],
            "ODC Public Domain Dedication and License 1.0",
        ),
        (
            "organisations-parties.tsv.gz",
            PARTIES[0],
            PARTIES[1],
            ["import/elecglob/partyfacts-core-parties.csv"],
            "MIT (the repository's LICENSE.md)",
        ),
        ("organisations-clubs.tsv.gz", CLUBS[0], CLUBS[1], ["*/**/*.clubs.txt"], "CC0 1.0"),
        (
            "places-cities.tsv.gz",
            CITIES[0],
            CITIES[1],
            ["data/world-cities.csv"],
            "CC BY 4.0 (GeoNames, https://www.geonames.org/)",
        ),
        ("organisations-media.tsv.gz", MEDIA[0], MEDIA[1], ["freebie/websources.csv"], "MIT"),
        (
            "offices-heads-past.tsv.gz",
            HEADS[0],
            HEADS[1],
            ["data/leaders_history.csv"],
            f"{_CC0}; the repository states no licence of its own",
        ),
        (
            "offices-heads-past.tsv.gz",
            f"{_EP}/{WORLD_LEADERS[0]}",
            WORLD_LEADERS[1],
            ["data/wikidata.csv (titles of the offices)"],
            _CC0,
        ),
        ("organisations-legislatures.tsv.gz", "(the office sources above)", "", [], _CC0),
    ]
    files = []
    for file, repo, commit, paths, licence in entries:
        day = mirrors.day(repo, commit) if commit else ""
        files.append(
            {
                "file": file,
                "repository": repo,
                "commit": commit,
                "as_of": day,
                "paths": paths,
                "licence": licence,
            }
        )
    # One snapshot date per file: the oldest of the snapshots it merges.
    oldest: dict[str, str] = {}
    for f in files:
        if f["as_of"]:
            oldest[f["file"]] = min(oldest.get(f["file"], f["as_of"]), f["as_of"])
    for f in files:
        f["as_of"] = oldest.get(f["file"], "")
    text = json.dumps({"files": files}, indent=1, ensure_ascii=False) + "\n"
    (OUT / "sources.json").write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.knowledge_import MIRRORS_FOLDER", file=sys.stderr)
        return 2
    mirrors = Mirrors(Path(argv[0]))
    OUT.mkdir(parents=True, exist_ok=True)
    header = ["id", "name", "aliases", "role", "country", "start", "end", "kind"]
    for cabinet in CABINETS:
        write_tsv(
            OUT / f"offices-{cabinet.slug}.tsv.gz", header, _recent(cabinet_rows(mirrors, cabinet))
        )
    write_tsv(OUT / "offices-world.tsv.gz", header, _recent(world_rows(mirrors)))
    write_tsv(OUT / "offices-us-governors.tsv.gz", header, _recent(governor_rows(mirrors)))
    write_tsv(OUT / "offices-us-congress.tsv.gz", header, _recent(congress_rows(mirrors)))
    heads = OUT / "offices-heads-past.tsv.gz"
    others = sorted(set(OUT.glob("offices-*.tsv.gz")) - {heads})
    known = {
        key
        for path in others
        for row in read_tsv(path)
        if row["kind"] == "head"
        for key in (row["id"], row["name"])
    }
    write_tsv(heads, header, _recent(head_rows(mirrors, known)))
    org_header = ["name", "aliases", "kind"]
    companies = sorted({tuple(r) for r in company_rows(mirrors)})
    write_tsv(OUT / "organisations-sp500.tsv.gz", org_header, [list(r) for r in companies])
    media = sorted({tuple(r) for r in media_rows(mirrors)})
    write_tsv(OUT / "organisations-media.tsv.gz", org_header, [list(r) for r in media])
    clubs = sorted({tuple(r) for r in club_rows(mirrors)})
    write_tsv(OUT / "organisations-clubs.tsv.gz", org_header, [list(r) for r in clubs])
    parties = sorted({tuple(r) for r in party_rows(mirrors)})
    write_tsv(OUT / "organisations-parties.tsv.gz", org_header, [list(r) for r in parties])
    legislatures = sorted({tuple(r) for r in legislature_rows()})
    write_tsv(
        OUT / "organisations-legislatures.tsv.gz", org_header, [list(r) for r in legislatures]
    )
    cities = sorted({tuple(r) for r in city_rows(mirrors) if r[0]})
    write_tsv(
        OUT / "places-cities.tsv.gz", ["name", "country", "region"], [list(r) for r in cities]
    )
    write_sources(mirrors)
    print(json.dumps({p.name: p.stat().st_size for p in sorted(OUT.glob("*.tsv.gz"))}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
