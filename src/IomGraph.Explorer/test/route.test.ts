import { describe, expect, it } from "vitest";
import { actorRoute, formatRoute, home, parseRoute, sameRoute, titleOf, type Route } from "../src/route";

describe("parseRoute", () => {
  it.each<[string, Route]>([
    ["", home],
    ["#", home],
    ["#/", home],
    ["#/actor/iom", { view: "actor", id: "iom", tab: "profile", asOf: null }],
    ["#/actor/iom/profile", { view: "actor", id: "iom", tab: "profile", asOf: null }],
    ["#/actor/global-migration-group/graph", { view: "actor", id: "global-migration-group", tab: "graph", asOf: null }],
    ["#/actor/IOM", { view: "actor", id: "iom", tab: "profile", asOf: null }],
    ["#/actor/iom/", { view: "actor", id: "iom", tab: "profile", asOf: null }],
    ["#/actor/unctad.chairs.x/graph", { view: "actor", id: "unctad.chairs.x", tab: "graph", asOf: null }],
    ["#/search?q=GMG", { view: "home", query: "GMG" }],
    ["#/search?q=cote%20d%27ivoire", { view: "home", query: "cote d'ivoire" }],
    ["#/search?q=C%C3%B4te+d%E2%80%99Ivoire", { view: "home", query: "Côte d’Ivoire" }],
    ["#/search?q=%20%20IOM%20", { view: "home", query: "IOM" }],
    ["#/search", home],
    ["#/actor/iom/graph?asOf=2010", { view: "actor", id: "iom", tab: "graph", asOf: "2010" }],
    ["#/actor/iom?asOf=2006-05", { view: "actor", id: "iom", tab: "profile", asOf: "2006-05" }],
    ["#/actor/iom?asOf=2006-05-09", { view: "actor", id: "iom", tab: "profile", asOf: "2006-05-09" }],
    ["#/actor/iom/graph?asOf=", { view: "actor", id: "iom", tab: "graph", asOf: null }],
    ["#/actor/iom/graph?asOf=yesterday", { view: "actor", id: "iom", tab: "graph", asOf: null }],
    ["#/actor/iom/graph?asOf=2010-13", { view: "actor", id: "iom", tab: "graph", asOf: null }],
    ["#/actor/iom/graph?asOf=2010-02-30", { view: "actor", id: "iom", tab: "graph", asOf: null }],
    ["#/actor/iom/graph?type=MEMBER_OF&expand=state", { view: "actor", id: "iom", tab: "graph", asOf: null, graph: { types: ["MEMBER_OF"], hidden: [], expanded: ["state"] } }],
    ["#/actor/iom/graph?asOf=2010&hide=person,value", { view: "actor", id: "iom", tab: "graph", asOf: "2010", graph: { types: [], hidden: ["person", "value"], expanded: [] } }],
    ["#/actor/iom/graph?type=nonsense!", { view: "actor", id: "iom", tab: "graph", asOf: null }],
    ["#/actor/iom?type=MEMBER_OF&expand=state", { view: "actor", id: "iom", tab: "profile", asOf: null }],
  ])("reads %j", (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    "#/actor",
    "#/actor/iom/claims",
    "#/actor/iom/graph/extra",
    "#/actor/<script>",
    "#/actor/%E0%A4%A",
    "#/actor/-leading-hyphen",
    "#main",
    "#/nowhere",
    "#/search/more?q=x",
  ])("takes %j, which is no view, for the start page", (hash) => {
    expect(parseRoute(hash)).toEqual(home);
  });
});

describe("formatRoute", () => {
  it.each<[Route, string]>([
    [home, "#/"],
    [{ view: "home", query: "GMG" }, "#/search?q=GMG"],
    [{ view: "home", query: "Côte d’Ivoire" }, "#/search?q=C%C3%B4te+d%E2%80%99Ivoire"],
    [{ view: "home", query: "a&b=c#d" }, "#/search?q=a%26b%3Dc%23d"],
    [actorRoute("iom"), "#/actor/iom"],
    [actorRoute("iom", "graph"), "#/actor/iom/graph"],
    [actorRoute("iom", "graph", "2010"), "#/actor/iom/graph?asOf=2010"],
    [actorRoute("iom", "profile", "2010-05-09"), "#/actor/iom?asOf=2010-05-09"],
    [actorRoute("iom", "graph", "2010", { types: ["MEMBER_OF", "CHAIRS"], hidden: [], expanded: ["state"] }), "#/actor/iom/graph?asOf=2010&type=CHAIRS,MEMBER_OF&expand=state"],
    [actorRoute("iom", "graph", null, { types: [], hidden: [], expanded: [] }), "#/actor/iom/graph"],
    [actorRoute("iom", "profile", null, { types: ["LEADS"], hidden: [], expanded: [] }), "#/actor/iom"],
  ])("writes %j as %s", (route, hash) => {
    expect(formatRoute(route)).toBe(hash);
  });

  it.each<Route>([home, { view: "home", query: "cote d'ivoire & more" }, actorRoute("un-network-on-migration"), actorRoute("iom", "graph"), actorRoute("iom", "graph", "2010"), actorRoute("gmg", "profile", "2006-05")])(
    "is read back as the same route: %j",
    (route) => {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    },
  );

  it("gives one spelling per view, so a shared link and a reloaded one agree", () => {
    expect(formatRoute(parseRoute("#/actor/IOM/profile"))).toBe("#/actor/iom");
    expect(sameRoute(parseRoute("#/actor/iom/"), actorRoute("iom"))).toBe(true);
    expect(sameRoute(actorRoute("iom"), actorRoute("iom", "graph"))).toBe(false);
    expect(sameRoute(actorRoute("iom", "graph", "2010"), actorRoute("iom", "graph"))).toBe(false);
    expect(formatRoute(parseRoute("#/actor/IOM/graph?asOf=%202010%20"))).toBe("#/actor/iom/graph?asOf=2010");
    expect(formatRoute(parseRoute("#/actor/iom/graph?expand=state&type=member_of,MEMBER_OF&asOf=2010"))).toBe("#/actor/iom/graph?asOf=2010&type=MEMBER_OF&expand=state");
    expect(sameRoute(actorRoute("iom", "graph", null, { types: ["LEADS"], hidden: [], expanded: [] }), actorRoute("iom", "graph"))).toBe(false);
  });
});

describe("titleOf", () => {
  it("names the view and, once known, the actor", () => {
    expect(titleOf(home)).toBe("IomGraph explorer");
    expect(titleOf({ view: "home", query: "GMG" })).toBe("“GMG”: search · IomGraph explorer");
    expect(titleOf(actorRoute("iom"))).toBe("iom · IomGraph explorer");
    expect(titleOf(actorRoute("iom"), "International Organization for Migration")).toBe("International Organization for Migration · IomGraph explorer");
    expect(titleOf(actorRoute("iom", "graph"), "IOM")).toBe("IOM: neighbourhood · IomGraph explorer");
    expect(titleOf(actorRoute("iom", "graph", "2010-05"), "IOM")).toBe("IOM: neighbourhood as of May 2010 · IomGraph explorer");
  });
});
