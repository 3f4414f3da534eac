#!/usr/bin/env python3
"""Regenerate seed-data/member-states.json: the IOM's member and observer states and their spells.

Inputs:
  * seed-data/raw/iom-member-states-cow.csv — the research's extract of the Correlates of War IGO v3.0 data for the IOM
    (COW abbreviation "IOMig", 1951–2014) with ISO 3166-1 alpha-3 codes: one row per COW state, its full-membership
    spells and its 2014 status. Each spell becomes a MEMBER_OF relation citing the COW rows as a `record`.
  * STATES below: the English name, the label used inside a sentence, aliases and, where checked, the Wikidata QID.
  * CORRECTIONS below: COW spells whose dates a primary or news source corrects (the COW record stays cited).
  * RESEARCH_MEMBERSHIPS below: members that COW does not have (the Holy See, outside the COW state system, and the
    admissions after 2014), each with its sources.
  * OBSERVERS below: the observer states that can be named, as OBSERVER_OF relations.
  * UNPLACED_2023 below: member states of 2023 whose membership cannot be shown to hold on 2023-06-30.

Output: seed-data/member-states.json, a bundle with the state actors and their MEMBER_OF and OBSERVER_OF relations to
`iom`, each sorted by id, 2-space indented, UTF-8. The output depends only on the inputs: running the script twice
gives the same bytes. Every run also checks that MEMBERS_2023 (175) member states hold on MID_2023 (2023-06-30),
apart from the states listed in UNPLACED_2023, and fails otherwise.

Usage: python3 seed-data/tools/build_member_states.py [--check]
  --check  exit 1 if member-states.json differs from what the script would write (writes nothing).
Python 3 standard library only.
"""

import calendar
import csv
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_DIR = os.path.dirname(HERE)
CSV_PATH = os.path.join(SEED_DIR, "raw", "iom-member-states-cow.csv")
OUT_PATH = os.path.join(SEED_DIR, "member-states.json")

# The COW data, cited as the records it is (see the source cow-igo-v3 in sources.json).
COW_SOURCE = "cow-igo-v3"
COW_DATASET = "COW IGO v3.0"
# The research read the IGO-year form (Form 1, igo_year_formatv3; igoR's igo_year_format3): one row per IGO and year, one
# column per state, the IOM's rows having ioname "IOMig". Its value codes: 0 No Membership, 1 Full Membership, 2 Associate
# Membership, 3 Observer, -9 Missing data, -1 State Not System Member (codebook, version 3.0a).
COW_TABLE = "igo_year_formatv3"
COW_VARIABLE = "IOMig"
COW_CODES = {"1": "Full Membership"}

# The official count the membership is checked against (IOM site header and AP, May 2023: 175 member states).
MEMBERS_2023 = 175
MID_2023 = "2023-06-30"

# iso3: (name, label or None for the name itself, aliases, Wikidata QID or None).
# QIDs were checked against a second, independent country table; a state without one was left out on purpose (the
# Holy See's QID is not Vatican City's, Q237, which the country tables give for VAT; the Cook Islands are in one only).
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
    "BRB": ("Barbados", None, [], "Q244"),
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
    "COK": ("Cook Islands", "the Cook Islands", [], None),
    "COL": ("Colombia", None, [], "Q739"),
    "COM": ("Comoros", "the Comoros", [], "Q970"),
    "CPV": ("Cabo Verde", None, ["Cape Verde"], "Q1011"),
    "CRI": ("Costa Rica", None, [], "Q800"),
    "CUB": ("Cuba", None, [], "Q241"),
    "CYP": ("Cyprus", None, [], "Q229"),
    "CZE": ("Czechia", None, ["Czech Republic"], "Q213"),
    "DEU": ("Germany", None, ["Federal Republic of Germany", "West Germany"], "Q183"),
    "DJI": ("Djibouti", None, [], "Q977"),
    "DMA": ("Dominica", None, [], "Q784"),
    "DNK": ("Denmark", None, [], "Q35"),
    "DOM": ("Dominican Republic", "the Dominican Republic", [], "Q786"),
    "DZA": ("Algeria", None, [], "Q262"),
    "ECU": ("Ecuador", None, [], "Q736"),
    "EGY": ("Egypt", None, [], "Q79"),
    "ERI": ("Eritrea", None, [], "Q986"),
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
    "GRD": ("Grenada", None, [], "Q769"),
    "GTM": ("Guatemala", None, [], "Q774"),
    "GUY": ("Guyana", None, [], "Q734"),
    "HND": ("Honduras", None, [], "Q783"),
    "HRV": ("Croatia", None, [], "Q224"),
    "HTI": ("Haiti", None, [], "Q790"),
    "HUN": ("Hungary", None, [], "Q28"),
    "IDN": ("Indonesia", None, [], "Q252"),
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
    "KIR": ("Kiribati", None, [], "Q710"),
    "KNA": ("Saint Kitts and Nevis", None, ["St Kitts and Nevis"], "Q763"),
    "KOR": ("Republic of Korea", "South Korea", ["South Korea", "Korea"], "Q884"),
    "KWT": ("Kuwait", None, [], "Q817"),
    "LAO": ("Lao People's Democratic Republic", "Laos", ["Laos", "Lao PDR"], "Q819"),
    "LBR": ("Liberia", None, [], "Q1014"),
    "LBY": ("Libya", None, [], "Q1016"),
    "LCA": ("Saint Lucia", None, ["St Lucia"], "Q760"),
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
    "PLW": ("Palau", None, [], "Q695"),
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
    "STP": ("São Tomé and Príncipe", None, ["Sao Tome and Principe"], "Q1039"),
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
    "TON": ("Tonga", None, [], "Q678"),
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
    "VAT": ("Holy See", "the Holy See", ["Vatican"], None),
    "VCT": ("Saint Vincent and the Grenadines", None, [], "Q757"),
    "VEN": ("Venezuela", None, ["Bolivarian Republic of Venezuela"], "Q717"),
    "VNM": ("Viet Nam", "Vietnam", ["Vietnam"], "Q881"),
    "VUT": ("Vanuatu", None, [], "Q686"),
    "WSM": ("Samoa", None, [], "Q683"),
    "YEM": ("Yemen", None, [], "Q805"),
    "ZAF": ("South Africa", None, [], "Q258"),
    "ZMB": ("Zambia", None, [], "Q953"),
    "ZWE": ("Zimbabwe", None, [], "Q954"),
}


def Q(source_id, quote, locator=None):
    """A citation carrying the source's own words (checked against raw/excerpts/{source_id}.txt by check.py)."""
    c = {"sourceId": source_id, "quote": quote}
    if locator:
        c["locator"] = locator
    return c


def S(source_id, summary, locator=None):
    """A citation carrying a curator's summary of what the source says."""
    c = {"sourceId": source_id, "summary": summary}
    if locator:
        c["locator"] = locator
    return c


# Quotes used by several entries.
BRECORDER_MONDAY = Q("business-recorder-2011-iom-members",
                     "Fourteen countries joined the International Organisation for Migration on Monday as the body marked "
                     "its 60th anniversary.")
BRECORDER_OTHERS = Q("business-recorder-2011-iom-members",
                     "The other new members are Antigua and Barbuda, Chad, Comoros, Djibouti, Guyana, the Maldives, "
                     "Micronesia, Mozambique, Nauru, the Seychelles and Vanuatu.")
BRECORDER_FIRST = Q("business-recorder-2011-iom-members",
                    "Ethiopia, South Sudan and the Holy See were among the states admitted at the opening of the three-day "
                    "IOM council meeting in Geneva.")
FRUS_SESSION = Q("frus-1952-54-v01p2-d248-picmme-4th-session",
                 "The Fourth Session of the Provisional Intergovernmental Committee for the Movement of Migrants from "
                 "Europe was held at Geneva from October 13 through October 21, 1952.")
FRUS_MEMBERS = Q("frus-1952-54-v01p2-d248-picmme-4th-session",
                 "The twenty governments participating in the Fourth Session were, therefore: Australia, Austria, Belgium, "
                 "Bolivia (as an observer), Brazil, Canada, Chile, Denmark, France, Germany, Greece, Italy, Israel, "
                 "Luxembourg, the Netherlands, Paraguay, Sweden, Switzerland, the United States, and Venezuela.")
FRUS_OBSERVERS = Q("frus-1952-54-v01p2-d248-picmme-4th-session",
                   "The following nine governments and the Holy See were represented at the Fourth Session by observers: "
                   "Colombia, Costa Rica, Ecuador, Norway, Panama, Peru, Spain, the United Kingdom, and Uruguay.")
PRETORIA_2015 = Q("iom-pretoria-2015-106th-council-opens",
                  "IOM’s 106th Council, which opens today, will this week consider applications for IOM membership from "
                  "five States – the Democratic Republic of São Tomé and Príncipe, the Federation of Saint Kitts and Nevis, "
                  "the Republic of Kiribati, the State of Eritrea and Saint Lucia. IOM is currently comprised of 157 Member "
                  "States.")
C106_DATES = Q("iom-c-106-54-rev1-report-106th-council", "Geneva Tuesday, 24 November, to Friday, 27 November 2015")
IDF_2024_TITLE = Q("iom-idf-eligible-member-states-line-2-2024",
                   "List of IOM Member States Eligible for Allocations from the IOM Development Fund (Line 2), by Region, "
                   "August 2024")
SOUTH_AFRICA_2016 = Q("iom-south-africa-2016-new-members",
                      "Also at the Special Council the People's Republic of China became a member of IOM, bringing to 165 "
                      "the number of IOM member states. China’s membership comes as two more new member states—Tuvalu and "
                      "Solomon Islands—join IOM")
AP_2016 = Q("ap-foxnews-2016-iom-join-un-system",
            "The 65-year-old intergovernmental body also announced Thursday that China, Tuvalu and Solomon Islands will "
            "join the IOM, bringing its total number of member states to 165.")
AZ_2017_MEMBERS = Q("migration-gov-az-2017-108th-council",
                    "After the election of officers, the candidacy of the Republic of Cuba and Cook Islands which applied for "
                    "the membership to the organization was voted and they were unanimously elected as the members of the "
                    "Organization.")
AZ_2017_OPENED = Q("migration-gov-az-2017-108th-council",
                   "108th Session of the Council of International Organization for Migration was launched at the Palais des "
                   "Nations in Geneva, on November 28.")
C108_DATES = Q("iom-c-108-23-report-108th-council", "Geneva Tuesday, 28 November, to Friday, 1 December 2017")

NOT_IN_COW = "Not in COW IGO v3, which stops at 2014."

# Short descriptions for states whose coding or status needs explaining.
DESCRIPTIONS = {
    "DEU": ("The Federal Republic of Germany. COW IGO v3 codes West Germany (1965–1989) and unified Germany (from 1990) "
            "as two states; here they are one actor with one IOM membership, documented from October 1952."),
    "SRB": ("COW IGO v3 codes it as 'yugoslaviaserb': the Federal Republic of Yugoslavia / Serbia and Montenegro until 2006, "
            "Serbia after."),
    "VAT": ("The Holy See, outside the COW state system: an observer of the organisation by October 1952 and an IOM "
            "member state since 5 December 2011. ISO 3166-1 codes it VAT."),
    "COK": "A self-governing state in free association with New Zealand, not a UN member; an IOM member state since 2017.",
}

# COW spells whose start a primary or news source corrects. The COW record stays cited; its caveats go in the note.
# iso3: {"start" or "heldOn": date, "confidence": ..., "sources": [...], "note": text}; "merge": True makes all of the
# state's COW spells one relation (Germany: COW's West Germany and Germany series are one state's one membership).
COHORT_2011 = ["ATG", "TCD", "COM", "DJI", "ETH", "GUY", "MDV", "MOZ", "NRU", "SYC", "SSD", "VUT"]
COHORT_2011_NOTE = ("Admitted with thirteen other states, the Holy See among them, at the opening of the 100th IOM Council "
                    "(Geneva, 5–7 December 2011), which news reports date to Monday 5 December (Business Recorder; the Holy "
                    "See's admission on 5 December is also reported by the Catholic News Agency). December 2011 matches "
                    "COW's year; the day is medium (a Maldivian report of 7 December says 'yesterday').")
CORRECTIONS = {
    **{iso3: {"start": "2011-12-05", "confidence": "medium",
              "sources": [BRECORDER_MONDAY, BRECORDER_FIRST if iso3 in ("ETH", "SSD") else BRECORDER_OTHERS]
              + ([Q("raajje-2011-maldives-member-iom",
                    "Maldives was yesterday admitted as a member of the InternationalOrganisation for Migration (IOM)")]
                 if iso3 == "MDV" else []),
              "note": COHORT_2011_NOTE} for iso3 in COHORT_2011},
    "FSM": {"start": "2011-12-05", "confidence": "medium",
            "sources": [Q("fsm-2011-statement-admission-iom",
                          "It gives me great pleasure to be here on the occasion of my country's admission to the "
                          "International Organization for Migration (IOM)."), BRECORDER_MONDAY, BRECORDER_OTHERS],
            "note": ("Admitted in December 2011, not in 2010 as COW shows: the Federated States' own statement of 7 December "
                     "2011 was made on the occasion of its admission, and news reports list Micronesia among the fourteen "
                     "states admitted on Monday 5 December 2011 at the opening of the 100th IOM Council. The month is high; "
                     "the day medium (a Maldivian report of 7 December dates the admissions 'yesterday').")},
    "DEU": {"heldOn": "1952-10-13", "confidence": "medium", "merge": True, "sources": [FRUS_SESSION, FRUS_MEMBERS],
            "note": ("A member by October 1952: the Federal Republic was one of the twenty governments represented as "
                     "members at the fourth session of PICMME (Geneva, 13–21 October 1952; FRUS, high), so COW's first "
                     "year, 1965, is too late (COW dates before 1965 are accurate only to within 5 years); its joining date "
                     "is not known. COW codes West Germany ('wgermany', 1965–1989) and unified Germany ('germany', from "
                     "1990) as two states; the Federal Republic is one state, which the GDR joined in 1990, so this is one "
                     "continuous membership. Medium: the membership from 1952 to COW's 1965 rests on no document of its "
                     "own. COW IGO v3 stops at 2014, when it was still a member: no end date is given.")},
    "AUT": {"heldOn": "1952-10-13", "confidence": "medium", "sources": [FRUS_SESSION, FRUS_MEMBERS],
            "note": ("A member by October 1952: Austria was one of the twenty governments represented as members at the "
                     "fourth session of PICMME (Geneva, 13–21 October 1952; FRUS, high), so COW's first year, 1955, is too "
                     "late (COW dates before 1965 are accurate only to within 5 years); its joining date is not known. "
                     "Medium: the membership from 1952 to COW's 1955 rests on no document of its own. COW IGO v3 stops at "
                     "2014, when it was still a member: no end date is given.")},
}

# States whose application for membership was before the IOM Council in December 2002 (MC/2097/Rev.1); COW shows 2004.
MC_2097 = {"NGA": "(i) Federal Republic of Nigeria", "KHM": "(ii) Kingdom of Cambodia", "ZWE": "(iii) Republic of Zimbabwe",
           "KAZ": "(iv) Republic of Kazakhstan", "RWA": "(v) Rwandese Republic"}

# COW 1951 states that the report on PICMME's fourth session (October 1952) does not show as members: a flag, no change.
FLAGS_1952 = {
    "NOR": ("observer", FRUS_OBSERVERS), "COL": ("observer", FRUS_OBSERVERS), "CRI": ("observer", FRUS_OBSERVERS),
    "URY": ("observer", FRUS_OBSERVERS), "ARG": ("absent", FRUS_MEMBERS),
    "SWE": ("joined", Q("frus-1952-54-v01p2-d248-picmme-4th-session", "Sweden had joined the Committee since the Third "
                        "Session.")),
}

# Members that COW does not have. iso3: {"start" or "heldOn", "confidence", "sources", "note"}.
RESEARCH_MEMBERSHIPS = {
    "VAT": {"start": "2011-12-05", "confidence": "high",
            "sources": [Q("iom-country-holy-see", "It became an IOM Member State in December 2011."),
                        Q("cna-2011-holy-see-joins-iom", "The Holy See officially joined the organization on Dec. 5."),
                        Q("vis-2011-holy-see-member-iom",
                          "VATICAN CITY, 6 DEC 2011 (VIS) - The Holy See yesterday became a member State of the "
                          "International Organisation for Migration (IOM-OIM)."), BRECORDER_FIRST],
            "note": ("Admitted on 5 December 2011, at the opening of the 100th IOM Council, with thirteen other states "
                     "(IOM gives the month; the Catholic News Agency and the Vatican Information Service the day). An "
                     "observer before (see its OBSERVER_OF relation). Outside the COW state system, so not in COW IGO v3.")},
    **{iso3: {"start": "2015-11", "confidence": conf, "sources": [PRETORIA_2015, C106_DATES] + extra,
              "note": note + " " + NOT_IN_COW}
       for iso3, conf, extra, note in [
           ("STP", "medium", [IDF_2024_TITLE],
            "Its application was before the 106th IOM Council (Geneva, 24–27 November 2015), which began with 157 member "
            "states; with the three admissions of 2016 the count reached 165 on 30 June 2016, which needs all five "
            "applicants of November 2015 admitted. It is on IOM's member list of August 2024 (IOM Development Fund, "
            "Line 2). The admission itself is not stated for it, hence medium."),
           ("KIR", "medium", [IDF_2024_TITLE],
            "Its application was before the 106th IOM Council (Geneva, 24–27 November 2015), which began with 157 member "
            "states; with the three admissions of 2016 the count reached 165 on 30 June 2016, which needs all five "
            "applicants of November 2015 admitted. It is on IOM's member list of August 2024 (IOM Development Fund, "
            "Line 2). The admission itself is not stated for it, hence medium."),
           ("ERI", "medium", [Q("tesfanews-2015-iom-council-approves-eritrea",
                                "The 106th session of the Council of the International Organization for Migration (IOM) "
                                "approved unanimously the admission of the State of Eritrea as a member of the "
                                "organisation, effective immediately."), IDF_2024_TITLE],
            "Admitted by the 106th IOM Council (Geneva, 24–27 November 2015), 'effective immediately' (TesfaNews, an "
            "Eritrean news site); on IOM's member list of August 2024 (IOM Development Fund, Line 2). The day is not "
            "certain, hence the month; medium, as the admission is reported by a news site only."),
           ("KNA", "low", [],
            "Its application was before the 106th IOM Council (Geneva, 24–27 November 2015), which began with 157 member "
            "states; with the three admissions of 2016 the count reached 165 on 30 June 2016, which needs all five "
            "applicants of November 2015 admitted. Low: no page states its admission, and it is not on IOM's Development "
            "Fund list of August 2024, which names only eligible (lower-income) members."),
           ("LCA", "low", [],
            "Its application was before the 106th IOM Council (Geneva, 24–27 November 2015), which began with 157 member "
            "states; with the three admissions of 2016 the count reached 165 on 30 June 2016, which needs all five "
            "applicants of November 2015 admitted. Low: no page states its admission, and it is not on IOM's Development "
            "Fund list of August 2024, which names only eligible members (why it is missing was not found)."),
       ]},
    "CHN": {"start": "2016-06-30", "confidence": "high", "sources": [SOUTH_AFRICA_2016, AP_2016],
            "note": ("Became a member at the Special Council of 30 June 2016, bringing the membership to 165 (IOM South "
                     "Africa). " + NOT_IN_COW)},
    **{iso3: {"heldOn": "2016-06-30", "confidence": "medium", "sources": [SOUTH_AFRICA_2016, AP_2016],
              "note": ("A member by 30 June 2016: IOM counted 165 member states with China's admission that day, 'as two "
                       "more new member states—Tuvalu and Solomon Islands—join IOM' (IOM South Africa); the day it joined "
                       "is not stated (AP wrote that they 'will join'), hence no start and medium. " + NOT_IN_COW)}
       for iso3 in ("TUV", "SLB")},
    **{iso3: {"start": "2017-11-28", "confidence": "medium", "sources": [AZ_2017_MEMBERS, AZ_2017_OPENED, C108_DATES],
              "note": ("Admitted unanimously at the opening of the 108th IOM Council, 28 November 2017 (State Migration "
                       "Service of Azerbaijan; the Council's report gives the session as 28 November to 1 December 2017; an "
                       "IOM news item dates the opening 27 November). Medium: the admission is reported by a member "
                       "state's agency, not by IOM. " + NOT_IN_COW)}
       for iso3 in ("CUB", "COK")},
    "LAO": {"start": "2018-06", "confidence": "high",
            "sources": [Q("iom-2018-lao-national-workshop-171st",
                          "follows the Southeast Asian nation’s accession to IOM membership in June 2018, when it became "
                          "the 171st member state of the UN Migration Agency."),
                        Q("iom-country-lao-pdr",
                          "The Lao People’s Democratic Republic joined IOM as its 171st Member State in June 2018.")],
            "note": "IOM's 171st member state, from June 2018 (IOM; the day is not given). " + NOT_IN_COW},
    "UZB": {"start": "2018-11-27", "confidence": "high",
            "sources": [Q("iom-2018-uzbekistan-173rd-member",
                          "The 109th Session of the UN Migration Agency’s Council, which opened today in Geneva, has voted "
                          "to support the application of the Republic of Uzbekistan to join IOM as a Member State, "
                          "bringing the total membership to 173."),
                        Q("asiaplus-2018-uzbekistan-173rd-member",
                          "The 109th Session of the UN Migration Agency’s Council, which opened in Geneva on November 27, "
                          "voted to support the application"),
                        Q("trend-2018-uzbekistan-joins-iom",
                          "Uzbekistan has become a member of the International Organization for Migration (IOM), resulting "
                          "in the number of member countries of the organization reaching 173")],
            "note": ("IOM's 173rd member state, admitted by the 109th IOM Council on 27 November 2018, the day it opened "
                     "(IOM; the day from Asia-Plus). Later steps: IOM Vienna reports a cooperation agreement 'formalizing' "
                     "the admission, and UzDaily dates full membership to 2019; IOM counts it from 27 November 2018. "
                     + NOT_IN_COW)},
    "RUS": {"start": "2021-04-19", "confidence": "high",
            "sources": [Q("tass-2021-russia-full-member-iom",
                          "MOSCOW, April 19. /TASS/. Russia has adopted the Constitution of the International Organization "
                          "for Migration (IOM) and become its full-fledged member."),
                        Q("tass-2021-russia-full-member-iom",
                          "Russia becomes a full-fledged member of the organization from the day when this notification is "
                          "handed over to its director general"),
                        Q("tass-2020-russia-admission-approved",
                          "The Council of the International Organization for Migration (IOM) approved on Tuesday Russia’s "
                          "request to join.")],
            "note": ("The IOM Council approved its application on 24 November 2020 (116 votes for, 2 against, 2 "
                     "abstentions; TASS); it became a member on 19 April 2021, when its notification of adopting the "
                     "Constitution was handed to the Director General (TASS, quoting the Russian foreign ministry). An "
                     "observer from 1992 (see its OBSERVER_OF relation). " + NOT_IN_COW)},
    "BRB": {"start": "2022-11-30", "confidence": "medium",
            "sources": [Q("bajanvibes-barbados-joins-iom",
                          "Barbados was unanimously admitted to the International Organisation for Migration (IOM), this "
                          "morning in Geneva as its 175th member."),
                        Q("sela-2023-barbados-oim-oficina",
                          "Barbados fue admitido en la OIM como su miembro número 175 el 30 de noviembre de 2022.")],
            "note": ("IOM's 175th member state, admitted unanimously at the 113th IOM Council; the day, 30 November 2022, "
                     "is given by SELA (and a Vietnamese report), not by IOM, hence medium. " + NOT_IN_COW)},
    **{iso3: {"heldOn": "2024-08", "confidence": "high", "sources": [IDF_2024_TITLE, Q("iom-idf-eligible-member-states-line-2-2024", "• " + name)],
              "note": ("On IOM's list of member states eligible for the IOM Development Fund (Line 2) of August 2024: a "
                       "member by then. Its admission date was not found, so no start is given, and it cannot be shown to "
                       "be a member in mid-2023 (see UNPLACED_2023 in tools/build_member_states.py and the seed-data "
                       "README). " + NOT_IN_COW)}
       for iso3, name in (("PLW", "Palau"), ("WSM", "Samoa"), ("TON", "Tonga"), ("DMA", "Dominica"), ("GRD", "Grenada"))},
}

# Member states of 2023 whose membership cannot be shown to hold on MID_2023, and why.
UNPLACED_2023 = {
    iso3: ("member by August 2024 (IOM Development Fund list); no admission date found. IOM's counts (157 in November "
           "2015, 165 in June 2016, Laos the 171st in June 2018, Uzbekistan the 173rd in November 2018, Barbados the "
           "175th in 2022) leave four admissions between July 2016 and November 2018 unnamed, which would place four "
           "of these five by 2018 (the fifth does not fit the counts), but no page names them")
    for iso3 in ("PLW", "WSM", "TON", "DMA", "GRD")
}

# Observer states that can be named. iso3: {"start" or "heldOn", "end"?, "confidence", "sources", "note"}.
OBSERVERS = {
    "VAT": {"heldOn": "1952-10-13", "end": "2011-12-05", "confidence": "medium",
            "sources": [FRUS_SESSION,
                        Q("frus-1952-54-v01p2-d248-picmme-4th-session",
                          "Other governments, the Holy See and international organizations were represented by observers."),
                        Q("europe1-2011-saint-siege-membre-oim",
                          "le Saint-Siège avait décidé d'être membre et non plus seulement observateur de cette "
                          "organisation.")],
            "note": ("Represented by an observer at the fourth session of PICMME (October 1952; FRUS, high) and an observer "
                     "until it became a member on 5 December 2011 (Europe 1); when its observer status began was not "
                     "found. Medium: that it stayed an observer throughout is not documented year by year.")},
    "RUS": {"start": "1992-05-27", "end": "2021-04-19", "confidence": "high",
            "sources": [Q("mvd-2021-russia-iom-charter-law",
                          "since 27 May 1992, Russia has been granted the observer status in the Organization"),
                        Q("tass-2020-russia-admission-approved",
                          "Russia has been interacting with the IOM since 1992 as an observer")],
            "note": ("An observer from 27 May 1992 (Ministry of Internal Affairs of the Russian Federation) until it became "
                     "a member on 19 April 2021.")},
    "KWT": {"start": "2017-11-28", "confidence": "medium",
            "sources": [Q("iom-kuwait-office-about",
                          "The IOM office in Kuwait was established in 1991, and in 2017 the State of Kuwait joined IOM as "
                          "an observer state."),
                        Q("migration-gov-az-2017-108th-council",
                          "Participation of the State of Kuwait, some international, as well as non-governmental "
                          "organizations in IOM Session in the capacity of observer was approved by voting."),
                        AZ_2017_OPENED],
            "note": ("An observer state since 2017 (IOM Kuwait, high); its observership was approved at the 108th IOM "
                     "Council, which opened on 28 November 2017 (State Migration Service of Azerbaijan), hence the day, "
                     "medium.")},
    "IDN": {"start": "1991", "confidence": "medium",
            "sources": [Q("jobdevpro-2009-iom-indonesia-observer",
                          "IOM’s relationship with the Government of Indonesia extends back to 1991 when Indonesia became a "
                          "formal Observer in the IOM Council.")],
            "note": ("A formal observer in the IOM Council since 1991, in IOM's own text as a 2009 blog reproduces it (hence "
                     "medium). Later evidence was not found: the graph records no end, as for a membership that "
                     "continues, but that it is still an observer is not verified. It is not on IOM's member list of "
                     "August 2024 (IOM Development Fund, Line 2).")},
}


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


def cow_record(cow_code, start, end):
    """The COW rows a spell rests on, cited as the record they are."""
    years = f"years {start}–{end}" if start != end else f"year {start}"
    value = "1 (" + COW_CODES["1"] + ")"
    if COW_TABLE.startswith("state_year"):
        row, values = f"state '{cow_code}', {years}", {COW_VARIABLE.lower(): value}
    else:
        row, values = f"ioname '{COW_VARIABLE}', {years}", {cow_code: value}
    return {"sourceId": COW_SOURCE, "record": {"dataset": COW_DATASET, "table": COW_TABLE, "row": row, "values": values}}


def cow_caveats(iso3, spells):
    """The caveats of a state's COW spells, for the relation's note."""
    parts = []
    codes = {code for _, _, code, _ in spells}
    if "yugoslaviaserb" in codes:
        parts.append("COW codes this state as 'yugoslaviaserb' (Yugoslavia / Serbia and Montenegro before 2006, Serbia "
                     "after): the spell began as Serbia and Montenegro.")
    if any(start < 1965 or end < 1965 for start, end, _, _ in spells) and iso3 not in ("DEU", "AUT"):
        parts.append("COW dates before 1965 are accurate only to within 5 years.")
    parts.append("COW years can lag the IOM Council's admission decision by 1–2 years.")
    return parts


def partial_bounds(text):
    """The first and last day (as YYYYMMDD integers) a partial date can mean."""
    parts = [int(p) for p in text.split("-")]
    y, m, d = (parts + [None, None])[:3]
    lower = y * 10000 + (m or 1) * 100 + (d or 1)
    last_month = m or 12
    upper = y * 10000 + last_month * 100 + (d or calendar.monthrange(y, last_month)[1])
    return lower, upper


def holds_on(relation, day):
    """Whether a relation is known to hold on a day (YYYY-MM-DD): from its start (or heldOn) on, until its end."""
    point = partial_bounds(day)[0]
    begin = relation.get("start") or relation.get("heldOn")
    if begin is None or partial_bounds(begin)[1] > point:
        return False
    return "end" not in relation or partial_bounds(relation["end"])[1] >= point


def relation(iso3, rtype, rid, confidence, sources, dates, note, role=None):
    r = {"id": rid, "from": iso3.lower(), "to": "iom", "type": rtype, "confidence": confidence, "sources": sources}
    for key in ("start", "end", "heldOn"):
        if key in dates:
            r[key] = dates[key]
    if role:
        r["role"] = role
    r["note"] = note
    return r


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
    for table in (CORRECTIONS, MC_2097, FLAGS_1952):
        for iso3 in table:
            if iso3 not in spells_by_iso:
                sys.exit(f"{iso3} is corrected or flagged but not in the COW data")

    relations = []
    for iso3, spells in spells_by_iso.items():
        spells.sort()
        fix = CORRECTIONS.get(iso3, {})
        groups = [spells] if fix.get("merge") else [[s] for s in spells]
        for i, group in enumerate(groups):
            first, last = group[0], group[-1]
            start, end, status = first[0], last[1], last[3]
            ongoing = end == 2014 and status == "member"
            next_start = groups[i + 1][0][0] if i + 1 < len(groups) else None
            rid = f"{iso3.lower()}.member-of.iom" + (f".{start}" if len(groups) > 1 else "")
            sources = [cow_record(code, s, e) for s, e, code, _ in group]
            dates = {"start": str(start)}
            confidence = "medium"
            if i == 0 and fix:
                sources = fix["sources"] + sources
                dates = {k: fix[k] for k in ("start", "heldOn") if k in fix}
                confidence = fix["confidence"]
                parts = [fix["note"]]
                if iso3 not in ("DEU", "AUT"):
                    parts += cow_caveats(iso3, group)
            else:
                parts = cow_caveats(iso3, group)
            if iso3 in MC_2097:
                sources.append(Q("mc-2097-rev-1", "REPORT ON THE EIGHTY-FOURTH SESSION OF THE COUNCIL Geneva 2-4 December "
                                 "2002", "Contents, (a) Applications for membership in the Organization"))
                sources.append(Q("mc-2097-rev-1", MC_2097[iso3], "Contents, (a) Applications for membership in the "
                                 "Organization"))
                parts.append("Its application for membership was before the IOM Council at its 84th session (Geneva, 2–4 "
                             "December 2002; MC/2097/Rev.1, one of five applicants), two years before COW's 2004; the day it "
                             "was admitted was not checked, so COW's year is kept.")
            if iso3 in FLAGS_1952 and i == 0:
                how, cite = FLAGS_1952[iso3]
                sources.append(cite)
                parts.append({
                    "observer": "At PICMME's fourth session (Geneva, 13–21 October 1952) it was represented by an observer, "
                                "not as a member (FRUS)",
                    "absent": "It is not among the twenty member governments of PICMME's fourth session (Geneva, 13–21 "
                              "October 1952; FRUS)",
                    "joined": "The report on PICMME's fourth session (Geneva, 13–21 October 1952) says it had joined the "
                              "Committee only since the third session (FRUS)",
                }[how] + ", so COW's 1951 is early; its joining date was not checked.")
            if not ongoing:
                dates["end"] = str(end)
                text = (f"COW's last year of full membership is {end}; the withdrawal date is not verified against IOM "
                        f"Council documents.")
                if next_start is not None:
                    text += f" COW shows it a full member again from {next_start}."
                parts.append(text)
            elif "COW IGO v3 stops at 2014" not in " ".join(parts):
                parts.append("COW IGO v3 stops at 2014, when it was still a member: no end date is given, as the "
                             "membership continues beyond the data.")
            relations.append(relation(iso3, "MEMBER_OF", rid, confidence, sources, dates, " ".join(parts)))

    for iso3, m in RESEARCH_MEMBERSHIPS.items():
        relations.append(relation(iso3, "MEMBER_OF", f"{iso3.lower()}.member-of.iom", m["confidence"], m["sources"], m,
                                  m["note"]))
    for iso3, o in OBSERVERS.items():
        relations.append(relation(iso3, "OBSERVER_OF", f"{iso3.lower()}.observer-of.iom", o["confidence"], o["sources"], o,
                                  o["note"]))

    isos = sorted(set(spells_by_iso) | set(RESEARCH_MEMBERSHIPS) | set(OBSERVERS))
    actors = []
    for iso3 in isos:
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
    unused = set(STATES) - set(isos)
    if unused:
        sys.exit(f"STATES has entries that are neither members nor observers: {sorted(unused)}")

    actors.sort(key=lambda a: a["id"])
    relations.sort(key=lambda r: r["id"])
    check_2023(relations)
    return {"actors": actors, "relations": relations}


def check_2023(relations):
    """MEMBERS_2023 member states hold on MID_2023, apart from those in UNPLACED_2023 (which must not)."""
    holding = {r["from"].upper() for r in relations if r["type"] == "MEMBER_OF" and holds_on(r, MID_2023)}
    wrongly = sorted(set(UNPLACED_2023) & holding)
    if wrongly:
        sys.exit(f"UNPLACED_2023 lists states that do hold on {MID_2023}: {wrongly}")
    if len(holding) + len(UNPLACED_2023) != MEMBERS_2023:
        sys.exit(f"{len(holding)} member states hold on {MID_2023} and {len(UNPLACED_2023)} are listed as unplaced: "
                 f"{len(holding) + len(UNPLACED_2023)}, not {MEMBERS_2023}")
    return holding


def render(bundle):
    return json.dumps(bundle, ensure_ascii=False, indent=2) + "\n"


def main():
    bundle = build()
    text = render(bundle)
    holding = check_2023(bundle["relations"])
    summary = (f"{len(holding)} member states hold on {MID_2023}, {len(UNPLACED_2023)} cannot be placed "
               f"({', '.join(sorted(UNPLACED_2023))}): {MEMBERS_2023}")
    if "--check" in sys.argv[1:]:
        try:
            with open(OUT_PATH, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            print(f"{OUT_PATH} is out of date: run {os.path.relpath(__file__)}", file=sys.stderr)
            sys.exit(1)
        print(f"{OUT_PATH} is up to date; {summary}")
        return
    with open(OUT_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    types = [r["type"] for r in bundle["relations"]]
    print(f"wrote {OUT_PATH}: {len(bundle['actors'])} states, {types.count('MEMBER_OF')} MEMBER_OF and "
          f"{types.count('OBSERVER_OF')} OBSERVER_OF relations; {summary}")


if __name__ == "__main__":
    main()
