"""Which catalogue facility type is a POI? OSM tags, then Chinese names, then categories.

Order of evidence, strongest first:
1. OSM tag rules of the catalogue (`osm_rules.best_match`, with the footprint area in m2
   for rules such as `@area>=10000`): recorded as "osm:<rule>".
2. Chinese name patterns of the catalogue, for sources without typed OSM tags: the match
   nearest the end of the name wins (Chinese names end with the kind of place), recorded
   as "name:<matched text>".
3. The source's own category field through a category map (the Changning dashboard's
   `type`): recorded as "category:<value>".
Anything else is "unclassified": counted, listed in the project, never silently dropped.

Duplicates (the same place listed by two sources, or twice in one list) are merged after
classification: same type, within 50 m and similar names across sources; within 5 m in
one list. The merged facility keeps every source in `sources`.
"""
from __future__ import annotations

import difflib
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from .catalogue import Catalogue
from .osm_rules import best_match
from .sources.records import PoiRecord

log = logging.getLogger(__name__)

# The Changning community dashboard's `type` values. shop (mixed: tailors, repair,
# companies) and foods (restaurants) have no single catalogue type: their names decide
# (家政/维修/干洗 ... are household services, 助餐 a meal point) or they stay unclassified.
DASHBOARD_CATEGORIES: Dict[str, str] = {
    "neighbor": "party_mass_station_neighbourhood",  # 居委会: hosts the 党群服务站
    "partybuild": "party_mass_station_neighbourhood",  # 居民区党建服务站
    "actcenter": "culture_activity_room",  # 居民活动室
    "care": "household_services",  # 美容美发 (hair and beauty) is a 便民服务
}
UNCLASSIFIED = "unclassified"
# OSM keys that state what a feature is; when present and no rule matched, names are not
# allowed to guess (the catalogue rules deliberately leave it out).
TYPED_KEYS = ("amenity", "shop", "leisure", "healthcare", "office", "craft", "tourism",
              "social_facility", "railway", "public_transport", "emergency")
DUPLICATE_DISTANCE_M = 50.0
SAME_PLACE_M = 5.0
NAME_SIMILARITY = 0.6
_GENERIC = re.compile(r"上海市|上海|长宁区|长宁|[()（）\[\]【】\s·•\-_]")


@dataclass
class Facility:
    """A classified POI on its way into the project (position in the project CRS)."""

    record: PoiRecord
    facility_type: str
    rule: str
    x: float
    y: float
    area_m2: Optional[float] = None
    footprint: object = None  # shapely geometry in the project CRS
    merged: List[Tuple[PoiRecord, str]] = field(default_factory=list)

    @property
    def sources(self) -> List[dict]:
        items = [(self.record, self.rule)] + self.merged
        return [{"source": r.source, "source_id": r.source_id, "rule": rule}
                for r, rule in items]


class Classifier:
    def __init__(self, catalogue: Catalogue,
                 category_map: Optional[Mapping[str, str]] = None) -> None:
        self.catalogue = catalogue
        self.rules = [(t.id, alt) for t in catalogue.types.values() for alt in t.osm_rules]
        self.patterns = [(t.id, t.name_pattern) for t in catalogue.types.values()
                         if t.name_pattern is not None]
        self.category_map = dict(DASHBOARD_CATEGORIES if category_map is None
                                 else category_map)
        unknown = [v for v in self.category_map.values() if v not in catalogue.types]
        if unknown:
            raise ValueError(f"category map names unknown facility types {unknown}")

    def classify(self, record: PoiRecord,
                 area_m2: Optional[float] = None) -> Tuple[str, str]:
        """(facility type id or 'unclassified', rule text)."""
        if record.tags:
            tags = dict(record.tags)
            if record.name and "name" not in tags:
                tags["name"] = record.name
            match = best_match(self.rules, tags, area_m2)
            if match:
                return match[0], f"osm:{match[1].text}"
            if any(key in tags for key in TYPED_KEYS):
                # OSM already says what it is (a bank, a high school the rules exclude):
                # a name pattern must not overrule that ("中国邮政储蓄银行" is no post office).
                return UNCLASSIFIED, ""
        category = (record.category or "").strip()
        category_type = self.category_map.get(category)
        by_name = self.by_name(record.name, prefer=category_type) if record.name else None
        if by_name and (category_type is None or self._refines(by_name[0], category_type)):
            return by_name
        if category_type:
            return category_type, f"category:{category}"
        return UNCLASSIFIED, ""

    def _refines(self, name_type: str, category_type: str) -> bool:
        """A name may sharpen a source category within its task (党建服务站 -> 中心), not
        replace it ("xx广场党建服务站" stays a party service station, not a square)."""
        types = self.catalogue.types
        return types[name_type].task == types[category_type].task

    def by_name(self, name: str, prefer: Optional[str] = None) -> Optional[Tuple[str, str]]:
        """The type named by the end of the name: Chinese names put the kind last.

        "中央商场维修公司" is a repair shop, not a 商场; "银龄阁助餐" a meal point. Among
        matches ending at the same place the longest wins, then the source's category.
        """
        text = unicodedata.normalize("NFKC", name)
        best: Optional[Tuple[Tuple[int, int, int], str, str]] = None
        for type_id, pattern in self.patterns:
            for match in pattern.finditer(text):
                score = (match.end(), len(match.group(0)), int(type_id == prefer))
                if best is None or score > best[0]:
                    best = (score, type_id, match.group(0))
        return (best[1], f"name:{best[2]}") if best else None


def normalised_name(name: Optional[str]) -> str:
    if not name:
        return ""
    return _GENERIC.sub("", unicodedata.normalize("NFKC", name)).lower()


def similar_names(a: Optional[str], b: Optional[str]) -> bool:
    """Same place by name: one contains the other or they share most characters."""
    na, nb = normalised_name(a), normalised_name(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    return difflib.SequenceMatcher(None, na, nb).ratio() >= NAME_SIMILARITY


def merge_duplicates(facilities: Sequence[Facility],
                     distance_m: float = DUPLICATE_DISTANCE_M) -> List[Facility]:
    """Merge facilities of the same type that are the same place; earlier ones win.

    Earlier facilities come from sources listed earlier (the user's order of trust), so
    their name and position are kept and the others join `merged`.
    """
    from scipy.spatial import cKDTree

    if not facilities:
        return []
    points = np.array([(f.x, f.y) for f in facilities])
    tree = cKDTree(points)
    absorbed = np.zeros(len(facilities), dtype=bool)
    kept = []
    for i, facility in enumerate(facilities):
        if absorbed[i]:
            continue
        for j in sorted(tree.query_ball_point(points[i], distance_m)):
            if j <= i or absorbed[j]:
                continue
            other = facilities[j]
            if other.facility_type != facility.facility_type:
                continue
            if _same_place(facility, other, float(np.hypot(*(points[i] - points[j])))):
                absorbed[j] = True
                facility.merged.append((other.record, other.rule))
                facility.merged.extend(other.merged)
                if facility.footprint is None and other.footprint is not None:
                    facility.footprint, facility.area_m2 = other.footprint, other.area_m2
                if not facility.record.name and other.record.name:
                    facility.record.name = other.record.name
        kept.append(facility)
    merged = len(facilities) - len(kept)
    if merged:
        log.info("%d duplicate facilities merged", merged)
    return kept


def _same_place(a: Facility, b: Facility, distance: float) -> bool:
    if a.record.source == b.record.source:
        return distance <= SAME_PLACE_M
    if distance <= SAME_PLACE_M:
        return True
    return similar_names(a.record.name, b.record.name)


def join_osm_identities(records: Iterable[PoiRecord]) -> List[PoiRecord]:
    """One record per OSM object when two files hold it (a point file and an area file).

    The first record is kept; a later one contributes its footprint and missing tags.
    """
    by_id: Dict[str, PoiRecord] = {}
    result = []
    for record in records:
        key = record.source_id if re.match(r"^(node|way|relation)/\d+$",
                                           record.source_id or "") else None
        if key is None:
            result.append(record)
            continue
        first = by_id.get(key)
        if first is None:
            by_id[key] = record
            result.append(record)
            continue
        if first.footprint is None and record.footprint is not None:
            first.footprint = record.footprint
        for k, v in record.tags.items():
            first.tags.setdefault(k, v)
        first.attributes.setdefault("also_in", []).append(record.source)
    return result
