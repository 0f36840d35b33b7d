"""CSV/XLSX POI lists with longitude/latitude columns, as exported from Chinese web maps.

Such lists arrive in GCJ-02 (AMap, Tencent) or BD-09 (Baidu) and with the usual quirks of
hand-edited spreadsheets: a UTF-8 BOM or GBK encoding, full-width digits (１２１．４),
Chinese commas as separators (121，31), and latitude/longitude swapped. Each quirk is
repaired when the intent is unambiguous, or reported with file, row and column.
"""
from __future__ import annotations

import csv
import io
import logging
import unicodedata
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np

from ..coords import normalise_datum, to_wgs84
from ..errors import InputError
from .ogr_layer import ADDRESS_FIELDS, CATEGORY_FIELDS, ID_FIELDS, NAME_FIELDS, pick_field
from .records import PoiRecord, clean_text

log = logging.getLogger(__name__)

LON_FIELDS = ("lon", "lng", "longitude", "x", "经度", "lon_gcj02", "lng_gcj02", "lon_bd09",
              "lon_wgs84", "point_x")
LAT_FIELDS = ("lat", "latitude", "y", "纬度", "lat_gcj02", "lat_bd09", "lat_wgs84", "point_y")
ENCODINGS = ("utf-8-sig", "gb18030")


def read_rows(path, encoding: Optional[str] = None,
              sheet: Optional[str] = None) -> Tuple[List[str], List[Dict[str, object]]]:
    """Header and rows (dicts) of a CSV or XLSX file, numbered as a spreadsheet shows them
    (header = row 1; a quoted value spanning two lines is still one row)."""
    path = Path(path)
    if not path.exists():
        raise InputError("file not found", file=path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    raw = path.read_bytes()
    for candidate in ([encoding] if encoding else ENCODINGS):
        try:
            text = raw.decode(candidate)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    else:
        raise InputError("cannot decode the text (tried UTF-8 and GB18030); name the "
                         "encoding", file=path)
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = "，" if first.count("，") > first.count(",") else (
        "\t" if first.count("\t") > first.count(",") else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        raise InputError("the file is empty", file=path)
    header = [_clean_header(h) for h in rows[0]]
    body = []
    for number, cells in enumerate(rows[1:], start=2):
        if any(cell.strip() for cell in cells):
            body.append({**dict(zip(header, cells)), "__row__": number})
    return header, body


def _read_xlsx(path: Path, sheet: Optional[str]):
    try:
        import openpyxl
    except ImportError:
        raise InputError("reading .xlsx needs the openpyxl package", file=path) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise InputError(f"cannot read the workbook: {exc}", file=path) from None
    if sheet and sheet not in book.sheetnames:
        raise InputError(f"no sheet '{sheet}' (sheets: {book.sheetnames})", file=path,
                         layer=sheet)
    worksheet = book[sheet] if sheet else book.worksheets[0]
    rows = list(worksheet.iter_rows(values_only=True))
    if not rows:
        raise InputError("the sheet is empty", file=path, layer=worksheet.title)
    header = [_clean_header(str(h) if h is not None else "") for h in rows[0]]
    body = []
    for number, values in enumerate(rows[1:], start=2):
        if all(v in (None, "") for v in values):
            continue
        item = {h: ("" if v is None else v) for h, v in zip(header, values)}
        item["__row__"] = number
        body.append(item)
    return header, body


def _clean_header(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().lstrip("\ufeff")


def parse_number(value) -> Optional[float]:
    """'１２１．４３', ' 121,43 ' style decimals -> float; '' -> None; else ValueError."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    text = text.replace("。", ".").replace("°", "")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    return float(text)


def read_table_pois(
    path, source: Optional[str] = None, datum: str = "WGS84",
    lon_field: Optional[str] = None, lat_field: Optional[str] = None,
    name_field: Optional[str] = None, category_field: Optional[str] = None,
    id_field: Optional[str] = None, address_field: Optional[str] = None,
    encoding: Optional[str] = None, sheet: Optional[str] = None,
    skip_missing: bool = True,
) -> List[PoiRecord]:
    """POIs from a table; coordinates converted from `datum` to WGS84."""
    path = Path(path)
    try:
        datum = normalise_datum(datum)
    except ValueError as exc:
        raise InputError(str(exc), file=path) from None
    header, rows = read_rows(path, encoding, sheet)
    lon_f = pick_field(header, lon_field, LON_FIELDS, path, sheet, "longitude")
    lat_f = pick_field(header, lat_field, LAT_FIELDS, path, sheet, "latitude")
    if not lon_f or not lat_f:
        raise InputError("no longitude/latitude columns found; name them (columns: "
                         f"{', '.join(header)})", file=path, layer=sheet,
                         field="lon" if not lon_f else "lat")
    name_f = pick_field(header, name_field, NAME_FIELDS + ("juweihui_name",), path, sheet,
                        "name")
    cat_f = pick_field(header, category_field, CATEGORY_FIELDS, path, sheet, "category")
    id_f = pick_field(header, id_field, ID_FIELDS + ("juweihui_code",), path, sheet, "id")
    addr_f = pick_field(header, address_field, ADDRESS_FIELDS, path, sheet, "address")
    kept, lons, lats, skipped, swapped = [], [], [], [], []
    for item in rows:
        row = item["__row__"]
        lon = _coordinate(item.get(lon_f), path, sheet, row, lon_f)
        lat = _coordinate(item.get(lat_f), path, sheet, row, lat_f)
        if lon is None or lat is None:
            if skip_missing:
                skipped.append(row)
                continue
            raise InputError("missing coordinate", file=path, layer=sheet, row=row,
                             field=lon_f if lon is None else lat_f)
        lon, lat, was_swapped = _checked_order(lon, lat, path, sheet, row, lon_f)
        if was_swapped:
            swapped.append(row)
        kept.append(item)
        lons.append(lon)
        lats.append(lat)
    if skipped:
        log.warning("%s: %d rows without coordinates skipped (rows %s%s)", path.name,
                    len(skipped), ", ".join(map(str, skipped[:10])),
                    " ..." if len(skipped) > 10 else "")
    if swapped:
        log.warning("%s: latitude/longitude swapped and corrected in %d rows (rows %s%s)",
                    path.name, len(swapped), ", ".join(map(str, swapped[:10])),
                    " ..." if len(swapped) > 10 else "")
    wlon, wlat = to_wgs84(np.array(lons), np.array(lats), datum)
    records = []
    for item, x, y in zip(kept, np.atleast_1d(wlon), np.atleast_1d(wlat)):
        row = item["__row__"]
        identifier = clean_text(item.get(id_f)) if id_f else None
        records.append(PoiRecord(
            source=source or path.stem, source_id=identifier or str(row),
            name=clean_text(item.get(name_f)) if name_f else None,
            lon=float(x), lat=float(y),
            address=clean_text(item.get(addr_f)) if addr_f else None,
            category=clean_text(item.get(cat_f)) if cat_f else None,
            row=row,
            attributes={k: v for k, v in item.items()
                        if k != "__row__" and k not in (lon_f, lat_f)},
        ))
    return records


def _coordinate(value, path, sheet, row, field) -> Optional[float]:
    try:
        return parse_number(value)
    except ValueError:
        raise InputError(f"'{value}' is not a coordinate", file=path, layer=sheet, row=row,
                         field=field) from None


def _checked_order(lon: float, lat: float, path, sheet, row,
                   field) -> Tuple[float, float, bool]:
    """Swap latitude/longitude typed the wrong way round when the ranges prove it; the
    caller logs one line for all swapped rows (a whole file swapped is one mistake)."""
    if abs(lon) <= 180 and abs(lat) <= 90:
        if abs(lat) > abs(lon) and abs(lat) > 60 and abs(lon) < 60:
            return lat, lon, True
        return lon, lat, False
    if abs(lat) <= 180 and abs(lon) <= 90:
        return lat, lon, True
    raise InputError(f"coordinates ({lon}, {lat}) are outside the valid range", file=path,
                     layer=sheet, row=row, field=field)


def detect_columns(header: Sequence[str]) -> Dict[str, Optional[str]]:
    """Which columns the reader would use, for a GUI to pre-fill its choices."""
    def first(candidates):
        lower = {h.lower(): h for h in header}
        return next((lower[c.lower()] for c in candidates if c.lower() in lower), None)

    return {"lon": first(LON_FIELDS), "lat": first(LAT_FIELDS), "name": first(NAME_FIELDS),
            "category": first(CATEGORY_FIELDS), "address": first(ADDRESS_FIELDS)}
