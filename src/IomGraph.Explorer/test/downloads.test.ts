import { describe, expect, it } from "vitest";
import { downloadFileName, exportUrl } from "../src/downloads";

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
    expect(exportUrl("iom", "csv", null, 2)).toBe("/api/v1/actors/iom/neighbourhood?depth=2&format=csv");
    expect(exportUrl("iom", "graphml", "2010")).toBe("/api/v1/actors/iom/neighbourhood?depth=1&asOf=2010&format=graphml");
    expect(exportUrl("a b", "graphml")).toBe("/api/v1/actors/a%20b/neighbourhood?depth=1&format=graphml");
  });
});
