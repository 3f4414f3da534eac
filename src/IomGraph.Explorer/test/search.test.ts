import { describe, expect, it } from "vitest";
import type { ActorHit } from "../src/api";
import { suggestionDetail } from "../src/search";

function hit(name: string, aliases: string[], shortName: string | null = null): ActorHit {
  return {
    actor: {
      id: "x", name, kind: "inter-agency-group", label: null, shortName, plural: false, aliases,
      founded: null, dissolved: null, headquarters: null, iso3: null, externalIds: {}, description: null, sources: [],
    },
    match: "exact",
  };
}

describe("suggestionDetail", () => {
  it("shows the alias that matched when the name does not show the typed text", () => {
    expect(suggestionDetail(hit("Global Migration Group", ["GMG"]), "gmg")).toBe("GMG");
    expect(suggestionDetail(hit("International Organization for Migration", ["IOM", "ICEM"]), "icem")).toBe("ICEM");
  });

  it("folds accents and case like the API", () => {
    expect(suggestionDetail(hit("Republic of Côte d’Ivoire", ["Côte d’Ivoire", "Ivory Coast"]), "ivory")).toBe("Ivory Coast");
  });

  it("falls back on the short name when the name itself matched", () => {
    expect(suggestionDetail(hit("United Nations Network on Migration", ["UNNM"], "UN Network on Migration"), "network")).toBe("UN Network on Migration");
    expect(suggestionDetail(hit("UNHCR", []), "unhcr")).toBeNull();
  });
});
