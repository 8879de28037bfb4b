#!/usr/bin/env python3
"""Build the season import documents data/seasons/2011-12.json and data/seasons/2012-13.json.

Inputs (default: data/sources/ in this repository, copied unchanged from the shared seeds and
reference folder):
  2011-12-world-cup.txt    season document 2011-12 (calendar, world records, cup top threes)
  2012-13-world-cup.txt    season document 2012-13 (same)
  2012-13-women-500m.txt   2012-13 women's 500 m cup page (medallists, full standings)
  calendars.json           reference calendars (cities, venues, dates, distances, championships)

Output: one import document per season (CONTRACT.md, "Import format (write)"), written with a
2-space indent, ensure_ascii=False and a trailing newline, so regenerating is byte-identical.

Every fact is read from the sources; the few rules that are not in the sources (3-letter city
codes, the race-date rules, the names of the run-together team pursuit record holders) are the
constants below, each checked against the source text. The script fails loudly (SystemExit) if
any check in the validation section does not hold.

Usage: python3 data/tools/make_seasons.py [--sources-dir DIR] [--out-dir DIR] [...]
Standard library only.
"""

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = REPO_ROOT / "data" / "sources"
DEFAULT_OUT = REPO_ROOT / "data" / "seasons"

POINTS_SCHEME = "isu-2012"
TIE_BREAK = "none"

MONTHS = {m: i + 1 for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"])}

CITY_CODES = {
    "Heerenveen": "HVN", "Kolomna": "KOL", "Astana": "AST", "Nagano": "NAG", "Harbin": "HAR",
    "Calgary": "CAL", "Inzell": "INZ", "Erfurt": "ERF", "Chelyabinsk": "CHE",
    "Salt Lake City": "SLC", "Hamar": "HAM", "Berlin": "BER",
}

# Calendar columns, in source order (calendars.json "notes").
DISTANCE_COLUMNS = [
    ("500 m", "500"), ("1000 m", "1000"), ("1500 m", "1500"), ("3000 m", "3000"),
    ("5000 m", "5000"), ("10000 m", "10000"), ("Mass start", "mass-start"),
    ("Team pursuit", "team-pursuit"),
]

CUP_IDS = [
    "men-500", "men-1000", "men-1500", "men-5000-10000", "men-mass-start", "men-team-pursuit",
    "women-500", "women-1000", "women-1500", "women-3000-5000", "women-mass-start",
    "women-team-pursuit",
]

# The world record tables print the team pursuit holders run together; split them explicitly
# (checked: the names joined by spaces must give the printed cell exactly).
TEAM_HOLDERS = {
    "Sven Kramer Carl Verheijen Erben Wennemars":
        ["Sven Kramer", "Carl Verheijen", "Erben Wennemars"],
    "Kristina Groves Christine Nesbitt Brittany Schussler":
        ["Kristina Groves", "Christine Nesbitt", "Brittany Schussler"],
}

# World records claimed as set during 2012-13 (women's 500 m page intro; season page text).
# Each claim carries the sentence(s) it rests on; the script checks that they are in the text.
# A claim is kept only if it beats the record in force on that day (going-into-the-season table
# plus earlier kept claims), unless keep_unverified_claims (the default: the documents' claims are served as stated;
# --only-verified-record-claims drops them).
IN_SEASON_RECORD_CLAIMS_2012_13 = [
    {"gender": "women", "distance": "500", "time": "36.99", "date": "2013-01-19",
     "name": "Lee Sang-hwa", "nationality": "KOR", "occasion": 6,
     "quotes": [("women500", "On January 19, 2013, at the World Cup event in Calgary, she set a "
                             "new world record with a time of 36.99 seconds.")]},
    {"gender": "women", "distance": "500", "time": "36.80", "date": "2013-01-20",
     "name": "Lee Sang-hwa", "nationality": "KOR", "occasion": 6,
     "quotes": [("women500", "The following day, January 20, she surpassed this achievement by "
                             "recording a time of 36.80 seconds"),
                ("season", "At the World Cup stop in Calgary on 20 January 2013, Lee Sang-hwa of "
                           "South Korea set a new world record on the women's 500 metres with a "
                           "time of 36.80 seconds.")]},
]

# Expected outcome of the podium-based naming of unnamed standings rows (regression guard).
EXPECTED_IDENTIFIED_ROWS = {
    2: ("Jenny Wolf", "GER"), 4: ("Olga Fatkulina", "RUS"), 5: ("Heather Richardson", "USA"),
    6: ("Thijsje Oenema", "NED"), 7: ("Nao Kodaira", "JPN"), 8: ("Margot Boer", "NED"),
}

NAT_RE = re.compile(r"^[A-Z]{3}$")
DASH = "\u2013"  # "–": did not start


class DataError(Exception):
    pass


def check(cond, message):
    """Validation that also runs under python3 -O."""
    if not cond:
        raise DataError(message)


# --------------------------------------------------------------------------- text parsing

def parse_sections(text):
    """Split a seed document into headed sections: list of dicts with level, title, parent
    (the enclosing level-2 title), lines."""
    sections = [{"level": 0, "title": "", "parent": "", "lines": []}]
    parent = ""
    for line in text.splitlines():
        m = re.match(r"^(=+)\s*(.*?)\s*=+\s*$", line)
        if m:
            level = len(m.group(1))
            title = m.group(2).strip()
            if level <= 2:
                parent = title
            sections.append({"level": level, "title": title,
                             "parent": parent if level > 2 else "", "lines": []})
        else:
            sections[-1]["lines"].append(line)
    return sections


def find_section(sections, title, parent=None):
    hits = [s for s in sections if s["title"] == title and (parent is None or s["parent"] == parent)]
    check(len(hits) == 1, f"expected one section {title!r} (parent {parent!r}), found {len(hits)}")
    return hits[0]


def split_row(line):
    line = line.strip()
    check(line.startswith("|") and line.endswith("|") and len(line) >= 2, f"not a table row: {line!r}")
    return [c.strip() for c in line[1:-1].split("|")]


def tables(lines):
    """Consecutive '|' lines form a table; returns a list of tables (lists of cell lists)."""
    out, cur = [], None
    for line in lines:
        if line.strip().startswith("|"):
            if cur is None:
                cur = []
                out.append(cur)
            cur.append(split_row(line))
        else:
            cur = None
    return out


def one_table(section):
    t = tables(section["lines"])
    check(len(t) == 1, f"section {section['title']!r}: expected one table, found {len(t)}")
    return t[0]


def long_date(text):
    """'9 November 2007' -> '2007-11-09'."""
    m = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+) (\d{4})", text.strip())
    check(m is not None and m.group(2) in MONTHS, f"bad date {text!r}")
    return date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1))).isoformat()


def season_day(text, years):
    """'16 November' within a season (first year Jul-Dec, second year Jan-Jun) -> ISO date."""
    m = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+)", text.strip())
    check(m is not None and m.group(2) in MONTHS, f"bad day {text!r}")
    month = MONTHS[m.group(2)]
    year = years[0] if month >= 7 else years[1]
    return date(year, month, int(m.group(1))).isoformat()


def nat_first(cell):
    """'NED Jan Smeekens' -> ('Jan Smeekens', 'NED'); 'NED' -> (None, 'NED')."""
    parts = cell.split(" ", 1)
    check(NAT_RE.match(parts[0]) is not None, f"no nationality at start of {cell!r}")
    return (parts[1].strip() if len(parts) > 1 else None), parts[0]


def nat_last(cell):
    """'Lee Sang-hwa KOR' -> ('Lee Sang-hwa', 'KOR')."""
    name, _, nat = cell.rpartition(" ")
    check(NAT_RE.match(nat) is not None and name, f"no nationality at end of {cell!r}")
    return name.strip(), nat


# --------------------------------------------------------------------------- season document

def parse_season_document(text):
    sections = parse_sections(text)
    title = sections[1]["title"]
    m = re.fullmatch(r"((\d{4})\u2013(\d{2})) ISU Speed Skating World Cup", title)
    check(m is not None, f"unexpected title {title!r}")
    first_year = int(m.group(2))
    season_id = f"{m.group(2)}-{m.group(3)}"
    check(int(m.group(3)) == (first_year + 1) % 100, "season years do not follow")
    infobox = find_section(sections, title)["lines"]
    dates_line = [l for l in infobox if l.startswith("- Dates:")]
    check(len(dates_line) == 1, "infobox Dates line")
    dates_text = dates_line[0][len("- Dates:"):].strip()
    start_text, end_text = [p.strip() for p in dates_text.split(DASH)]
    body = "\n".join(infobox)
    om = re.search(r"officially the (Essent ISU World Cup Speed Skating \d{4}\u2013\d{4}),", body)
    check(om is not None, "official name not found")
    races_m = re.search(r"and (\d+) races took place", body)
    check(races_m is not None, "race count sentence not found")

    # Calendar table of the season document (cross-checked against calendars.json).
    cal = one_table(find_section(sections, "Calendar"))
    calendar_rows = []
    for cells in cal[1:]:
        check(len(cells) == 12, f"calendar row width {len(cells)}: {cells}")
        calendar_rows.append(cells)

    # World records going into the season.
    wr_section = find_section(sections, "World records")
    check(any(f"World records going into the {m.group(1)} season." in l for l in wr_section["lines"]),
          "world records intro line")
    records = []
    for gender, heading in (("men", "Men"), ("women", "Women")):
        table = one_table(find_section(sections, heading, parent="World records"))
        check(table[0] == ["Distance", "Time", "Nat.", "Holder", "Date", "Venue", "Reference"],
              f"world record header {table[0]}")
        for cells in table[1:]:
            dist_cell, time, nat, holder, when, venue_city, _ref = cells
            check(NAT_RE.match(nat) is not None, f"record nationality {nat!r}")
            venue, _, city = venue_city.rpartition(", ")
            check(venue and city, f"venue/city {venue_city!r}")
            rec = {"gender": gender}
            tp = re.fullmatch(r"Team pursuit \((\d+) laps\)", dist_cell)
            if tp:
                check(holder in TEAM_HOLDERS, f"unknown team pursuit holders {holder!r}")
                names = TEAM_HOLDERS[holder]
                check(" ".join(names) == holder, f"team holder split does not give {holder!r}")
                rec.update({"distance": "team-pursuit", "time": time, "nation": nat,
                            "skaters": [{"name": n, "nationality": nat} for n in names]})
            else:
                dm = re.fullmatch(r"(\d+) m", dist_cell)
                check(dm is not None, f"record distance {dist_cell!r}")
                rec.update({"distance": dm.group(1), "time": time,
                            "skaters": [{"name": holder, "nationality": nat}]})
            rec.update({"date": long_date(when), "venue": venue, "city": city})
            records.append(rec)

    # Published cup standings (top three of each cup).
    published = []
    for gender, heading in (("men", "Men's standings"), ("women", "Women's standings")):
        for s in sections:
            if s["parent"] != heading or s["level"] != 3:
                continue
            sub = s["title"]
            if sub == "Mass start":
                dists = ["mass-start"]
            elif sub == "Team pursuit":
                dists = ["team-pursuit"]
            else:
                dm = re.fullmatch(r"(\d+)(?: and (\d+))? m", sub)
                check(dm is not None, f"cup heading {sub!r}")
                dists = [d for d in dm.groups() if d]
            cup_id = "-".join([gender] + dists)
            table = one_table(s)
            check(table[0] in (["Rank", "Name", "Points"], ["Rank", "Team", "Points"]),
                  f"standings header {table[0]}")
            rows = []
            for cells in table[1:]:
                check(len(cells) == 3, f"standings row {cells}")
                name, nat = nat_first(cells[1])
                row = {"rank": int(cells[0])}
                if dists == ["team-pursuit"]:
                    check(name is None, f"team row with a name {cells}")
                    row["nation"] = nat
                else:
                    check(name is not None, f"skater row without a name {cells}")
                    row["skater"] = {"name": name, "nationality": nat}
                row["points"] = int(cells[2])
                rows.append(row)
            published.append({"cup": cup_id, "rows": rows})

    return {
        "id": season_id,
        "years": (first_year, first_year + 1),
        "name": title,
        "officialName": om.group(1),
        "startDate": long_date(start_text),
        "endDate": long_date(end_text),
        "datesText": dates_text,
        "statedRaceCount": int(races_m.group(1)),
        "calendarRows": calendar_rows,
        "records": records,
        "published": published,
        "text": text,
    }


# --------------------------------------------------------------------------- women's 500 m page

def parse_women500(text, years):
    sections = parse_sections(text)
    top = one_table(find_section(sections, "Top three"))
    check(top[0] == ["Medal", "Athlete", "Points", "Previous season"], f"top three header {top[0]}")
    top_three = []
    for place, cells in enumerate(top[1:], start=1):
        name, nat = nat_first(cells[1])
        top_three.append({"place": place, "name": name, "nationality": nat, "points": int(cells[2])})

    med = one_table(find_section(sections, "Race medallists"))
    check(med[0][:3] == ["Occasion #", "Location", "Date"], f"medallists header {med[0]}")
    medallists = []  # (occasion, order, date, location, [(name, nat, time, flagged_wr)])
    occasion, location, order = None, None, 0
    for cells in med[1:]:
        check(len(cells) == 10, f"medallist row width {len(cells)}: {cells}")
        if re.fullmatch(r"\d+", cells[0]):
            occasion, location, order = int(cells[0]), cells[1], 1
            day, podium_cells = cells[2], cells[3:9]
            check(cells[9] == "", f"report cell {cells}")
        else:
            check(occasion is not None, "continuation row before any occasion row")
            order += 1
            day, podium_cells = cells[0], cells[1:7]
            check(cells[7:] == ["", "", ""], f"continuation row tail {cells}")
        podium = []
        for i in range(3):
            name, nat = nat_last(podium_cells[2 * i])
            time = podium_cells[2 * i + 1]
            flagged = time.endswith(" WR")
            if flagged:
                time = time[:-3]
            check(re.fullmatch(r"\d{2}\.\d{2,3}", time) is not None, f"time {time!r}")
            podium.append({"name": name, "nationality": nat, "time": time, "wr": flagged})
        medallists.append({"occasion": occasion, "order": order, "date": season_day(day, years),
                           "location": location, "podium": podium})

    st_section = find_section(sections, "Standings")
    st = one_table(st_section)
    header = st[0]
    check(header[:3] == ["#", "Name", "Nat."] and header[-1] == "Total", f"standings header {header}")
    codes = header[3:-1]
    n = len(codes)
    rows = []
    for pos, cells in enumerate(st[1:], start=1):
        check(len(cells) == n + 4, f"standings row {pos} width {len(cells)}")
        if cells[0] == "" and NAT_RE.match(cells[1]) and cells[-1] == "":
            # Tied rank: rank cell empty and the name cell missing, so every cell moved left.
            printed_rank, name, nat = None, None, cells[1]
            race_cells, total = cells[2:2 + n], cells[2 + n]
        else:
            check(NAT_RE.match(cells[2]) is not None, f"standings row {pos}: nationality {cells[2]!r}")
            printed_rank = int(cells[0]) if cells[0] else None
            name = cells[1] or None
            nat = cells[2]
            race_cells, total = cells[3:3 + n], cells[3 + n]
        points = []
        for c in race_cells:
            if c == DASH:
                points.append(None)
            else:
                check(re.fullmatch(r"\d+", c) is not None, f"standings row {pos}: cell {c!r}")
                points.append(int(c))
        rows.append({"row": pos, "printedRank": printed_rank, "name": name, "nationality": nat,
                     "points": points, "total": int(total)})
    return {"topThree": top_three, "medallists": medallists, "codes": codes, "rows": rows,
            "text": text}


# --------------------------------------------------------------------------- building

def parse_cell(cell):
    """'2m, 2w' -> {'men': 2, 'women': 2}; 'm' -> {'men': 1}."""
    counts = {}
    for part in cell.split(","):
        m = re.fullmatch(r"(\d*)([mw])", part.strip())
        check(m is not None, f"calendar cell {cell!r}")
        gender = "men" if m.group(2) == "m" else "women"
        check(gender not in counts, f"calendar cell {cell!r} repeats a gender")
        counts[gender] = int(m.group(1) or 1)
    return counts


def check_calendar_against_document(season_doc, cal):
    """The calendar table printed in the season document agrees with calendars.json."""
    wcs = {wc["wc"]: wc for wc in cal["world_cups"]}
    champs = {c["name"]: c for c in cal["championships"]}
    last_wc = 0
    seen_wc, seen_ch = set(), set()
    for cells in season_doc["calendarRows"]:
        if cells[0] == "Total":
            continue  # garbled in both stored copies (calendars.json notes)
        if cells[0] == "":
            name = cells[4]
            check(name in champs, f"championship {name!r} not in calendars.json")
            ch = champs[name]
            check(ch["venue"] == cells[2] and ch["after_wc"] == last_wc,
                  f"championship {name!r} venue/position")
            check(cells[1] in ("", f"{ch['country_code']} {ch['city']}", ch["city"]),
                  f"championship {name!r} city cell {cells[1]!r}")
            seen_ch.add(name)
            continue
        number = int(cells[0])
        wc = wcs[number]
        check(wc["venue"] == cells[2], f"WC{number} venue {cells[2]!r} vs {wc['venue']!r}")
        check(cells[1] in ("", wc["city"], f"{wc['country_code']} {wc['city']}"),
              f"WC{number} city cell {cells[1]!r}")
        printed = {label: cells[4 + i] for i, (label, _) in enumerate(DISTANCE_COLUMNS) if cells[4 + i]}
        check(printed == wc["distances"], f"WC{number} distances {printed} vs {wc['distances']}")
        last_wc = number
        seen_wc.add(number)
    check(seen_wc == set(wcs), "calendar weekends differ")
    check(seen_ch == set(champs), "calendar championships differ")


def race_code_map(races):
    """races: list of (occasion, order, cityCode) in season order -> codes per CONTRACT.md."""
    per_city = {}
    for occ, order, city in races:
        per_city.setdefault(city, []).append((occ, order))
    codes = {}
    for city, items in per_city.items():
        for i, key in enumerate(items, start=1):
            codes[key] = city if len(items) == 1 else f"{city}{i}"
    return codes


def cup_distances(cup_id):
    rest = cup_id.split("-", 1)[1]
    return [rest] if rest in ("mass-start", "team-pursuit") else rest.split("-")


def to_seconds(time):
    """'36.80' -> 36.8, '1:06.42' -> 66.42."""
    mins, _, secs = time.rpartition(":")
    return (int(mins) * 60 if mins else 0) + float(secs)


def place_points(is_final):
    return [150, 120, 105] if is_final else [100, 80, 70]


def build_women500_results(w500, occasions, cup_races):
    """Returns ({(occasion, order): [results]}, {(occasion, order): date}, info)."""
    rows, codes = w500["rows"], w500["codes"]
    code_of = race_code_map([(o, r, occasions[o]["cityCode"]) for o, r in cup_races])
    expected_codes = [code_of[k] for k in cup_races]
    check(codes == expected_codes, f"standings race codes {codes} vs calendar {expected_codes}")
    index_of = {k: i for i, k in enumerate(cup_races)}

    # Row checks: 47 rows, sums, printed ranks.
    check(len(rows) == 47, f"women's 500 m standings: {len(rows)} rows, expected 47")
    for r in rows:
        s = sum(p for p in r["points"] if p is not None)
        check(s == r["total"], f"row {r['row']}: cells sum to {s}, Total {r['total']}")
    for prev, r in zip([None] + rows[:-1], rows):
        if r["printedRank"] is None:
            check(prev is not None and prev["total"] == r["total"],
                  f"row {r['row']}: tied rank but total differs from the row above")
        else:
            check(r["printedRank"] == r["row"], f"row {r['row']}: printed rank {r['printedRank']}")
    check(all(a["total"] >= b["total"] for a, b in zip(rows, rows[1:])), "totals not descending")

    # Medallist table -> races.
    medal_keys = [(m["occasion"], m["order"]) for m in w500["medallists"]]
    check(medal_keys == cup_races, f"medallist races {medal_keys} vs calendar {cup_races}")
    dates = {}
    for m in w500["medallists"]:
        occ = occasions[m["occasion"]]
        check(m["location"].split(",")[0] == occ["city"], f"medallist location {m['location']!r}")
        if occ["startDate"] and occ["endDate"]:
            check(occ["startDate"] <= m["date"] <= occ["endDate"], f"race date {m['date']} outside weekend")
        dates[(m["occasion"], m["order"])] = m["date"]
    check(len(set(dates.values())) == len(dates), "two women's 500 m races on one day")

    # Evidence per podium athlete: (race index or 'total', points).
    evidence = {}
    for m in w500["medallists"]:
        pts = place_points(occasions[m["occasion"]]["isFinal"])
        for place, p in enumerate(m["podium"]):
            key = (p["name"], p["nationality"])
            evidence.setdefault(key, []).append((index_of[(m["occasion"], m["order"])], pts[place]))
    for t in w500["topThree"]:
        evidence.setdefault((t["name"], t["nationality"]), []).append(("total", t["points"]))

    def matches(row, ev):
        for idx, pts in ev:
            have = row["total"] if idx == "total" else row["points"][idx]
            if have != pts:
                return False
        return True

    athlete_row = {}
    for (name, nat), ev in sorted(evidence.items()):
        named = [r for r in rows if r["name"] == name and r["nationality"] == nat]
        if named:
            check(len(named) == 1, f"{name} printed on {len(named)} rows")
            check(matches(named[0], ev), f"{name}: podium points disagree with row {named[0]['row']}")
            athlete_row[(name, nat)] = named[0]["row"]
        else:
            cands = [r for r in rows if r["name"] is None and r["nationality"] == nat and matches(r, ev)]
            check(len(cands) == 1,
                  f"{name} ({nat}): {len(cands)} unnamed rows match the podium points "
                  f"{[c['row'] for c in cands]}")
            athlete_row[(name, nat)] = cands[0]["row"]
    check(len(set(athlete_row.values())) == len(athlete_row), "two podium athletes share a row")
    identified = {row: key for key, row in athlete_row.items()
                  if rows[row - 1]["name"] is None}

    def skater(r):
        if r["name"]:
            return {"name": r["name"], "nationality": r["nationality"]}
        if r["row"] in identified:
            return {"name": identified[r["row"]][0], "nationality": r["nationality"]}
        return {"name": None, "nationality": r["nationality"],
                "sourceRef": f"2012-13 women's 500 m standings, row {r['row']}"}

    results = {}
    for m in w500["medallists"]:
        key = (m["occasion"], m["order"])
        idx = index_of[key]
        podium_rows = []
        out = []
        for place, p in enumerate(m["podium"], start=1):
            r = rows[athlete_row[(p["name"], p["nationality"])] - 1]
            podium_rows.append(r["row"])
            pts = r["points"][idx]
            check(pts == place_points(occasions[m["occasion"]]["isFinal"])[place - 1],
                  f"{w500['codes'][idx]} place {place}: {pts} points")
            out.append({"division": "a", "rank": place, "skater": skater(r), "time": p["time"],
                        "points": pts})
        rest = [r for r in rows if r["points"][idx] is not None and r["row"] not in podium_rows]
        bronze = out[-1]["points"]
        for r in rest:
            check(r["points"][idx] < bronze, f"{codes[idx]} row {r['row']}: more points than bronze")
        rest.sort(key=lambda r: (-r["points"][idx], r["row"]))
        for r in rest:
            out.append({"division": None, "rank": None, "skater": skater(r), "points": r["points"][idx]})
        results[key] = out
    info = {"identified": identified, "athleteRow": athlete_row, "codes": codes,
            "printedNames": sum(1 for r in rows if r["name"])}
    return results, dates, info


def build_season(season_doc, cal, w500=None, keep_unverified_claims=False):
    years = season_doc["years"]
    check(cal["season_dates"] == season_doc["datesText"],
          f"season dates {cal['season_dates']!r} vs {season_doc['datesText']!r}")
    check_calendar_against_document(season_doc, cal)

    wcs = sorted(cal["world_cups"], key=lambda w: w["wc"])
    check([w["wc"] for w in wcs] == list(range(1, len(wcs) + 1)), "weekend numbers not 1..N")
    last = wcs[-1]["wc"]
    occasions = {}
    for wc in wcs:
        check(wc["city"] in CITY_CODES, f"no city code for {wc['city']!r}")
        occasions[wc["wc"]] = {
            "number": wc["wc"], "city": wc["city"], "cityCode": CITY_CODES[wc["city"]],
            "country": wc["country_code"], "venue": wc["venue"],
            "startDate": wc["start_date"], "endDate": wc["end_date"],
            "isFinal": wc["wc"] == last, "races": [],
        }
        check(NAT_RE.match(wc["country_code"]) is not None, f"country {wc['country_code']!r}")

    # Race slots from the calendar cells, in column order, men before women, order 1 before 2.
    for wc in wcs:
        known = {label for label, _ in DISTANCE_COLUMNS}
        check(set(wc["distances"]) <= known, f"WC{wc['wc']} unknown distance {set(wc['distances']) - known}")
        for label, dist in DISTANCE_COLUMNS:
            if label not in wc["distances"]:
                continue
            counts = parse_cell(wc["distances"][label])
            for gender in ("men", "women"):
                for order in range(1, counts.get(gender, 0) + 1):
                    occasions[wc["wc"]]["races"].append(
                        {"gender": gender, "distance": dist, "order": order, "date": None})

    def race(occ, gender, dist, order):
        hits = [r for r in occasions[occ]["races"]
                if (r["gender"], r["distance"], r["order"]) == (gender, dist, order)]
        check(len(hits) == 1, f"race WC{occ} {gender} {dist} #{order} not in the calendar")
        return hits[0]

    # Race dates tied by a source to one specific race.
    dated = []
    for wc in wcs:
        basis = wc["date_basis"] or ""
        # "women's team pursuit race on 3 March" (2012-13 WC8, women's team pursuit cup page).
        for m in re.finditer(r"(men's|women's) team pursuit race on (\d{1,2} [A-Z][a-z]+)", basis):
            gender = "women" if m.group(1) == "women's" else "men"
            d = season_day(m.group(2), years)
            check(d in wc["race_dates_seen"], f"WC{wc['wc']}: {d} not in race_dates_seen")
            r = race(wc["wc"], gender, "team-pursuit", 1)
            check(parse_cell(wc["distances"]["Team pursuit"]).get(gender) == 1, "one team pursuit race")
            r["date"] = d
            dated.append((wc["wc"], gender, "team-pursuit", 1, d))
        # 500 m race dates cited from the men's 500 m cup page (2011-12).
        if "Men's 500 metres" in basis and season_doc["id"] == "2011-12":
            seen = wc["race_dates_seen"]
            check(len(seen) == 2 and seen[0] < seen[1], f"WC{wc['wc']}: race_dates_seen {seen}")
            check(parse_cell(wc["distances"]["500 m"]).get("men") == 2, f"WC{wc['wc']}: two men's 500 m")
            for order, d in enumerate(seen, start=1):
                race(wc["wc"], "men", "500", order)["date"] = d
                dated.append((wc["wc"], "men", "500", order, d))

    info = {"dated": dated}
    if w500 is not None:
        cup_races = [(o, r["order"]) for o in sorted(occasions) for r in occasions[o]["races"]
                     if r["gender"] == "women" and r["distance"] == "500"]
        results, dates, info500 = build_women500_results(w500, occasions, cup_races)
        info.update(info500)
        for (occ, order), res in results.items():
            r = race(occ, "women", "500", order)
            r["date"] = dates[(occ, order)]
            r["results"] = res
            dated.append((occ, "women", "500", order, dates[(occ, order)]))

    championships = []
    for ch in sorted(cal["championships"], key=lambda c: c["after_wc"]):
        championships.append({
            "name": ch["name"], "city": ch["city"], "venue": ch["venue"],
            "country": ch["country_code"], "startDate": ch["start_date"],
            "endDate": ch["end_date"], "afterOccasion": ch["after_wc"],
        })

    records = list(season_doc["records"])
    rejected = []
    if season_doc["id"] == "2012-13":
        texts = {"season": season_doc["text"], "women500": w500["text"] if w500 else ""}
        for claim in IN_SEASON_RECORD_CLAIMS_2012_13:
            for where, quote in claim["quotes"]:
                check(quote in texts[where], f"record claim quote not in {where}: {quote!r}")
            # The record in force that day: fastest earlier record of that gender/distance.
            prior = [r for r in records if r["gender"] == claim["gender"]
                     and r["distance"] == claim["distance"] and r["date"] < claim["date"]]
            best = min(prior, key=lambda r: to_seconds(r["time"]))
            occ = occasions[claim["occasion"]]
            rec = {"gender": claim["gender"], "distance": claim["distance"], "time": claim["time"],
                   "skaters": [{"name": claim["name"], "nationality": claim["nationality"]}],
                   "date": claim["date"], "venue": occ["venue"], "city": occ["city"]}
            if to_seconds(claim["time"]) < to_seconds(best["time"]) or keep_unverified_claims:
                records.append(rec)
            else:
                rejected.append((claim, best))
    info["rejectedRecordClaims"] = rejected

    doc = {
        "season": season_doc["id"],
        "name": season_doc["name"],
        "officialName": season_doc["officialName"],
        "startDate": season_doc["startDate"],
        "endDate": season_doc["endDate"],
        "pointsScheme": POINTS_SCHEME,
        "tieBreak": TIE_BREAK,
        "occasions": [occasions[n] for n in sorted(occasions)],
        "championships": championships,
        "worldRecords": records,
        "publishedStandings": season_doc["published"],
    }
    return doc, info


# --------------------------------------------------------------------------- validation

def validate(docs, infos, stated_counts):
    d12, d13 = docs["2011-12"], docs["2012-13"]

    def races(doc):
        return [(o["number"], r) for o in doc["occasions"] for r in o["races"]]

    # Race and occasion counts.
    check(len(races(d13)) == 82, f"2012-13: {len(races(d13))} races, expected 82")
    check(len(races(d12)) == 76, f"2011-12: {len(races(d12))} races, expected 76")
    check(stated_counts["2012-13"] == 82, "2012-13 text no longer says 82 races")
    check(stated_counts["2011-12"] == 72, "2011-12 text no longer says 72 races (README note)")
    check(len(d13["occasions"]) == 9 and len(d12["occasions"]) == 7, "occasion counts 9 / 7")
    check(len(d13["championships"]) == 3 and len(d12["championships"]) == 4, "championship counts 3 / 4")

    for doc in (d12, d13):
        sid = doc["season"]
        finals = [o["number"] for o in doc["occasions"] if o["isFinal"]]
        check(finals == [len(doc["occasions"])], f"{sid}: final occasion {finals}")
        check(doc["occasions"][0]["startDate"] == doc["startDate"], f"{sid}: season start")
        check(doc["occasions"][-1]["endDate"] == doc["endDate"], f"{sid}: season end")
        keys = set()
        for num, r in races(doc):
            k = (num, r["gender"], r["distance"], r["order"])
            check(k not in keys, f"{sid}: duplicate race {k}")
            keys.add(k)
            o = doc["occasions"][num - 1]
            if r["date"] and o["startDate"] and o["endDate"]:
                check(o["startDate"] <= r["date"] <= o["endDate"], f"{sid}: race {k} date outside weekend")
            if r["date"]:
                check(doc["startDate"] <= r["date"] <= doc["endDate"], f"{sid}: race {k} outside season")
        # Cups and published standings.
        cups = [p["cup"] for p in doc["publishedStandings"]]
        check(cups == CUP_IDS, f"{sid}: published cups {cups}")
        for p in doc["publishedStandings"]:
            check([r["rank"] for r in p["rows"]] == [1, 2, 3], f"{sid} {p['cup']}: ranks")
            pts = [r["points"] for r in p["rows"]]
            check(pts == sorted(pts, reverse=True), f"{sid} {p['cup']}: points not descending")
        # Every calendar race belongs to exactly one cup.
        for _, r in races(doc):
            cups_of = [c for c in CUP_IDS if c.split("-", 1)[0] == r["gender"]
                       and r["distance"] in cup_distances(c)]
            check(len(cups_of) == 1, f"{sid}: race {r} belongs to cups {cups_of}")
        # World records.
        base = [w for w in doc["worldRecords"]]
        check(sum(1 for w in base if w["gender"] == "men") == 6, f"{sid}: 6 men's records")
        for w in base:
            check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", w["date"]) is not None, f"{sid}: record date")

    check(len(d12["worldRecords"]) == 12, "2011-12: 12 world records")
    n13 = len(d13["worldRecords"])
    check(n13 == 12 + 2 - len(infos["2012-13"]["rejectedRecordClaims"]), "2012-13 world record count")

    # Dated races are exactly the ones the brief names.
    d12_dated = sorted((o, g, d, k) for o, g, d, k, _ in infos["2011-12"]["dated"])
    check(d12_dated == sorted((o, "men", "500", k) for o in (1, 2, 3, 6) for k in (1, 2)),
          f"2011-12 dated races {d12_dated}")
    d13_dated = sorted((o, g, d, k) for o, g, d, k, _ in infos["2012-13"]["dated"])
    check(d13_dated == sorted([(8, "women", "team-pursuit", 1)] +
                              [(o, "women", "500", k) for o in (1, 4, 5, 6, 8, 9) for k in (1, 2)]),
          f"2012-13 dated races {d13_dated}")
    all_dated = [(o["number"], r) for o in d12["occasions"] + d13["occasions"] for r in o["races"] if r["date"]]
    check(len(all_dated) == len(d12_dated) + len(d13_dated), "undated races must stay null")

    # Women's 500 m 2012-13 results.
    w500 = [(num, r) for num, r in races(d13) if r["gender"] == "women" and r["distance"] == "500"]
    check(len(w500) == 12 and all("results" in r for _, r in w500), "12 women's 500 m races with results")
    check(all("results" not in r for _, r in races(d13) if not (r["gender"] == "women" and r["distance"] == "500")),
          "only the women's 500 m races carry results")
    check(all("results" not in r for _, r in races(d12)), "2011-12 has no results")
    expected_dates = ["2012-11-16", "2012-11-17", "2012-12-08", "2012-12-09", "2012-12-15",
                      "2012-12-16", "2013-01-19", "2013-01-20", "2013-03-01", "2013-03-02",
                      "2013-03-08", "2013-03-10"]
    check([r["date"] for _, r in w500] == expected_dates, "women's 500 m race dates")

    def skater_key(s):
        return (s["name"], s["nationality"], s.get("sourceRef"))

    totals, after6 = {}, {}
    for i, (num, r) in enumerate(w500):
        res = r["results"]
        check([x["rank"] for x in res[:3]] == [1, 2, 3] and all(x["division"] == "a" for x in res[:3]),
              "podium first")
        check(all(x["division"] is None and x["rank"] is None and "time" not in x for x in res[3:]),
              "non-podium results carry no division, rank or time")
        check(len({skater_key(x["skater"]) for x in res}) == len(res), "a skater twice in a race")
        for x in res:
            k = skater_key(x["skater"])
            totals[k] = totals.get(k, 0) + x["points"]
            if num <= 6:
                after6[k] = after6.get(k, 0) + x["points"]
    check(len(totals) == 47, f"{len(totals)} distinct competitors, expected 47")
    ranking = sorted(totals.items(), key=lambda kv: -kv[1])
    computed_top3 = [(k[0], k[1], p) for k, p in ranking[:3]]
    pub = next(p for p in d13["publishedStandings"] if p["cup"] == "women-500")
    published_top3 = [(r["skater"]["name"], r["skater"]["nationality"], r["points"]) for r in pub["rows"]]
    check(computed_top3 == published_top3,
          f"computed women-500 top three {computed_top3} vs published {published_top3}")
    check(computed_top3 == [("Lee Sang-hwa", "KOR", 1055), ("Jenny Wolf", "GER", 851),
                            ("Wang Beixing", "CHN", 756)], "women-500 top three")
    check(ranking[2][1] > ranking[3][1], "no tie at third place")
    check(sum(1 for (_, r) in w500[:8]) == 8 and w500[7][0] == 6, "first 8 races = through occasion 6")
    check(after6.get(("Lee Sang-hwa", "KOR", None)) == 800, "Lee Sang-hwa after occasion 6")
    check(after6.get(("Jenny Wolf", "GER", None)) == 481, "Jenny Wolf after occasion 6")

    identified = infos["2012-13"]["identified"]
    check(identified == EXPECTED_IDENTIFIED_ROWS, f"identified rows {identified}")
    printed_names = infos["2012-13"]["printedNames"]
    unnamed = sum(1 for k in totals if k[0] is None)
    check(printed_names == 9 and unnamed == 47 - printed_names - len(identified),
          f"{unnamed} unnamed competitors, {printed_names} printed names")


# --------------------------------------------------------------------------- main

def write_json(path, doc):
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources-dir", type=Path, default=DEFAULT_SOURCES,
                    help="folder holding the seed .txt files and calendars.json (default: data/sources)")
    ap.add_argument("--calendars", type=Path, help="calendars.json (default: SOURCES/calendars.json)")
    ap.add_argument("--season-2011-12", type=Path, help="default: SOURCES/2011-12-world-cup.txt")
    ap.add_argument("--season-2012-13", type=Path, help="default: SOURCES/2012-13-world-cup.txt")
    ap.add_argument("--women-500-2012-13", type=Path, help="default: SOURCES/2012-13-women-500m.txt")
    ap.add_argument("--out-dir", type=Path, default=DEFAULT_OUT, help="default: data/seasons")
    ap.add_argument("--only-verified-record-claims", action="store_true",
                    help="drop in-season record claims that do not beat the record in force "
                         "(by default the documents' claims are listed as they state them)")
    args = ap.parse_args(argv)

    src = args.sources_dir
    paths = {
        "calendars": args.calendars or src / "calendars.json",
        "2011-12": args.season_2011_12 or src / "2011-12-world-cup.txt",
        "2012-13": args.season_2012_13 or src / "2012-13-world-cup.txt",
        "women500": args.women_500_2012_13 or src / "2012-13-women-500m.txt",
    }
    read = {k: p.read_text(encoding="utf-8") for k, p in paths.items()}
    calendars = json.loads(read["calendars"])

    try:
        docs, infos, stated = {}, {}, {}
        for sid in ("2011-12", "2012-13"):
            season_doc = parse_season_document(read[sid])
            check(season_doc["id"] == sid, f"{paths[sid]} is season {season_doc['id']}")
            cal_key = sid.replace("-", "\u2013")
            w500 = parse_women500(read["women500"], season_doc["years"]) if sid == "2012-13" else None
            docs[sid], infos[sid] = build_season(season_doc, calendars[cal_key], w500,
                                                 not args.only_verified_record_claims)
            stated[sid] = season_doc["statedRaceCount"]
        validate(docs, infos, stated)
    except DataError as e:
        print(f"make_seasons: check failed: {e}", file=sys.stderr)
        return 1

    for sid, doc in docs.items():
        out = args.out_dir / f"{sid}.json"
        write_json(out, doc)
        n_races = sum(len(o["races"]) for o in doc["occasions"])
        print(f"wrote {out}: {len(doc['occasions'])} occasions, {n_races} races, "
              f"{len(doc['championships'])} championships, {len(doc['worldRecords'])} world records, "
              f"{len(doc['publishedStandings'])} published cups")
    for claim, best in infos["2012-13"]["rejectedRecordClaims"]:
        print(f"note: not listed as a world record: {claim['gender']} {claim['distance']} m "
              f"{claim['time']} on {claim['date']} (record in force: {best['time']} "
              f"{best['skaters'][0]['name']}, {best['date']})", file=sys.stderr)
    print(f"note: 2011-12 text says {stated['2011-12']} races; the calendar cells give 76 (served)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
