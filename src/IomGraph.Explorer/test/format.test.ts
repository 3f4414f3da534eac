import { describe, expect, it } from "vitest";
import { confidenceLabel, confidenceWords, count, formatPartialDate, kindColours, lifespan, nodeSize } from "../src/format";

describe("formatPartialDate", () => {
  it.each([
    ["2006", "2006"],
    ["2006-05", "May 2006"],
    ["2006-05-09", "9 May 2006"],
    ["1951-12-05", "5 December 1951"],
    ["2018-13", "2018"],
    ["soon", "soon"],
    ["2006-5", "2006-5"],
  ])("keeps the precision of %s: %s", (date, text) => {
    expect(formatPartialDate(date)).toBe(text);
  });
});

describe("lifespan", () => {
  it("says what is known and nothing more", () => {
    expect(lifespan("2006", "2018")).toBe("Founded 2006, dissolved 2018");
    expect(lifespan("1951-12-05", null)).toBe("Founded 5 December 1951");
    expect(lifespan(null, "2006")).toBe("Dissolved 2006");
    expect(lifespan(null, null)).toBeNull();
  });
});

describe("confidence", () => {
  it("is said in words, the level named in each", () => {
    for (const level of ["high", "medium", "low"] as const) {
      expect(confidenceWords(level)).toContain(`${level} confidence`);
    }

    expect(confidenceLabel("medium")).toBe("Medium confidence");
  });
});

describe("the drawing's scales", () => {
  it("grows a node with its degree, within bounds", () => {
    expect(nodeSize(0)).toBe(18);
    expect(nodeSize(1)).toBeLessThan(nodeSize(4));
    expect(nodeSize(100_000)).toBe(90);
    expect(nodeSize(-3)).toBe(18);
  });

  it("gives every kind its own colour", () => {
    const colours = Object.values(kindColours);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("counts in words", () => {
    expect(count(1, "relation")).toBe("1 relation");
    expect(count(2, "entity", "entities")).toBe("2 entities");
  });
});
