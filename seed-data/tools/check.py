#!/usr/bin/env python3
"""Check the seed data the way the API's seed reader will, and a little more.

Usage: python3 seed-data/tools/check.py [--seed-text PATH]

Checks every top-level seed-data/*.json bundle (not *.schema.json):
  * it parses as strict JSON and validates against graph-bundle.schema.json (when the `jsonschema` module is installed);
  * ids are unique within their kind across all files, and match the id patterns;
  * every relation's ends exist, and their kinds are ones the relation type allows (FromKinds/ToKinds, read from
    src/IomGraph.Core/Vocabulary/RelationTypes.cs);
  * every cited source exists; every source is cited at least once;
  * dates are valid partial dates, and start <= end, founded <= dissolved (by the rules of PartialDate.cs);
  * states have iso3 = upper-case id;
  * the schema's enums equal the wire names in src/IomGraph.Core/Model/Enums.cs;
  * member-states.json is what tools/build_member_states.py generates.
With --seed-text, every quote citing the seed document (noborder-iom-wiki) must occur in that text once its line breaks
are joined with single spaces. Python 3 standard library only (jsonschema optional). Exit status 1 on any error.
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
    seed_text = None
    if "--seed-text" in sys.argv:
        path = sys.argv[sys.argv.index("--seed-text") + 1]
        with open(path, encoding="utf-8") as f:
            seed_text = " ".join(line.strip("\r\n") for line in f)

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
    for def_name, wire in (("actorKind", kinds), ("relationType", types),
                           ("confidence", wire_names("Confidence")), ("sourceKind", wire_names("SourceKind"))):
        if schema["$defs"][def_name]["enum"] != list(wire.values()):
            error(f"graph-bundle.schema.json: $defs/{def_name} differs from Enums.cs: {list(wire.values())}")
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

    cited = set()

    def check_citations(where, citations):
        for cit in citations or []:
            cited.add(cit.get("sourceId"))
            if cit.get("sourceId") not in sources:
                error(f"{where}: cites unknown source '{cit.get('sourceId')}'")
            if seed_text is not None and cit.get("sourceId") == SEED_SOURCE and cit.get("quote") not in seed_text:
                error(f"{where}: quote not found verbatim in the seed text: {cit.get('quote')!r}")

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
        if isinstance(typ, str) and not rid.startswith(f"{frm}.{typ.lower().replace('_', '-')}.{to}"):
            warnings.append(f"{where}: id does not follow {{from}}.{{type}}.{{to}}")

    for sid in sources:
        if sid not in cited:
            warnings.append(f"source '{sid}' is never cited")
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
