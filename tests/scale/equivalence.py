"""Helpers of the scale tests: run the pipeline on examples/ and compare JSON exports."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def export(store) -> dict:
    """The JSON export without the one field that differs between runs (``generated``)."""
    from lagebild.export import json as json_export

    data = json_export.build(store)
    data.pop("generated")
    return data


def ingest_examples(location, **pipeline_options) -> dict:
    from lagebild.pipeline import Pipeline
    from lagebild.store import open_store

    with open_store(location) as store:
        report = Pipeline(store, **pipeline_options).ingest([EXAMPLES])
        assert report.added, "examples/ gave no documents"
        return export(store)


def first_difference(a: dict, b: dict) -> str:
    """A short description of where two exports differ, for assertion messages."""
    for key in a:
        if a[key] != b.get(key):
            if isinstance(a[key], list) and isinstance(b.get(key), list):
                for i, (x, y) in enumerate(zip(a[key], b[key])):
                    if x != y:
                        return f"{key}[{i}]: {str(x)[:300]} != {str(y)[:300]}"
                return f"{key}: {len(a[key])} vs {len(b[key])} records"
            return f"{key}: {str(a[key])[:200]} != {str(b.get(key))[:200]}"
    return "no difference"


def without_entity_ids(data: dict) -> dict:
    """The export with every entity id replaced by the entity's first mention, and each entity's
    mentions sorted: what is left when entity ids and mention order may differ."""
    import json

    names = {}
    for entity in data["entities"]:
        first = min((m["document_id"], m["start"]) for m in entity["mentions"]) if entity["mentions"] else ()
        names[entity["id"]] = "entity@" + ":".join(map(str, first))
    text = json.dumps(data, ensure_ascii=False)
    for old, new in names.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    out = json.loads(text)
    for entity in out["entities"]:
        entity["mentions"] = sorted(entity["mentions"], key=lambda m: (m["document_id"], m["start"]))
    out["entities"] = sorted(out["entities"], key=lambda e: e["id"])
    return out
