#!/usr/bin/env python3
"""Times the Neo4j store's search statement against the scan it replaced, on 100k actors, on the server alone.

Usage: tests/IomGraph.Benchmarks/neo4j-search.py NEO4J_URL GRAPH_DB [--runs N]

  NEO4J_URL  a 3.x server to spare (its database is emptied), e.g. one from tests/neo4j/start.sh on another port
  GRAPH_DB   the large synthetic graph on SQLite, as `dotnet run -c Release --project tests/IomGraph.Benchmarks --
             prepare --scale large` leaves it (graph-large-v1.db); its actors are written into Neo4j as the store
             writes them (folded names, their joined searchText, kind, sortKey, doc)

Each query runs through the transactional endpoint, both statements in turn, and the report gives each one's median
time and whether both returned the same rows. The statements are copies of those in
src/IomGraph.Storage.Neo4j/Internal/CypherCatalogue.Reads.cs: SCAN is ScanActors (the search before the index, which
the store still sends for queries under three characters) and SEARCH is SearchActors; copy them again when they change.
"""
import json, os, sqlite3, statistics, sys, time, urllib.request

MATCH = "(size($kinds) = 0 OR a.kind IN $kinds) AND any(n IN a.searchNames WHERE n CONTAINS $q)"
RANK = "CASE WHEN $q IN a.searchNames THEN 0 WHEN any(n IN a.searchNames WHERE n STARTS WITH $q) THEN 1 ELSE 2 END"
SCAN = f"""MATCH (a:Actor)
WHERE {MATCH}
WITH count(a) AS total
OPTIONAL MATCH (a:Actor)
WHERE {MATCH}
  AND ({RANK} > $afterRank
    OR ({RANK} = $afterRank AND (a.sortKey > $afterSortKey OR (a.sortKey = $afterSortKey AND a.id > $afterId))))
WITH total, a, {RANK} AS rank
ORDER BY rank, a.sortKey, a.id
LIMIT $take
RETURN total, a.doc AS doc, rank, a.sortKey AS sortKey, a.id AS id
ORDER BY rank, sortKey, id"""
AFTER = f"({RANK} > $afterRank OR ({RANK} = $afterRank AND (a.sortKey > $afterSortKey OR (a.sortKey = $afterSortKey AND a.id > $afterId))))"
SEARCH = f"""MATCH (a:Actor)
WHERE a.searchText CONTAINS toString($q) AND {MATCH}
WITH count(a) AS indexedTotal
OPTIONAL MATCH (a:Actor)
WHERE a.searchLong = true AND a.searchText IS NULL AND {MATCH}
WITH indexedTotal, count(a) AS longTotal
OPTIONAL MATCH (a:Actor)
WHERE a.searchText CONTAINS toString($q) AND {MATCH} AND {AFTER}
WITH indexedTotal + longTotal AS total, a, {RANK} AS rank
ORDER BY rank, a.sortKey, a.id
LIMIT $take
WITH total, collect(CASE WHEN a IS NULL THEN null ELSE {{rank: rank, sortKey: a.sortKey, id: a.id, node: a}} END) AS indexed
OPTIONAL MATCH (a:Actor)
WHERE a.searchLong = true AND a.searchText IS NULL AND {MATCH} AND {AFTER}
WITH total, indexed, collect(CASE WHEN a IS NULL THEN null ELSE {{rank: {RANK}, sortKey: a.sortKey, id: a.id, node: a}} END) AS long
UNWIND CASE WHEN size(indexed) + size(long) = 0 THEN [null] ELSE indexed + long END AS h
WITH total, h
ORDER BY h.rank, h.sortKey, h.id
LIMIT $take
RETURN total, h.node.doc AS doc, h.rank AS rank, h.sortKey AS sortKey, h.id AS id
ORDER BY rank, sortKey, id"""
QUERIES = ["iom", "migra", "organisation internationale", "zzqx"]  # of three characters or more: shorter ones scan, as before


def main():
    args = sys.argv[1:]
    runs = 20
    if "--runs" in args:
        i = args.index("--runs")
        runs = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    url, db = args[0].rstrip("/") + "/db/data/transaction/commit", args[1]

    def run(statement, parameters=None):
        body = json.dumps({"statements": [{"statement": statement, "parameters": parameters or {}}]}).encode()
        started = time.perf_counter()
        answer = json.load(urllib.request.urlopen(urllib.request.Request(url, body, {"Content-Type": "application/json"})))
        elapsed = (time.perf_counter() - started) * 1000
        if answer["errors"]:
            sys.exit(answer["errors"])
        return elapsed, answer["results"][0]["data"]

    while run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)")[1][0]["row"][0] > 0:
        pass
    for ddl in ["CREATE CONSTRAINT ON (a:Actor) ASSERT a.id IS UNIQUE", "CREATE INDEX ON :Actor(kind)",
                "CREATE INDEX ON :Actor(searchText)", "CREATE INDEX ON :Actor(searchLong)"]:
        run(ddl)
    create = ("UNWIND $rows AS row CREATE (:Actor {id: row.id, kind: row.kind, sortKey: row.sortKey, searchNames: row.searchNames, "
              "searchText: row.searchText, searchLong: row.searchLong, doc: row.doc})")
    rows, count = [], 0
    for id_, kind, sort_key, search_names, doc in sqlite3.connect(db).execute("SELECT id, kind, sort_key, search_names, doc FROM actors"):
        names = [n for n in search_names.split("\n") if n]
        text = "\n".join(names)
        fits = len(text.encode()) <= 4000
        rows.append({"id": id_, "kind": kind, "sortKey": sort_key, "searchNames": names,
                     "searchText": text if fits else None, "searchLong": None if fits else True, "doc": doc})
        if len(rows) == 5000:
            run(create, {"rows": rows})
            count, rows = count + len(rows), []
    if rows:
        run(create, {"rows": rows})
        count += len(rows)
    run("CALL db.awaitIndex(':Actor(searchText)')")
    print(f"{count} actors; load average {os.getloadavg()}")
    print("| query | matches | scan (median ms) | search (median ms) | scan / search | same rows |")
    print("|---|---|---|---|---|---|")
    for q in QUERIES:
        parameters = {"kinds": [], "q": q, "afterRank": -1, "afterSortKey": "", "afterId": "", "take": 21}
        times, answers = {"scan": [], "search": []}, {}
        for i in range(runs + 3):
            for name, statement in (("scan", SCAN), ("search", SEARCH)):
                elapsed, data = run(statement, parameters)
                answers[name] = [(r["row"][0], r["row"][2], r["row"][4]) for r in data if r["row"][4] is not None] or [(data[0]["row"][0] if data else 0, None, None)]
                if i >= 3:
                    times[name].append(elapsed)
        scan, search = statistics.median(times["scan"]), statistics.median(times["search"])
        total = answers["search"][0][0] if answers["search"] else 0
        print(f"| `{q}` | {total} | {scan:.1f} | {search:.1f} | {scan / search:.1f} | {answers['scan'] == answers['search']} |")
    print(f"load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
