import { describe, expect, it } from "vitest";
import type { ShortestPaths, Source } from "../src/api";
import { citationsAsFootnotes, pathEdges, pathLegend, pathsSummary, placeActors, relationWords, withSources } from "../src/pathlayout";
import { pathsRoute, pathsTitle } from "../src/pathsroute";
import { formatRoute, parseRoute, titleOf, type Route } from "../src/route";

describe("the paths view's route", () => {
  it.each<[string, Route]>([
    ["#/paths", { view: "paths", from: null, to: null }],
    ["#/paths/", { view: "paths", from: null, to: null }],
    ["#/paths?from=usa&to=un-network-on-migration", { view: "paths", from: "usa", to: "un-network-on-migration" }],
    ["#/paths?to=un-network-on-migration&from=che", { view: "paths", from: "che", to: "un-network-on-migration" }],
    ["#/paths?from=CHE", { view: "paths", from: "che", to: null }],
    ["#/paths?to=iom", { view: "paths", from: null, to: "iom" }],
    ["#/paths?from=&to=iom", { view: "paths", from: null, to: "iom" }],
    ["#/paths?from=not%20an%20id&to=iom", { view: "paths", from: null, to: "iom" }],
    ["#/paths?from=%20che%20&to=iom", { view: "paths", from: "che", to: "iom" }],
    ["#/paths?from=unctad.chairs.x&to=iom", { view: "paths", from: "unctad.chairs.x", to: "iom" }],
    ["#/paths?from=che&to=iom&maxDepth=2&asOf=2010", { view: "paths", from: "che", to: "iom", maxDepth: 2, asOf: "2010" }],
    ["#/paths?from=che&to=iom&maxDepth=4", { view: "paths", from: "che", to: "iom" }],
    ["#/paths?from=che&to=iom&maxDepth=7&asOf=someday", { view: "paths", from: "che", to: "iom" }],
    ["#/paths?from=che&to=iom&maxDepth=0", { view: "paths", from: "che", to: "iom" }],
    ["#/paths?from=che&to=iom&maxDepth=6", { view: "paths", from: "che", to: "iom", maxDepth: 6 }],
  ])("reads %j", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it("is not confused with other views", () => {
    expect(parseRoute("#/paths/che").view).toBe("home");
    expect(parseRoute("#/actor/paths").view).toBe("actor");
  });

  it.each<[Route, string]>([
    [pathsRoute(), "#/paths"],
    [pathsRoute("che"), "#/paths?from=che"],
    [pathsRoute(null, "iom"), "#/paths?to=iom"],
    [pathsRoute("usa", "un-network-on-migration"), "#/paths?from=usa&to=un-network-on-migration"],
    [pathsRoute("usa", "iom", { maxDepth: 1, asOf: "2010-05" }), "#/paths?from=usa&to=iom&maxDepth=1&asOf=2010-05"],
    [pathsRoute("usa", "iom", { maxDepth: 4, asOf: null }), "#/paths?from=usa&to=iom"],
  ])("writes %j as %s", (route, hash) => {
    expect(formatRoute(route)).toBe(hash);
  });

  it("reads back what it writes, so a shared URL reopens the same question", () => {
    for (const hash of ["#/paths", "#/paths?from=che", "#/paths?to=iom", "#/paths?from=che&to=un-network-on-migration"]) {
      expect(formatRoute(parseRoute(hash))).toBe(hash);
    }

    expect(formatRoute(parseRoute("#/paths?to=b&from=a&x=1"))).toBe("#/paths?from=a&to=b");
  });

  it("asks the question in the title, with the names once known", () => {
    expect(titleOf(pathsRoute())).toBe("How is one actor connected to another? · IomGraph explorer");
    expect(titleOf(pathsRoute("che", "iom"))).toBe("How is che connected to iom? · IomGraph explorer");
    expect(pathsTitle(pathsRoute("che", "iom"), "Switzerland", "IOM")).toBe("How is Switzerland connected to IOM?");
  });
});

const actor = (id: string, kind: ShortestPaths["from"]["kind"], name = id) => ({ id, name, kind, label: name, shortName: name });
const relation = (id: string, from: string, to: string, type: ShortestPaths["paths"][number]["hops"][number]["relations"][number]["relation"]["type"]) => ({
  id, type, from, to, fromActor: actor(from, "state"), toActor: actor(to, "state"), sentence: `${from} ${type} ${to}.`,
  start: null, end: null, heldOn: null, role: null, confidence: "high" as const, note: null, undated: true,
  sources: [{ sourceId: "s1", quote: "q", summary: null, record: null, locator: "p. 3", href: "/api/v1/sources/s1" }],
});

// Switzerland → IOM → the Network, and Switzerland → UNHCR → the Network (the second hop taken backward).
const answer: ShortestPaths = {
  from: actor("che", "state", "Switzerland"),
  to: actor("net", "inter-agency-group", "UN Network on Migration"),
  maxDepth: 4,
  length: 2,
  truncated: true,
  paths: [
    {
      length: 2, strength: "high", relationCount: 2,
      actors: [actor("che", "state", "Switzerland"), actor("iom", "intergovernmental-organisation"), actor("net", "inter-agency-group", "UN Network on Migration")],
      hops: [
        { from: "che", to: "iom", strength: "high", relations: [{ direction: "forward", relation: relation("r1", "che", "iom", "MEMBER_OF") }] },
        { from: "iom", to: "net", strength: "high", relations: [{ direction: "forward", relation: relation("r2", "iom", "net", "COORDINATES") }] },
      ],
    },
    {
      length: 2, strength: "high", relationCount: 2,
      actors: [actor("che", "state", "Switzerland"), actor("unhcr", "un-entity"), actor("net", "inter-agency-group", "UN Network on Migration")],
      hops: [
        { from: "che", to: "unhcr", strength: "high", relations: [{ direction: "forward", relation: relation("r3", "che", "unhcr", "FUNDS") }] },
        { from: "unhcr", to: "net", strength: "high", relations: [{ direction: "backward", relation: relation("r4", "net", "unhcr", "PART_OF") }, { direction: "forward", relation: relation("r5", "unhcr", "net", "MEMBER_OF") }] },
      ],
    },
  ],
};

describe("the paths' drawing and text", () => {
  it("places each actor once, left to right by its place along the paths", () => {
    expect(placeActors(answer).map((a) => [a.actor.id, a.column, a.row])).toEqual([
      ["che", 0, 0], ["iom", 1, 0], ["net", 2, 0], ["unhcr", 1, 1],
    ]);
  });

  it("draws one line per hop, labelled with its kinds of relation, the arrow the relations' way", () => {
    expect(pathEdges(answer).map((e) => [e.source, e.target, e.label, e.arrow])).toEqual([
      ["che", "iom", "member of", "forward"],
      ["iom", "net", "coordinates", "forward"],
      ["che", "unhcr", "funds", "forward"],
      ["unhcr", "net", "part of, member of", "none"],
    ]);
    expect(relationWords("RELATED_ORGANISATION_OF")).toBe("related organisation of");
  });

  it("counts the kinds on the paths in the legend's order", () => {
    expect(pathLegend(placeActors(answer))).toEqual([
      { kind: "intergovernmental-organisation", count: 1 },
      { kind: "un-entity", count: 1 },
      { kind: "inter-agency-group", count: 1 },
      { kind: "state", count: 1 },
    ]);
  });

  it("says how many paths, how long, and when there were more", () => {
    expect(pathsSummary(answer)).toBe("2 shortest paths from Switzerland to UN Network on Migration, 2 hops each; there are more of this length, and the 2 strongest are shown.");
    expect(pathsSummary({ ...answer, truncated: false, paths: answer.paths.slice(0, 1) })).toBe("1 shortest path from Switzerland to UN Network on Migration, 2 hops each.");
  });

  it("says plainly when there is no connection within the depth", () => {
    expect(pathsSummary({ ...answer, length: null, truncated: false, paths: [] })).toBe("Switzerland and UN Network on Migration are not connected within 4 hops.");
    expect(pathsSummary({ ...answer, maxDepth: 1, length: null, truncated: false, paths: [] })).toBe("Switzerland and UN Network on Migration are not connected within 1 hop.");
  });

  it("shows a relation's citations as the actor page's footnotes", () => {
    expect(citationsAsFootnotes(answer.paths[0]!.hops[0]!.relations[0]!.relation.sources)).toEqual([
      { number: 1, sourceId: "s1", title: null, author: null, year: null, url: null, quote: "q", summary: null, record: null, locator: "p. 3", href: "/api/v1/sources/s1" },
    ]);
  });

  it("gives the footnotes their sources' titles once fetched, and keeps the id where a source was not found", () => {
    const footnotes = citationsAsFootnotes(answer.paths[0]!.hops[0]!.relations[0]!.relation.sources);
    const source = { id: "s1", title: "IOM Constitution", author: "IOM", year: 1953, url: "https://example.org/c" } as Source;
    expect(withSources(footnotes, new Map([["s1", source]]))[0]).toMatchObject({ title: "IOM Constitution", author: "IOM", year: 1953, url: "https://example.org/c", quote: "q", locator: "p. 3" });
    expect(withSources(footnotes, new Map([["s1", null]]))).toEqual(footnotes);
    expect(withSources(footnotes, new Map())).toEqual(footnotes);
  });
});
