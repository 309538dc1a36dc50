"""Entity resolution across documents: variants merge, different people stay apart."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

from lagebild.corpus.entities import name_key, resolve
from lagebild.model import Mention

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "entity_variants.json"
# Floors pinned below the measured values (precision 1.00, recall 1.00 when pinned);
# lowering one is a deliberate act.
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


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
