import { describe, expect, it } from "vitest";
import { summaryText } from "../src/filtercontrol";
import {
  follows, gatheredKinds, graphFilterParams, isFiltered, knownOnly, noFilter, parseGraphFilter, setGathered, toggleKind, toggleType, type GraphFilter,
} from "../src/graphfilter";

const params = (query: string): URLSearchParams => new URLSearchParams(query);

describe("parseGraphFilter", () => {
  it("reads types, hidden kinds and expanded kinds, in one spelling", () => {
    expect(parseGraphFilter(params("type=MEMBER_OF,CHAIRS&hide=person&expand=state"))).toEqual({
      types: ["CHAIRS", "MEMBER_OF"], hidden: ["person"], expanded: ["state"],
    });
  });

  it("takes repeated parameters, any case, spaces and repeats", () => {
    expect(parseGraphFilter(params("type=member_of&type=%20LEADS%20,MEMBER_OF&hide=Value,value"))).toEqual({
      types: ["LEADS", "MEMBER_OF"], hidden: ["value"], expanded: [],
    });
  });

  it("drops what is not a type or a kind instead of failing", () => {
    expect(parseGraphFilter(params("type=<script>,1,_X&hide=planet,&expand=state-ish"))).toEqual(noFilter);
    expect(parseGraphFilter(params(""))).toEqual(noFilter);
  });
});

describe("graphFilterParams", () => {
  it("writes nothing for no filter, and a fixed order otherwise", () => {
    expect(graphFilterParams(noFilter)).toEqual([]);
    expect(graphFilterParams({ types: ["MEMBER_OF", "CHAIRS"], hidden: ["value", "person"], expanded: ["state"] })).toEqual([
      ["type", "CHAIRS,MEMBER_OF"], ["hide", "person,value"], ["expand", "state"],
    ]);
  });

  it("round-trips through the URL", () => {
    const filter: GraphFilter = { types: ["LEADS"], hidden: ["event"], expanded: ["state"] };
    expect(parseGraphFilter(new URLSearchParams(graphFilterParams(filter)))).toEqual(filter);
  });
});

describe("gatheredKinds", () => {
  it("gathers the states unless they are expanded or hidden", () => {
    expect(gatheredKinds(noFilter)).toEqual(["state"]);
    expect(gatheredKinds({ ...noFilter, expanded: ["state"] })).toEqual([]);
    expect(gatheredKinds({ ...noFilter, hidden: ["state"] })).toEqual([]);
  });
});

describe("toggleType", () => {
  const offered = ["MEMBER_OF", "CHAIRS", "LEADS"] as const;

  it("unticking one of every type leaves the others", () => {
    expect(toggleType(noFilter, "CHAIRS", false, offered)).toEqual({ ...noFilter, types: ["LEADS", "MEMBER_OF"] });
  });

  it("ticking the last one unticked is no filter again", () => {
    expect(toggleType({ ...noFilter, types: ["LEADS", "MEMBER_OF"] }, "CHAIRS", true, offered)).toEqual(noFilter);
  });

  it("refuses to untick the last type ticked", () => {
    expect(toggleType({ ...noFilter, types: ["LEADS"] }, "LEADS", false, offered)).toBeNull();
  });

  it("forgets types the actor does not have", () => {
    expect(toggleType({ ...noFilter, types: ["FUNDS", "LEADS"] }, "CHAIRS", true, offered)).toEqual({ ...noFilter, types: ["CHAIRS", "LEADS"] });
  });
});

describe("toggleKind and setGathered", () => {
  it("hides and shows a kind", () => {
    const hidden = toggleKind(noFilter, "person", false);
    expect(hidden.hidden).toEqual(["person"]);
    expect(toggleKind(hidden, "person", true)).toEqual(noFilter);
  });

  it("expands and gathers the states", () => {
    const expanded = setGathered(noFilter, "state", false);
    expect(expanded).toEqual({ ...noFilter, expanded: ["state"] });
    expect(setGathered(expanded, "state", true)).toEqual(noFilter);
  });
});

describe("knownOnly, follows, isFiltered and summaryText", () => {
  it("keeps only the vocabulary's types", () => {
    expect(knownOnly({ ...noFilter, types: ["MEMBER_OF", "RENAMED_TO" as "LEADS"] }, new Set(["MEMBER_OF"]))).toEqual({ ...noFilter, types: ["MEMBER_OF"] });
    expect(knownOnly({ ...noFilter, types: ["MEMBER_OF"] }, new Set())).toEqual({ ...noFilter, types: ["MEMBER_OF"] });
  });

  it("follows every type without a filter", () => {
    expect(follows(noFilter, "FUNDS")).toBe(true);
    expect(follows({ ...noFilter, types: ["LEADS"] }, "FUNDS")).toBe(false);
  });

  it("says what is filtered", () => {
    expect(isFiltered(noFilter)).toBe(false);
    expect(isFiltered({ ...noFilter, expanded: ["state"] })).toBe(true);
    expect(summaryText(noFilter)).toBe("");
    expect(summaryText({ types: ["LEADS"], hidden: ["person", "value"], expanded: [] })).toBe(" (1 relation type, 2 kinds hidden)");
  });
});
