import { describe, expect, it } from "vitest";
import { claimsOf, researchSourceIds, type Relation } from "../src/claims";
import { formatRoute, parseRoute, titleOf } from "../src/route";

const citation = (sourceId: string, quote: string | null = null) => ({ sourceId, quote, summary: null, record: null, locator: null, href: `/api/v1/sources/${sourceId}` });

function relation(id: string, confidence: Relation["confidence"], sources: string[], sentence = id): Relation {
  return {
    id, type: "MANDATES", from: "a", to: "b", fromActor: { id: "a", name: "A" }, toActor: { id: "b", name: "B" }, sentence,
    start: null, end: null, heldOn: null, role: null, confidence, sources: sources.map((s) => citation(s, s === "noborder-iom-wiki" ? "words" : null)),
    note: null, undated: true,
  } as unknown as Relation;
}

describe("claimsOf", () => {
  it("puts the article's citation apart from the research's, the least sure claims first", () => {
    const claims = claimsOf([
      relation("high", "high", ["noborder-iom-wiki", "ilo-history"]),
      relation("low", "low", ["iom-2016", "noborder-iom-wiki", "mc-inf-302"]),
      relation("medium", "medium", ["noborder-iom-wiki"]),
    ]);
    expect(claims.map((c) => c.relation.id)).toEqual(["low", "medium", "high"]);
    expect(claims[0]!.article.map((c) => c.quote)).toEqual(["words"]);
    expect(claims[0]!.research.map((c) => c.sourceId)).toEqual(["iom-2016", "mc-inf-302"]);
    expect(claims[1]!.research).toEqual([]);
    expect(researchSourceIds(claims)).toEqual(["ilo-history", "iom-2016", "mc-inf-302"]);
  });
});

describe("the claims route", () => {
  it("is #/claims, read back the same, with its own title", () => {
    expect(parseRoute("#/claims")).toEqual({ view: "claims" });
    expect(parseRoute("#/claims/")).toEqual({ view: "claims" });
    expect(formatRoute({ view: "claims" })).toBe("#/claims");
    expect(parseRoute("#/claims/more")).toEqual({ view: "home", query: "" });
    expect(titleOf({ view: "claims" })).toBe("The article’s claims, checked · IomGraph explorer");
  });
});
