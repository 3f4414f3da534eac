#!/usr/bin/env python3
"""Check the seed data the way the API's seed reader will, and a little more.

Usage: python3 seed-data/tools/check.py [--seed-text PATH]

Checks every top-level seed-data/*.json bundle (not *.schema.json):
  * it parses as strict JSON and validates against graph-bundle.schema.json (when the `jsonschema` module is installed);
  * ids are unique within their kind across all files, and match the id patterns;
  * every relation's ends exist, and their kinds are ones the relation type allows (FromKinds/ToKinds, read from
    src/IomGraph.Core/Vocabulary/RelationTypes.cs);
  * every cited source exists; every source is cited at least once;
  * a citation carries at least one kind of text: quote, summary or record; a record (a dataset row) cites a source
    of kind dataset and names its dataset, row and at least one value;
  * every quote is found verbatim in the stored text of its source: raw/noborder-iom-wiki.txt for the seed document,
    raw/excerpts/{sourceId}.txt for any other source (lines starting with '# ' are the excerpt's header and are left
    out; the other lines are joined with single spaces, line-end characters removed, nothing else changed); a quote
    whose source has no stored text is an error. The same holds for a phrase in double quotes inside a summary, which
    claims to be the source's words;
  * sources: url absolute http(s); doi bare (^10\.\d{4,9}/\S+$); symbols non-empty strings without duplicates;
    published a partial date, given with year, and its year equal to year;
  * dates are valid partial dates, and start <= end, founded <= dissolved (by the rules of PartialDate.cs); heldOn
    only without start and not after end;
  * states have iso3 = upper-case id;
  * the schema's enums equal the wire names in src/IomGraph.Core/Model/Enums.cs;
  * member-states.json is what tools/build_member_states.py generates.
--seed-text PATH reads the seed document from PATH instead of raw/noborder-iom-wiki.txt. Python 3 standard library only (jsonschema optional). Exit status 1 on
any error.
"""

import calendar
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(SEED_DIR)
SCHEMA = os.path.join(SEED_DIR, "graph-bundle.schema.json")
ENUMS_CS = os.path.join(REPO, "src", "IomGraph.Core", "Model", "Enums.cs")
TYPES_CS = os.path.join(REPO, "src", "IomGraph.Core", "Vocabulary", "RelationTypes.cs")
SEED_SOURCE = "noborder-iom-wiki"
SEED_TEXT = os.path.join(SEED_DIR, "raw", "noborder-iom-wiki.txt")
EXCERPTS = os.path.join(SEED_DIR, "raw", "excerpts")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL = re.compile(r"^https?://[^\s/]+[^\s]*$")
QUOTED = re.compile(r'"([^"]+)"')

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RELATION_ID = re.compile(r"^[a-z0-9]+([.-][a-z0-9]+)*$")

errors = []
warnings = []


def error(msg):
    errors.append(msg)


def strict_load(path):
    def no_duplicates(pairs):
        keys = [k for k, _ in pairs]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise ValueError(f"duplicate keys {sorted(dup)}")
        return dict(pairs)

    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicates,
                         parse_constant=lambda c: (_ for _ in ()).throw(ValueError(f"non-standard constant {c}")))


# ---------------------------------------------------------------------------------------------------- C# vocabularies
def wire_names(enum_name):
    text = open(ENUMS_CS, encoding="utf-8").read()
    body = re.search(r"public enum " + enum_name + r"\s*\{(.*?)\}", text, re.S).group(1)
    return dict((member, wire) for wire, member in re.findall(r'JsonStringEnumMemberName\("([^"]+)"\)\]\s*(\w+)', body))


def relation_kind_table():
    """{wire type name: (from kinds, to kinds)} parsed from RelationTypes.cs."""
    kinds = wire_names("ActorKind")  # member -> wire
    types = wire_names("RelationType")
    text = open(TYPES_CS, encoding="utf-8").read()
    arrays = {}

    def resolve(expr):
        expr = expr.strip()
        if expr in arrays:
            return set(arrays[expr])
        if expr.startswith("["):
            result = set()
            inner = expr[1:-1]
            if "Enum.GetValues<ActorKind>()" in inner:
                m = re.search(r"k != ActorKind\.(\w+)", inner)
                return {w for k, w in kinds.items() if k != m.group(1)}
            for part in [p.strip() for p in inner.split(",") if p.strip()]:
                if part.startswith(".."):
                    result |= resolve(part[2:])
                else:
                    result.add(kinds[part.replace("ActorKind.", "")])
            return result
        raise ValueError(f"cannot resolve kind set {expr!r}")

    for name, expr in re.findall(r"private static readonly ActorKind\[\] (\w+) =\s*(\[.*?\]);", text, re.S):
        arrays[name] = resolve(" ".join(expr.split()))
    table = {}
    for m in re.finditer(r"Info\(RelationType\.(\w+),(.*?)\),\n", text, re.S):
        member, rest = m.group(1), " ".join(m.group(2).split())
        # The last two arguments follow the predicate, Predicate.Be(...) or Predicate.Verb(...): skip its parentheses.
        start = rest.index("Predicate.")
        depth, end = 0, None
        for i in range(rest.index("(", start), len(rest)):
            depth += rest[i] == "("
            depth -= rest[i] == ")"
            if depth == 0:
                end = i
                break
        tail = rest[end + 1:].strip().lstrip(",").strip()
        depth, split_at = 0, None
        for i, ch in enumerate(tail):
            depth += ch == "["
            depth -= ch == "]"
            if ch == "," and depth == 0:
                split_at = i
                break
        table[types[member]] = (resolve(tail[:split_at]), resolve(tail[split_at + 1:]))
    if set(table) != set(types.values()):
        raise ValueError(f"parsed {len(table)} relation types from RelationTypes.cs, expected {len(types)}")
    return table


# ---------------------------------------------------------------------------------------------------- stored texts
def normalise(path):
    """The stored text of a source as quotes are matched against it: '# ' header lines left out, the other lines joined
    with single spaces (line-end characters removed, nothing else changed)."""
    with open(path, encoding="utf-8") as f:
        lines = [line.rstrip("\r\n") for line in f]
    return " ".join(line for line in lines if not line.startswith("# "))


def stored_text(source_id, seed_path):
    path = seed_path if source_id == SEED_SOURCE else os.path.join(EXCERPTS, f"{source_id}.txt")
    return normalise(path) if os.path.isfile(path) else None


# ---------------------------------------------------------------------------------------------------- dates
def parse_date(text):
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    mo = int(mo) if mo else None
    d = int(d) if d else None
    if y < 1 or (mo is not None and not 1 <= mo <= 12):
        return None
    if d is not None and not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    lower = y * 10000 + (mo or 1) * 100 + (d or 1)
    last_month = mo or 12
    upper = y * 10000 + last_month * 100 + (d or calendar.monthrange(y, last_month)[1])
    return lower, upper


def check_dates(where, start_key, end_key, record):
    bounds = {}
    for key in (start_key, end_key):
        if key in record:
            value = record[key]
            parsed = parse_date(value) if isinstance(value, str) else None
            if parsed is None:
                error(f"{where}: '{key}' {value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
            else:
                bounds[key] = parsed
    if start_key in bounds and end_key in bounds and bounds[end_key][1] < bounds[start_key][0]:
        error(f"{where}: '{end_key}' {record[end_key]} comes before '{start_key}' {record[start_key]}")


# ---------------------------------------------------------------------------------------------------- main
def main():
    seed_path = SEED_TEXT
    if "--seed-text" in sys.argv:
        seed_path = sys.argv[sys.argv.index("--seed-text") + 1]
        if not os.path.isfile(seed_path):
            error(f"--seed-text {seed_path}: no such file")

    files = sorted(f for f in glob.glob(os.path.join(SEED_DIR, "*.json")) if not f.endswith(".schema.json"))
    bundles = {}
    for path in files:
        name = os.path.basename(path)
        try:
            bundles[name] = strict_load(path)
        except ValueError as e:
            error(f"{name}: not valid JSON: {e}")

    schema = strict_load(SCHEMA)
    try:
        import jsonschema
        validator = jsonschema.Draft202012Validator(schema)
        jsonschema.Draft202012Validator.check_schema(schema)
        for name, bundle in bundles.items():
            for e in validator.iter_errors(bundle):
                error(f"{name}: schema: /{'/'.join(str(p) for p in e.absolute_path)}: {e.message}")
    except ImportError:
        warnings.append("the jsonschema module is not installed: schema validation skipped")

    kinds = wire_names("ActorKind")
    types = wire_names("RelationType")
    for def_name, enum_name in (("actorKind", "ActorKind"), ("relationType", "RelationType"),
                                ("confidence", "Confidence"), ("sourceKind", "SourceKind")):
        expected = list(wire_names(enum_name).values())
        if schema["$defs"][def_name]["enum"] != expected:
            error(f"graph-bundle.schema.json: $defs/{def_name} differs from Enums.cs: {expected}")
    allowed = relation_kind_table()

    sources, actors, relations = {}, {}, {}
    for name, bundle in bundles.items():
        for key, store, pattern in (("sources", sources, SLUG), ("actors", actors, SLUG), ("relations", relations, RELATION_ID)):
            for record in bundle.get(key, []):
                rid = record.get("id")
                if not isinstance(rid, str) or not pattern.match(rid):
                    error(f"{name}: {key} id {rid!r} does not match the id pattern")
                    continue
                if rid in store:
                    error(f"{name}: {key} id '{rid}' also appears in {store[rid][0]}")
                    continue
                store[rid] = (name, record)

    texts = {}

    def text_of(source_id):
        if source_id not in texts:
            texts[source_id] = stored_text(source_id, seed_path)
        return texts[source_id]

    for sid, (name, s) in sources.items():
        where = f"{name}: source '{sid}'"
        url = s.get("url")
        if url is not None and (not isinstance(url, str) or not URL.match(url)):
            error(f"{where}: url {url!r} is not an absolute http(s) address")
        doi = s.get("doi")
        if doi is not None and (not isinstance(doi, str) or not DOI.match(doi)):
            error(f"{where}: doi {doi!r} is not a bare DOI (10.NNNN/...)")
        symbols = s.get("symbols")
        if symbols is not None:
            if not isinstance(symbols, list) or any(not isinstance(x, str) or not x.strip() or x != x.strip()
                                                    for x in symbols):
                error(f"{where}: symbols must be a list of non-empty strings without surrounding spaces: {symbols!r}")
            elif len(set(symbols)) != len(symbols):
                error(f"{where}: symbols repeat: {symbols!r}")
        published = s.get("published")
        if published is not None:
            if not isinstance(published, str) or parse_date(published) is None:
                error(f"{where}: 'published' {published!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
            elif s.get("year") is None:
                error(f"{where}: 'published' {published} is given without 'year'")
            elif int(published[:4]) != s.get("year"):
                error(f"{where}: 'published' {published} is not in 'year' {s.get('year')}")
        for key in ("title", "author", "publisher", "container", "note", "attribution"):
            value = s.get(key)
            if isinstance(value, str) and value != value.strip():
                error(f"{where}: '{key}' has surrounding spaces")
        if "grokipedia" in " ".join(str(s.get(k) or "") for k in ("url", "author", "publisher")).lower():
            warnings.append(f"{where}: an AI-generated encyclopedia is not a reliable source")

    cited = set()

    def check_citations(where, citations):
        for cit in citations or []:
            sid = cit.get("sourceId")
            cited.add(sid)
            if sid not in sources:
                error(f"{where}: cites unknown source '{sid}'")
                continue
            kinds_given = [k for k in ("quote", "summary", "record") if cit.get(k) is not None]
            if not kinds_given:
                error(f"{where}: citation of '{sid}' has no quote, summary or record")
            for k in ("quote", "summary", "locator"):
                if isinstance(cit.get(k), str) and (not cit[k].strip() or cit[k] != cit[k].strip()):
                    error(f"{where}: citation of '{sid}': '{k}' is empty or has surrounding spaces")
            quote, summary, record = cit.get("quote"), cit.get("summary"), cit.get("record")
            if quote is not None:
                text = text_of(sid)
                if text is None:
                    error(f"{where}: quotes '{sid}', which has no stored text (raw/excerpts/{sid}.txt): "
                          f"a curator's wording is a summary, not a quote: {quote!r}")
                elif quote not in text:
                    error(f"{where}: quote not found verbatim in the stored text of '{sid}': {quote!r}")
            if isinstance(summary, str):
                for phrase in QUOTED.findall(summary):
                    text = text_of(sid)
                    if text is None or phrase not in text:
                        error(f"{where}: summary of '{sid}' puts \"{phrase}\" in double quotes, but the phrase is not "
                              f"found verbatim in the source's stored text" + ("" if text is not None else
                              f" (it has none: raw/excerpts/{sid}.txt)") + ": drop the quotation marks or add the excerpt")
                if summary.count('"') % 2:
                    error(f"{where}: summary of '{sid}' has an unmatched double quote: {summary!r}")
            if record is not None:
                if sources[sid][1].get("kind") != "dataset":
                    error(f"{where}: cites a dataset record from '{sid}', which is not of kind 'dataset'")
                if not isinstance(record, dict) or not record.get("dataset") or not record.get("row") \
                        or not isinstance(record.get("values"), dict) or not record["values"] \
                        or any(not isinstance(v, str) or not v for v in record["values"].values()):
                    error(f"{where}: record of '{sid}' needs a dataset, a row and at least one value (strings): {record!r}")

    for aid, (name, a) in actors.items():
        where = f"{name}: actor '{aid}'"
        check_dates(where, "founded", "dissolved", a)
        if a.get("kind") == "state" and a.get("iso3") != aid.upper():
            error(f"{where}: a state's iso3 must be its id in upper case")
        check_citations(where, a.get("sources"))

    degree = {aid: 0 for aid in actors}
    for rid, (name, r) in relations.items():
        where = f"{name}: relation '{rid}'"
        frm, to, typ = r.get("from"), r.get("to"), r.get("type")
        for end in (frm, to):
            if end not in actors:
                error(f"{where}: actor '{end}' does not exist")
        if frm == to:
            error(f"{where}: connects an actor to itself")
        if frm in actors and to in actors and typ in allowed:
            fk, tk = actors[frm][1]["kind"], actors[to][1]["kind"]
            froms, tos = allowed[typ]
            if fk not in froms or tk not in tos:
                error(f"{where}: {typ} cannot connect {fk} '{frm}' to {tk} '{to}' "
                      f"(allowed {sorted(froms)} -> {sorted(tos)})")
        for end in (frm, to):
            if end in degree:
                degree[end] += 1
        if not r.get("sources"):
            error(f"{where}: cites no source")
        check_citations(where, r.get("sources"))
        check_dates(where, "start", "end", r)
        if "heldOn" in r:
            if "start" in r:
                error(f"{where}: 'heldOn' is for a relation whose start is not known: it cannot go with 'start'")
            check_dates(where, "heldOn", "end", r)
        if isinstance(typ, str) and not rid.startswith(f"{frm}.{typ.lower().replace('_', '-')}.{to}"):
            warnings.append(f"{where}: id does not follow {{from}}.{{type}}.{{to}}")

    for sid in sources:
        if sid not in cited:
            warnings.append(f"source '{sid}' is never cited")
    if os.path.isdir(EXCERPTS):
        for f in sorted(os.listdir(EXCERPTS)):
            if f.endswith(".txt") and f[:-4] not in sources:
                warnings.append(f"raw/excerpts/{f} is the stored text of no source")
    for aid, n in degree.items():
        if n == 0:
            warnings.append(f"actor '{aid}' has no relation")

    builder = os.path.join(HERE, "build_member_states.py")
    result = subprocess.run([sys.executable, builder, "--check"], capture_output=True, text=True)
    if result.returncode != 0:
        error("member-states.json is not what tools/build_member_states.py generates: " + result.stderr.strip())

    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    by_kind = {}
    for _, a in actors.values():
        by_kind[a["kind"]] = by_kind.get(a["kind"], 0) + 1
    by_type = {}
    for _, r in relations.values():
        by_type[r["type"]] = by_type.get(r["type"], 0) + 1
    print(f"{len(files)} bundles: {len(sources)} sources, {len(actors)} actors, {len(relations)} relations")
    print("actors by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(by_kind.items())))
    print("relations by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
