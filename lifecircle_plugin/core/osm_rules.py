"""The small rule language of the catalogue's `osm_rules` column.

A rule is a list of alternatives separated by `;`; an alternative is a conjunction of
conditions joined by ` + `. Conditions:

    key=v1|v2     tag equals one of the values          key=*     tag present
    key!=v1|v2    tag absent or not one of the values    name~re   name matches regex
    name!~re      name missing or not matching           @area>=N  footprint area (m2)
    @area<N       footprint area below N, or no footprint known

Unknown area fails `>=` and passes `<`: a park mapped as a bare point counts as small,
which under-claims provision rather than over-claiming it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Tuple

_COND = re.compile(
    r"^(?P<key>@area|[A-Za-z_][\w:.-]*)\s*(?P<op>!=|=|!~|~|>=|<=|<|>)\s*(?P<value>[^=!<>~\s].*)$"
)


class RuleSyntaxError(ValueError):
    pass


@dataclass(frozen=True)
class Condition:
    key: str
    op: str
    values: Tuple[str, ...] = ()
    pattern: Optional[re.Pattern] = None
    number: float = 0.0

    def matches(self, tags: Mapping[str, str], area_m2: Optional[float]) -> bool:
        if self.key == "@area":
            if area_m2 is None:
                return self.op in ("<", "<=")
            return {
                ">=": area_m2 >= self.number,
                ">": area_m2 > self.number,
                "<": area_m2 < self.number,
                "<=": area_m2 <= self.number,
            }[self.op]
        value = tags.get(self.key)
        if self.op == "=":
            if self.values == ("*",):
                return value not in (None, "", "no")
            return value is not None and value in self.values
        if self.op == "!=":
            return value is None or value not in self.values
        if self.op == "~":
            return value is not None and self.pattern.search(value) is not None
        if self.op == "!~":
            return value is None or self.pattern.search(value) is None
        return False


@dataclass(frozen=True)
class Alternative:
    conditions: Tuple[Condition, ...]
    text: str

    def matches(self, tags: Mapping[str, str], area_m2: Optional[float] = None) -> bool:
        return all(c.matches(tags, area_m2) for c in self.conditions)

    @property
    def specificity(self) -> int:
        """More conditions = more specific; a specific rule beats a bare tag rule."""
        return len(self.conditions)


def parse_condition(text: str) -> Condition:
    m = _COND.match(text.strip())
    if not m:
        raise RuleSyntaxError(f"cannot read condition '{text.strip()}'")
    key, op, value = m.group("key"), m.group("op"), m.group("value").strip()
    if key == "@area":
        if op not in (">=", ">", "<", "<="):
            raise RuleSyntaxError(f"@area takes >=, >, < or <=, not '{op}'")
        try:
            return Condition(key, op, number=float(value))
        except ValueError as exc:
            raise RuleSyntaxError(f"@area needs a number, got '{value}'") from exc
    if op in ("~", "!~"):
        try:
            return Condition(key, op, pattern=re.compile(value, re.IGNORECASE))
        except re.error as exc:
            raise RuleSyntaxError(f"bad pattern '{value}': {exc}") from exc
    if op in ("=", "!="):
        values = tuple(v.strip() for v in value.split("|") if v.strip())
        if not values:
            raise RuleSyntaxError(f"no value in '{text.strip()}'")
        return Condition(key, op, values=values)
    raise RuleSyntaxError(f"operator '{op}' is only for @area")


def parse_rules(text: str) -> Tuple[Alternative, ...]:
    alternatives = []
    for part in (p.strip() for p in (text or "").split(";")):
        if not part:
            continue
        conditions = tuple(parse_condition(c) for c in part.split(" + "))
        if not any(c.op in ("=",) and c.key != "@area" for c in conditions):
            raise RuleSyntaxError(f"'{part}' needs at least one key=value condition")
        alternatives.append(Alternative(conditions, part))
    return tuple(alternatives)


def best_match(
    rules: Sequence[Tuple[str, Alternative]],
    tags: Mapping[str, str],
    area_m2: Optional[float] = None,
) -> Optional[Tuple[str, Alternative]]:
    """The most specific matching (facility_id, alternative); first in order on a tie."""
    best = None
    for facility_id, alt in rules:
        if alt.matches(tags, area_m2) and (best is None or alt.specificity > best[1].specificity):
            best = (facility_id, alt)
    return best
