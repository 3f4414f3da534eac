import { describe, expect, it } from "vitest";
import { downloadFileName, exportUrl, pathsExportUrl, pathsFileName } from "../src/downloads";
import { noFilter } from "../src/graphfilter";

describe("downloadFileName", () => {
  it.each([
    ["iom", "png", "iomgraph-iom-neighbourhood.png"],
    ["global-migration-group", "gexf", "iomgraph-global-migration-group-neighbourhood.gexf"],
    ["unctad.chairs.x", "zip", "iomgraph-unctad.chairs.x-neighbourhood.zip"],
    ["A b/c", "graphml", "iomgraph-a-b-c-neighbourhood.graphml"],
    ["///", "png", "iomgraph-actor-neighbourhood.png"],
  ])("names %j's %s", (id, extension, name) => {
    expect(downloadFileName(id, extension)).toBe(name);
  });

  it("adds the view's date", () => {
    expect(downloadFileName("iom", "png", "2010")).toBe("iomgraph-iom-neighbourhood-2010.png");
    expect(downloadFileName("iom", "zip", "2010-05-09")).toBe("iomgraph-iom-neighbourhood-2010-05-09.zip");
  });
});

describe("exportUrl", () => {
  it("asks the API for the same neighbourhood without group", () => {
    expect(exportUrl("iom", "gexf")).toBe("/api/v1/actors/iom/neighbourhood?depth=1&format=gexf");
    expect(exportUrl("iom", "csv", null, noFilter, 2)).toBe("/api/v1/actors/iom/neighbourhood?depth=2&format=csv");
    expect(exportUrl("iom", "graphml", "2010")).toBe("/api/v1/actors/iom/neighbourhood?depth=1&asOf=2010&format=graphml");
    expect(exportUrl("a b", "graphml")).toBe("/api/v1/actors/a%20b/neighbourhood?depth=1&format=graphml");
  });
});

describe("the neighbourhood's export with a filter", () => {
  it("asks for the same relation types and leaves out the hidden kinds, never the groups", () => {
    expect(exportUrl("iom", "gexf", "2010", { types: ["CHAIRS", "MEMBER_OF"], hidden: ["state"], expanded: ["state"] })).toBe(
      "/api/v1/actors/iom/neighbourhood?depth=1&type=CHAIRS%2CMEMBER_OF&excludeKind=state&asOf=2010&format=gexf");
  });
});

describe("the paths' downloads", () => {
  it("names the file after the two ends and the date", () => {
    expect(pathsFileName("che", "un-network-on-migration", "gexf")).toBe("iomgraph-paths-che-to-un-network-on-migration.gexf");
    expect(pathsFileName("che", "iom", "png", "2010")).toBe("iomgraph-paths-che-to-iom-2010.png");
  });

  it("asks the API for the same question as a file", () => {
    expect(pathsExportUrl({ from: "che", to: "iom" }, "graphml")).toBe("/api/v1/paths?from=che&to=iom&format=graphml");
    expect(pathsExportUrl({ from: "che", to: "iom", maxDepth: 2, asOf: "2010" }, "csv")).toBe("/api/v1/paths?from=che&to=iom&maxDepth=2&asOf=2010&format=csv");
  });
});
