#!/usr/bin/env python3
"""Regenerate seed-data/member-states.json: the IOM's member states and their membership spells.

Inputs:
  * seed-data/raw/iom-member-states-cow.csv — the research's extract of the Correlates of War IGO v3 data (organisation
    "IOMig", 1951–2014) with ISO 3166-1 alpha-3 codes: one row per COW state, its full-membership spells and its 2014
    status. Germany has two rows (COW's West Germany 1965–1989 and Germany from 1990); they become one actor, `deu`.
  * STATES below: the English name, the label used inside a sentence, aliases and, where checked, the Wikidata QID.
  * RESEARCH_MEMBERSHIPS below: the few admissions after 2014 that the research dates (COW stops at 2014).

Output: seed-data/member-states.json, a bundle with the state actors and their MEMBER_OF relations to `iom`, each sorted
by id, 2-space indented, UTF-8. The output depends only on the inputs: running the script twice gives the same bytes.

Usage: python3 seed-data/tools/build_member_states.py [--check]
  --check  exit 1 if member-states.json differs from what the script would write (writes nothing).
Python 3 standard library only.
"""

import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_DIR = os.path.dirname(HERE)
CSV_PATH = os.path.join(SEED_DIR, "raw", "iom-member-states-cow.csv")
OUT_PATH = os.path.join(SEED_DIR, "member-states.json")

COW_SOURCE = "cow-igo-v3"
COW_LOCATOR = "IGO v3, IOMig"

# iso3: (name, label or None for the name itself, aliases, Wikidata QID or None).
# QIDs were checked against a second, independent country table; a state without one was left out on purpose.
STATES = {
    "AFG": ("Afghanistan", None, [], "Q889"),
    "AGO": ("Angola", None, [], "Q916"),
    "ALB": ("Albania", None, [], "Q222"),
    "ARG": ("Argentina", None, [], "Q414"),
    "ARM": ("Armenia", None, [], "Q399"),
    "ATG": ("Antigua and Barbuda", None, [], "Q781"),
    "AUS": ("Australia", None, [], "Q408"),
    "AUT": ("Austria", None, [], "Q40"),
    "AZE": ("Azerbaijan", None, [], "Q227"),
    "BDI": ("Burundi", None, [], "Q967"),
    "BEL": ("Belgium", None, [], "Q31"),
    "BEN": ("Benin", None, [], "Q962"),
    "BFA": ("Burkina Faso", None, [], "Q965"),
    "BGD": ("Bangladesh", None, [], "Q902"),
    "BGR": ("Bulgaria", None, [], "Q219"),
    "BHS": ("Bahamas", "the Bahamas", ["The Bahamas"], "Q778"),
    "BIH": ("Bosnia and Herzegovina", None, [], "Q225"),
    "BLR": ("Belarus", None, [], "Q184"),
    "BLZ": ("Belize", None, [], "Q242"),
    "BOL": ("Bolivia", None, ["Plurinational State of Bolivia"], "Q750"),
    "BRA": ("Brazil", None, [], "Q155"),
    "BWA": ("Botswana", None, [], "Q963"),
    "CAF": ("Central African Republic", "the Central African Republic", [], "Q929"),
    "CAN": ("Canada", None, [], "Q16"),
    "CHE": ("Switzerland", None, ["Swiss Confederation"], "Q39"),
    "CHL": ("Chile", None, [], "Q298"),
    "CHN": ("China", None, ["People's Republic of China"], "Q148"),
    "CIV": ("Côte d'Ivoire", None, ["Ivory Coast"], "Q1008"),
    "CMR": ("Cameroon", None, [], "Q1009"),
    "COD": ("Democratic Republic of the Congo", "the Democratic Republic of the Congo", ["DR Congo", "DRC", "Zaire"], "Q974"),
    "COG": ("Republic of the Congo", "the Republic of the Congo", ["Congo", "Congo-Brazzaville"], "Q971"),
    "COL": ("Colombia", None, [], "Q739"),
    "COM": ("Comoros", "the Comoros", [], "Q970"),
    "CPV": ("Cabo Verde", None, ["Cape Verde"], "Q1011"),
    "CRI": ("Costa Rica", None, [], "Q800"),
    "CYP": ("Cyprus", None, [], "Q229"),
    "CZE": ("Czechia", None, ["Czech Republic"], "Q213"),
    "DEU": ("Germany", None, ["Federal Republic of Germany", "West Germany"], "Q183"),
    "DJI": ("Djibouti", None, [], "Q977"),
    "DNK": ("Denmark", None, [], "Q35"),
    "DOM": ("Dominican Republic", "the Dominican Republic", [], "Q786"),
    "DZA": ("Algeria", None, [], "Q262"),
    "ECU": ("Ecuador", None, [], "Q736"),
    "EGY": ("Egypt", None, [], "Q79"),
    "ESP": ("Spain", None, [], "Q29"),
    "EST": ("Estonia", None, [], "Q191"),
    "ETH": ("Ethiopia", None, [], "Q115"),
    "FIN": ("Finland", None, [], "Q33"),
    "FJI": ("Fiji", None, [], "Q712"),
    "FRA": ("France", None, [], "Q142"),
    "FSM": ("Federated States of Micronesia", "the Federated States of Micronesia", ["Micronesia", "Micronesia (Federated States of)"], "Q702"),
    "GAB": ("Gabon", None, [], "Q1000"),
    "GBR": ("United Kingdom", "the United Kingdom", ["United Kingdom of Great Britain and Northern Ireland", "UK", "Great Britain", "Britain"], "Q145"),
    "GEO": ("Georgia", None, [], "Q230"),
    "GHA": ("Ghana", None, [], "Q117"),
    "GIN": ("Guinea", None, [], "Q1006"),
    "GMB": ("Gambia", "the Gambia", ["The Gambia"], "Q1005"),
    "GNB": ("Guinea-Bissau", None, [], "Q1007"),
    "GRC": ("Greece", None, [], "Q41"),
    "GTM": ("Guatemala", None, [], "Q774"),
    "GUY": ("Guyana", None, [], "Q734"),
    "HND": ("Honduras", None, [], "Q783"),
    "HRV": ("Croatia", None, [], "Q224"),
    "HTI": ("Haiti", None, [], "Q790"),
    "HUN": ("Hungary", None, [], "Q28"),
    "IND": ("India", None, [], "Q668"),
    "IRL": ("Ireland", None, [], "Q27"),
    "IRN": ("Iran", None, ["Islamic Republic of Iran", "Iran (Islamic Republic of)"], "Q794"),
    "ISL": ("Iceland", None, [], "Q189"),
    "ISR": ("Israel", None, [], "Q801"),
    "ITA": ("Italy", None, [], "Q38"),
    "JAM": ("Jamaica", None, [], "Q766"),
    "JOR": ("Jordan", None, [], "Q810"),
    "JPN": ("Japan", None, [], "Q17"),
    "KAZ": ("Kazakhstan", None, [], "Q232"),
    "KEN": ("Kenya", None, [], "Q114"),
    "KGZ": ("Kyrgyzstan", None, [], "Q813"),
    "KHM": ("Cambodia", None, [], "Q424"),
    "KOR": ("Republic of Korea", "South Korea", ["South Korea", "Korea"], "Q884"),
    "LBR": ("Liberia", None, [], "Q1014"),
    "LBY": ("Libya", None, [], "Q1016"),
    "LKA": ("Sri Lanka", None, [], "Q854"),
    "LSO": ("Lesotho", None, [], "Q1013"),
    "LTU": ("Lithuania", None, [], "Q37"),
    "LUX": ("Luxembourg", None, [], "Q32"),
    "LVA": ("Latvia", None, [], "Q211"),
    "MAR": ("Morocco", None, [], "Q1028"),
    "MDA": ("Republic of Moldova", "Moldova", ["Moldova"], "Q217"),
    "MDG": ("Madagascar", None, [], "Q1019"),
    "MDV": ("Maldives", "the Maldives", [], "Q826"),
    "MEX": ("Mexico", None, [], "Q96"),
    "MHL": ("Marshall Islands", "the Marshall Islands", [], "Q709"),
    "MKD": ("North Macedonia", None, ["Macedonia", "former Yugoslav Republic of Macedonia"], "Q221"),
    "MLI": ("Mali", None, [], "Q912"),
    "MLT": ("Malta", None, [], "Q233"),
    "MMR": ("Myanmar", None, ["Burma"], "Q836"),
    "MNE": ("Montenegro", None, [], "Q236"),
    "MNG": ("Mongolia", None, [], "Q711"),
    "MOZ": ("Mozambique", None, [], "Q1029"),
    "MRT": ("Mauritania", None, [], "Q1025"),
    "MUS": ("Mauritius", None, [], "Q1027"),
    "MWI": ("Malawi", None, [], "Q1020"),
    "NAM": ("Namibia", None, [], "Q1030"),
    "NER": ("Niger", None, [], "Q1032"),
    "NGA": ("Nigeria", None, [], "Q1033"),
    "NIC": ("Nicaragua", None, [], "Q811"),
    "NLD": ("Netherlands", "the Netherlands", ["The Netherlands", "Holland"], "Q55"),
    "NOR": ("Norway", None, [], "Q20"),
    "NPL": ("Nepal", None, [], "Q837"),
    "NRU": ("Nauru", None, [], "Q697"),
    "NZL": ("New Zealand", None, [], "Q664"),
    "PAK": ("Pakistan", None, [], "Q843"),
    "PAN": ("Panama", None, [], "Q804"),
    "PER": ("Peru", None, [], "Q419"),
    "PHL": ("Philippines", "the Philippines", ["The Philippines"], "Q928"),
    "PNG": ("Papua New Guinea", None, [], "Q691"),
    "POL": ("Poland", None, [], "Q36"),
    "PRT": ("Portugal", None, [], "Q45"),
    "PRY": ("Paraguay", None, [], "Q733"),
    "ROU": ("Romania", None, [], "Q218"),
    "RUS": ("Russian Federation", "Russia", ["Russia"], "Q159"),
    "RWA": ("Rwanda", None, [], "Q1037"),
    "SDN": ("Sudan", None, ["The Sudan"], "Q1049"),
    "SEN": ("Senegal", None, [], "Q1041"),
    "SLB": ("Solomon Islands", None, [], "Q685"),
    "SLE": ("Sierra Leone", None, [], "Q1044"),
    "SLV": ("El Salvador", None, [], "Q792"),
    "SOM": ("Somalia", None, [], "Q1045"),
    "SRB": ("Serbia", None, ["Serbia and Montenegro", "Federal Republic of Yugoslavia"], "Q403"),
    "SSD": ("South Sudan", None, [], "Q958"),
    "SUR": ("Suriname", None, [], "Q730"),
    "SVK": ("Slovakia", None, [], "Q214"),
    "SVN": ("Slovenia", None, [], "Q215"),
    "SWE": ("Sweden", None, [], "Q34"),
    "SWZ": ("Eswatini", None, ["Swaziland"], "Q1050"),
    "SYC": ("Seychelles", None, [], "Q1042"),
    "TCD": ("Chad", None, [], "Q657"),
    "TGO": ("Togo", None, [], "Q945"),
    "THA": ("Thailand", None, [], "Q869"),
    "TJK": ("Tajikistan", None, [], "Q863"),
    "TKM": ("Turkmenistan", None, [], "Q874"),
    "TLS": ("Timor-Leste", None, ["East Timor"], "Q574"),
    "TTO": ("Trinidad and Tobago", None, [], "Q754"),
    "TUN": ("Tunisia", None, [], "Q948"),
    "TUR": ("Türkiye", None, ["Turkey"], "Q43"),
    "TUV": ("Tuvalu", None, [], "Q672"),
    "TZA": ("United Republic of Tanzania", "Tanzania", ["Tanzania"], "Q924"),
    "UGA": ("Uganda", None, [], "Q1036"),
    "UKR": ("Ukraine", None, [], "Q212"),
    "URY": ("Uruguay", None, [], "Q77"),
    "USA": ("United States of America", "the United States", ["United States", "USA", "US", "U.S."], "Q30"),
    "UZB": ("Uzbekistan", None, [], "Q265"),
    "VCT": ("Saint Vincent and the Grenadines", None, [], "Q757"),
    "VEN": ("Venezuela", None, ["Bolivarian Republic of Venezuela"], "Q717"),
    "VNM": ("Viet Nam", "Vietnam", ["Vietnam"], "Q881"),
    "VUT": ("Vanuatu", None, [], "Q686"),
    "YEM": ("Yemen", None, [], "Q805"),
    "ZAF": ("South Africa", None, [], "Q258"),
    "ZMB": ("Zambia", None, [], "Q953"),
    "ZWE": ("Zimbabwe", None, [], "Q954"),
}

# Short descriptions for states whose COW coding needs explaining.
DESCRIPTIONS = {
    "DEU": ("The Federal Republic of Germany. COW IGO v3 codes West Germany (1965–1989) and unified Germany (from 1990) "
            "as two states; here they are one actor with two IOM membership spells."),
    "SRB": ("COW IGO v3 codes it as 'yugoslaviaserb': the Federal Republic of Yugoslavia / Serbia and Montenegro until 2006, "
            "Serbia after."),
}

# Admissions after 2014 that the research dates (COW IGO v3 stops at 2014).
# iso3: (start, confidence, sourceId, quote, note)
RESEARCH_MEMBERSHIPS = {
    "CHN": ("2016-06-30", "high", "iom-south-africa-2016-new-members",
            "165 (30 Jun 2016, with China, Tuvalu and Solomon Islands)",
            "Admitted with Tuvalu and Solomon Islands, bringing the membership to 165 on 30 June 2016 (IOM South Africa). "
            "Not in COW IGO v3, which stops at 2014."),
    "TUV": ("2016-06-30", "high", "iom-south-africa-2016-new-members",
            "165 (30 Jun 2016, with China, Tuvalu and Solomon Islands)",
            "Admitted with China and Solomon Islands, bringing the membership to 165 on 30 June 2016 (IOM South Africa). "
            "Not in COW IGO v3, which stops at 2014."),
    "SLB": ("2016-06-30", "high", "iom-south-africa-2016-new-members",
            "165 (30 Jun 2016, with China, Tuvalu and Solomon Islands)",
            "Admitted with China and Tuvalu, bringing the membership to 165 on 30 June 2016 (IOM South Africa). "
            "Not in COW IGO v3, which stops at 2014."),
    "UZB": ("2018-11", "medium", "tass-trend-iom-membership", "173 (Nov 2018, Uzbekistan)",
            "Member from November 2018, bringing the membership to 173 (Trend News Agency, 28 Nov 2018). News report only, "
            "hence medium. Not in COW IGO v3, which stops at 2014."),
    "RUS": ("2021-04-19", "medium", "tass-trend-iom-membership",
            "Russia admitted by Council 24 Nov 2020, member 19 Apr 2021",
            "Admitted by the IOM Council on 24 November 2020; a member from 19 April 2021 (TASS). News reports only, hence "
            "medium. Not in COW IGO v3, which stops at 2014."),
}

# States the IOM Council considered in December 2002 (MC/2097/Rev.1) that COW shows only from 2004.
MC_2097 = {"NGA", "ZWE"}
# The December 2011 cohort: news reports (Business Recorder) match COW for these twelve; Micronesia is COW 2010.
COHORT_2011 = {"ATG", "TCD", "COM", "DJI", "ETH", "GUY", "MDV", "MOZ", "NRU", "SYC", "SSD", "VUT"}
COHORT_2011_QUOTE = ("146 (Dec 2011, when 14 joined); the 2011 cohort matches news reports for 12 of 13 COW-coded states "
                     "(Micronesia shows 2010)")


def read_rows():
    with open(CSV_PATH, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expected = ["iso3", "name", "cow_state_code", "first_full_member_year", "full_member_spells", "observer_years", "status_2014"]
    if rows and list(rows[0].keys()) != expected:
        sys.exit(f"unexpected CSV columns: {list(rows[0].keys())}")
    return rows


def parse_spells(text):
    spells = []
    for part in text.split(";"):
        start, end = part.strip().split("-")
        spells.append((int(start), int(end)))
    return spells


def citation(source_id, summary, locator=None):
    c = {"sourceId": source_id, "summary": summary}
    if locator:
        c["locator"] = locator
    return c


def cow_note(iso3, cow_code, start, end, status, next_start):
    parts = []
    if cow_code == "wgermany":
        parts.append("As West Germany: COW codes West Germany ('wgermany', 1965–1989) and unified Germany ('germany', from "
                     "1990) as two states, so the Federal Republic's membership appears as two spells. The Federal Republic "
                     "took part in the 1951 Brussels conference that founded the organisation (see its PARTICIPATES_IN "
                     "relation); COW's first year, 1965, is not verified.")
    elif cow_code == "germany":
        parts.append("Unified Germany, coded by COW from 1990; the Federal Republic's earlier spell (as West Germany, "
                     "1965–1989) is a separate relation.")
    elif cow_code == "yugoslaviaserb":
        parts.append("COW codes this state as 'yugoslaviaserb' (Yugoslavia / Serbia and Montenegro before 2006, Serbia "
                     "after): the spell began as Serbia and Montenegro.")
    if start < 1965 or end < 1965:
        parts.append("COW dates before 1965 are accurate only to within 5 years.")
    parts.append("COW years can lag the IOM Council's admission decision by 1–2 years.")
    if iso3 in MC_2097:
        parts.append("The IOM Council considered its admission in December 2002 (MC/2097/Rev.1), two years before COW's 2004.")
    if iso3 == "FSM":
        parts.append("COW shows 2010, but news reports place it among the 14 states admitted in December 2011 (Business "
                     "Recorder).")
    if iso3 in COHORT_2011:
        parts.append("Matches news reports of the 14 states admitted in December 2011 (Business Recorder).")
    if cow_code == "wgermany":
        parts.append("COW's West Germany series ends in 1989 and its Germany series begins in 1990: this end marks a change "
                     "of COW coding at unification, not a withdrawal.")
    elif end == 2014 and status == "member":
        parts.append("COW IGO v3 stops at 2014, when it was still a member: no end date is given, as the membership continues "
                     "beyond the data.")
    else:
        text = f"COW's last year of full membership is {end}; the withdrawal date is not verified against IOM Council documents."
        if next_start is not None:
            text += f" COW shows it a full member again from {next_start}."
        parts.append(text)
    return " ".join(parts)


def build():
    rows = read_rows()
    spells_by_iso = {}
    for row in rows:
        iso3 = row["iso3"].strip().upper()
        if iso3 not in STATES:
            sys.exit(f"{iso3} ({row['name']}) has no entry in STATES: add its English name and label")
        if row["observer_years"].strip():
            sys.exit(f"{iso3}: observer years are not handled by this script")
        for start, end in parse_spells(row["full_member_spells"]):
            spells_by_iso.setdefault(iso3, []).append((start, end, row["cow_state_code"], row["status_2014"].strip()))

    for iso3 in RESEARCH_MEMBERSHIPS:
        if iso3 in spells_by_iso:
            sys.exit(f"{iso3} is both in the COW data and in RESEARCH_MEMBERSHIPS")

    member_isos = sorted(set(spells_by_iso) | set(RESEARCH_MEMBERSHIPS))
    actors = []
    for iso3 in member_isos:
        name, label, aliases, qid = STATES[iso3]
        actor = {"id": iso3.lower(), "name": name, "kind": "state", "label": label or name}
        if aliases:
            actor["aliases"] = aliases
        actor["iso3"] = iso3
        if qid:
            actor["externalIds"] = {"wikidata": qid}
        if iso3 in DESCRIPTIONS:
            actor["description"] = DESCRIPTIONS[iso3]
        actors.append(actor)

    relations = []
    for iso3, spells in spells_by_iso.items():
        spells.sort()
        for i, (start, end, cow_code, status) in enumerate(spells):
            ongoing = end == 2014 and status == "member"
            next_start = spells[i + 1][0] if i + 1 < len(spells) else None
            rid = f"{iso3.lower()}.member-of.iom" + (f".{start}" if len(spells) > 1 else "")
            summary = f"IOMig: full member {start}–{end}" + (" (status 2014: member)" if ongoing else "")
            sources = [citation(COW_SOURCE, summary, f"{COW_LOCATOR}, state '{cow_code}'")]
            if iso3 in MC_2097:
                sources.append(citation("mc-2097-rev-1",
                                        "Nigeria, Zimbabwe and others were considered by the Council in Dec 2002 (MC/2097) "
                                        "but COW shows 2004.", "MC/2097/Rev.1"))
            if iso3 in COHORT_2011 or iso3 == "FSM":
                sources.append(citation("business-recorder-2011-iom-members", COHORT_2011_QUOTE))
            relation = {"id": rid, "from": iso3.lower(), "to": "iom", "type": "MEMBER_OF", "confidence": "medium",
                        "sources": sources, "start": str(start)}
            if not ongoing:
                relation["end"] = str(end)
            if cow_code == "wgermany":
                relation["role"] = "West Germany (Federal Republic of Germany)"
            relation["note"] = cow_note(iso3, cow_code, start, end, status, next_start)
            relations.append(relation)

    for iso3, (start, confidence, source_id, quote, note) in RESEARCH_MEMBERSHIPS.items():
        relations.append({"id": f"{iso3.lower()}.member-of.iom", "from": iso3.lower(), "to": "iom", "type": "MEMBER_OF",
                          "confidence": confidence, "sources": [citation(source_id, quote)], "start": start, "note": note})

    actors.sort(key=lambda a: a["id"])
    relations.sort(key=lambda r: r["id"])
    return {"actors": actors, "relations": relations}


def render(bundle):
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


def main():
    text = render(build())
    if "--check" in sys.argv[1:]:
        try:
            with open(OUT_PATH, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{OUT_PATH} is out of date: run {os.path.relpath(__file__)}", file=sys.stderr)
            sys.exit(1)
        print(f"{OUT_PATH} is up to date")
        return
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    bundle = json.loads(text)
    print(f"wrote {OUT_PATH}: {len(bundle['actors'])} states, {len(bundle['relations'])} MEMBER_OF relations")


if __name__ == "__main__":
    main()
