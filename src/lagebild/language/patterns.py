"""Role patterns around person names: "Kreml-Sprecher Dmitri Peskow", "Pistorius (SPD)".

Pure functions over token lists. A role word is a capitalised token whose last part is a role
noun (``Sprecher``, ``Präsident``, ``Verteidigungsminister``); a compound's first part names
the affiliation where the gazetteer knows it as an organisation or place ("SPD-Chef",
"Kreml-Sprecher", "US-Präsident"). A short name in parentheses right after a person is the
person's party or organisation ("Boris Pistorius (SPD)").
"""

from __future__ import annotations

import re
from typing import Sequence

_ROLE_HEADS = (
    "präsident präsidentin kanzler kanzlerin minister ministerin sprecher sprecherin chef chefin"
    " berater beraterin botschafter botschafterin gesandte gesandter sekretär sekretärin"
    " bürgermeister bürgermeisterin gouverneur gouverneurin vorsitzende vorsitzender"
    " abgeordnete abgeordneter senator senatorin general generalin kommandeur befehlshaber"
    " premier premierministerin regierungschef regierungschefin staatschef staatschefin"
    " beauftragte beauftragter kommissar kommissarin papst könig königin prinz prinzessin"
    " richter richterin staatsanwalt staatsanwältin anwalt anwältin trainer trainerin direktor"
    " direktorin leiter leiterin oppositionsführer oppositionsführerin diktator machthaber"
    " oberbürgermeister oberbürgermeisterin kandidat kandidatin spitzenkandidat"
    " spitzenkandidatin unterhändler unterhändlerin verhandlungsführer verhandlungsführerin"
    " ministerpräsident ministerpräsidentin außenbeauftragte vizepräsident vizepräsidentin"
    " vizekanzler vizekanzlerin ceo gründer gründerin"
).split()
_ROLE = re.compile(r"(?:" + "|".join(sorted(_ROLE_HEADS, key=len, reverse=True)) + r")$")
_AFFILIATION = re.compile(r"^[A-ZÄÖÜ][\wÄÖÜäöüß/\-]{0,30}$")
AFFILIATION_MAX_TOKENS = 3  # "(Bündnis 90/Die Grünen)" is the longest in German politics


def is_role(word: str) -> bool:
    """Whether ``word`` names a role ("Kreml-Sprecher", "Verteidigungsminister", "Präsident")."""
    return bool(word[:1].isupper() and _ROLE.search(word.lower()))


def role_before(words: Sequence[str], first: int) -> str | None:
    """The role word right before a person name at ``first`` ("US-Präsident Donald Trump")."""
    if first > 0 and is_role(words[first - 1]):
        return words[first - 1]
    return None


def affiliation_from_role(role: str, known: dict[str, str]) -> str | None:
    """"SPD" from "SPD-Chef", "Kreml" from "Kreml-Sprecher" where the prefix is a known name."""
    if "-" not in role:
        return None
    prefix = role.rsplit("-", 1)[0]
    return prefix if known.get(prefix) in {"ORG", "LOC"} else None


def affiliation_after(words: Sequence[str], last: int) -> tuple[str, int] | None:
    """The parenthesised party after a name ending at ``last``: ("SPD", tokens used) or None."""
    if last >= len(words) or words[last] != "(":
        return None
    for size in range(1, AFFILIATION_MAX_TOKENS + 1):
        close = last + 1 + size
        if close < len(words) and words[close] == ")":
            inner = words[last + 1 : close]
            if all(_AFFILIATION.match(w) or w in {"/", "90"} for w in inner):
                return " ".join(inner), size + 2
            return None
    return None
