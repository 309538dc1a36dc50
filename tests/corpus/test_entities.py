"""Entity resolution across documents: variants merge, different people stay apart."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from lagebild.corpus.entities import name_key, resolve
from lagebild.model import Mention

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "entity_variants.json"
# Floors pinned below the measured values (precision 1.00, recall 1.00 when pinned, 57 groups);
# lowering one is a deliberate act.
PRECISION_FLOOR = 0.98
RECALL_FLOOR = 0.98


def mention(i: int, text: str, type_: str = "PER", document: str | None = None, **kw) -> Mention:
    doc = document or f"d{i}"
    return Mention(f"{doc}-m{i}", doc, 0, len(text), text, type_, **kw)  # type: ignore[arg-type]


def golden_mentions():
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    mentions, gold = [], []
    groups = [(g["type"], g["names"]) for g in data["groups"]]
    for group, (type_, names) in enumerate(groups):
        for name in names:
            mentions.append(mention(len(mentions), name, type_))
            gold.append(group)
    return data, mentions, gold


def pairwise(mentions, gold, assignment):
    tp = fp = fn = 0
    for (a, ga), (b, gb) in combinations(zip(mentions, gold), 2):
        same_gold = ga == gb
        same_pred = assignment[a.id] == assignment[b.id]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    return tp / (tp + fp), tp / (tp + fn)


def test_golden_variant_groups_reach_the_pinned_pairwise_precision_and_recall():
    data, mentions, gold = golden_mentions()
    assert len(data["groups"]) >= 40
    _, assignment = resolve(mentions)
    precision, recall = pairwise(mentions, gold, assignment)
    assert precision >= PRECISION_FLOOR, precision
    assert recall >= RECALL_FLOOR, recall


def test_negative_pairs_stay_apart():
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for left, right in data["negative_pairs"]:
        type_ = "ORG" if left.isupper() else ("LOC" if "land" in left else "PER")
        _, assignment = resolve([mention(0, left, type_), mention(1, right, type_)])
        assert assignment["d0-m0"] != assignment["d1-m1"], (left, right)


def test_transliteration_key_folds_the_issue_examples():
    assert len({name_key(n) for n in ("Umerov", "Umerow", "Umjerow")}) == 1
    assert len({name_key(n) for n in ("Selenskyj", "Selenski", "Zelensky", "Zelenskyy")}) == 1
    assert len({name_key(n) for n in ("Kiew", "Kyjiw", "Kyiv")}) == 1
    assert name_key("Nato") == name_key("NATO")


def test_short_and_full_forms_merge_and_the_canonical_name_is_the_full_form():
    mentions = [
        mention(0, "Peskow"),
        mention(1, "Dmitri Peskow", role="Kreml-Sprecher"),
        mention(2, "Dmitri Peskow"),
        mention(3, "Peskows", normal="Peskow"),
    ]
    entities, assignment = resolve(mentions)
    assert len(set(assignment.values())) == 1
    (peskow,) = entities
    assert peskow.name == "Dmitri Peskow"
    assert "Kreml-Sprecher" in peskow.roles
    assert len(peskow.mentions) == 4


def test_roles_and_affiliations_are_attached():
    entities, _ = resolve(
        [mention(0, "Boris Pistorius", role="Verteidigungsminister", affiliation="SPD")]
    )
    assert entities[0].roles == ("Verteidigungsminister",)
    assert entities[0].affiliations == ("SPD",)


def test_a_bare_surname_goes_to_the_person_named_in_the_same_document():
    mentions = [
        mention(0, "Vitali Klitschko", document="a"),
        mention(1, "Wladimir Klitschko", document="b"),
        mention(2, "Klitschko", document="b"),
    ]
    _, assignment = resolve(mentions)
    assert assignment["a-m0"] != assignment["b-m1"]
    assert assignment["b-m2"] == assignment["b-m1"]


def test_exonyms_share_one_place_with_the_gazetteer_name():
    entities, assignment = resolve(
        [mention(0, "Kyiv", "LOC"), mention(1, "Kiew", "LOC"), mention(2, "Türkiye", "LOC"),
         mention(3, "Türkei", "LOC")]
    )
    assert assignment["d0-m0"] == assignment["d1-m1"]
    assert assignment["d2-m2"] == assignment["d3-m3"]
    assert {e.name for e in entities} == {"Kiew", "Türkei"}


def test_resolution_is_incremental_and_deterministic():
    _, mentions, _ = golden_mentions()
    half = len(mentions) // 2
    all_entities, all_assignment = resolve(mentions)
    first, first_assignment = resolve(mentions[:half])
    later, later_assignment = resolve(mentions[half:], known=first)
    assert {**first_assignment, **later_assignment} == all_assignment
    assert [e.id for e in later] == [e.id for e in all_entities]
    assert [e.name for e in later] == [e.name for e in all_entities]
    assert resolve(mentions)[1] == all_assignment


def at(doc: str, i: int, start: int, text: str, type_: str = "PER", **kw) -> Mention:
    """A mention at a given offset of document ``doc`` (offsets matter for abbreviations)."""
    return Mention(f"{doc}-m{i}", doc, start, start + len(text), text, type_, **kw)  # type: ignore[arg-type]


def test_a_lone_first_name_joins_the_one_person_of_the_document_who_carries_it():
    mentions = [
        at("a", 0, 0, "Wladimir Putin"),
        at("a", 1, 40, "Wladimir", role="Präsident"),  # "(der russische Präsident Wladimir) Putin"
        at("a", 2, 50, "Putin"),
        at("b", 3, 0, "Lukas", "PER"),  # the first name before the full name
        at("b", 4, 30, "Lukas Brandner"),
    ]
    entities, assignment = resolve(mentions)
    assert assignment["a-m1"] == assignment["a-m0"] == assignment["a-m2"]
    assert assignment["b-m3"] == assignment["b-m4"]
    putin = next(e for e in entities if e.id == assignment["a-m0"])
    assert putin.name == "Wladimir Putin" and "Präsident" in putin.roles
    assert len(entities) == 2


def test_a_lone_first_name_stays_apart_where_two_people_carry_it_or_none_does():
    mentions = [
        at("a", 0, 0, "Wladimir Putin"),
        at("a", 1, 20, "Wladimir Medinski"),
        at("a", 2, 40, "Wladimir"),
        at("b", 3, 0, "Wladimir"),  # another document without a Wladimir
    ]
    _, assignment = resolve(mentions)
    assert assignment["a-m2"] not in {assignment["a-m0"], assignment["a-m1"]}
    assert assignment["b-m3"] not in {assignment["a-m0"], assignment["a-m1"]}


def test_a_first_name_learnt_in_one_document_never_captures_a_lone_name_elsewhere():
    mentions = [
        at("a", 0, 0, "Wladimir Putin"),
        at("a", 1, 30, "Wladimir"),
        at("b", 2, 0, "Wladimir Klitschko"),
        at("b", 3, 30, "Wladimir"),
        at("c", 4, 0, "Wladimir"),
    ]
    _, assignment = resolve(mentions)
    assert assignment["b-m3"] == assignment["b-m2"] != assignment["a-m0"]
    assert assignment["c-m4"] not in {assignment["a-m0"], assignment["b-m2"]}


def test_an_abbreviation_in_parentheses_after_a_name_is_that_name():
    text = "Der Deutsche Wetterdienst (DWD) warnt. Der DWD erwartet 36 Grad."
    mentions = [
        at("a", 0, 4, "Deutsche Wetterdienst", "ORG"),
        at("a", 1, text.index("(DWD)") + 1, "DWD", "ORG"),
        at("a", 2, text.rindex("DWD"), "DWD", "ORG"),
        at("b", 3, 10, "DWD", "ORG"),  # a later document names only the abbreviation
    ]
    entities, assignment = resolve(mentions)
    assert len(set(assignment.values())) == 1
    assert entities[0].name == "Deutsche Wetterdienst"


def test_a_name_after_an_unrelated_bracket_is_not_an_abbreviation():
    mentions = [at("a", 0, 0, "Moskau", "LOC"), at("a", 1, 8, "AFP", "ORG")]  # "Moskau (AFP)"
    _, assignment = resolve(mentions)
    assert assignment["a-m0"] != assignment["a-m1"]


def test_a_place_mention_of_a_gazetteer_organisation_is_that_organisation():
    entities, assignment = resolve([mention(0, "Kreml", "LOC"), mention(1, "Kreml", "ORG")])
    assert assignment["d0-m0"] == assignment["d1-m1"]
    assert entities[0].type == "ORG"


def test_one_document_at_a_time_gives_the_same_entities_as_one_batch_with_redirects():
    mentions = [
        at("a", 0, 0, "Lukas"), at("a", 1, 30, "Lukas Brandner"),
        at("a", 2, 60, "Deutsche Wetterdienst", "ORG"), at("a", 3, 83, "DWD", "ORG"),
        at("b", 4, 0, "DWD", "ORG"), at("b", 5, 10, "Brandner"), at("b", 6, 30, "Lukas"),
    ]
    batch, batch_assignment = resolve(mentions)
    first, first_assignment = resolve(mentions[:4])
    later, later_assignment = resolve(mentions[4:], known=first)
    assert {**first_assignment, **later_assignment} == batch_assignment
    assert [(e.id, e.name, e.aliases) for e in later] == [(e.id, e.name, e.aliases) for e in batch]


def test_a_name_a_document_calls_both_place_and_organisation_is_one_entity():
    mentions = [
        at("a", 0, 0, "Fortuna Lindenau", "LOC"),  # "Brandner verlässt Fortuna Lindenau"
        at("a", 1, 40, "Fortuna Lindenau", "ORG"),  # "Zweitligist Fortuna Lindenau"
        at("b", 2, 0, "Fortuna Lindenau", "ORG"),
        at("c", 3, 0, "Bayern", "LOC"), at("c", 4, 20, "Bayern", "ORG"),  # one word: left alone
    ]
    entities, assignment = resolve(mentions)
    assert assignment["a-m0"] == assignment["a-m1"] == assignment["b-m2"]
    assert assignment["c-m3"] != assignment["c-m4"]
    assert next(e for e in entities if e.id == assignment["a-m0"]).type == "ORG"


def test_short_forms_of_first_names_are_the_same_person():
    _, assignment = resolve([mention(0, "Joe Biden"), mention(1, "Joseph Biden"), mention(2, "Hunter Biden")])
    assert assignment["d0-m0"] == assignment["d1-m1"] != assignment["d2-m2"]


def test_inflected_names_of_several_words_are_one_organisation():
    mentions = [mention(0, "Deutsche Wetterdienst", "ORG"), mention(1, "Deutschen Wetterdienstes", "ORG"),
                mention(2, "Deutscher Wetterdienst", "ORG"), mention(3, "Deutsche Welle", "ORG")]
    _, assignment = resolve(mentions)
    assert assignment["d0-m0"] == assignment["d1-m1"] == assignment["d2-m2"] != assignment["d3-m3"]


def test_a_known_place_the_model_also_calls_an_organisation_stays_a_place_on_a_tie():
    entities, assignment = resolve([at("a", 0, 0, "New Orleans", "LOC"), at("a", 1, 30, "New Orleans", "ORG")])
    assert assignment["a-m0"] == assignment["a-m1"]
    assert entities[0].type == "LOC"
