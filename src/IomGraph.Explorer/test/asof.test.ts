import { describe, expect, it } from "vitest";
import { asOfNote, clampYear, firstYear, isPast, lastYear, nextYear, parseAsOf, playFrom, sentenceEnded, yearOf } from "../src/asof";
import { formatPartialDate } from "../src/format";

describe("parseAsOf", () => {
  it.each(["2010", "2006-05", "2006-05-09", "2024-02-29", "1945"])("takes %j as the API does", (date) => {
    expect(parseAsOf(date)).toBe(date);
  });

  it("trims what was typed", () => {
    expect(parseAsOf(" 2010 ")).toBe("2010");
  });

  it.each([null, undefined, "", "10", "20100", "2010-5", "2010-13", "2010-00", "2010-02-30", "2023-02-29", "2010/05", "May 2010", "2010-05-09T00:00"])(
    "refuses %j (everything is shown instead)",
    (date) => {
      expect(parseAsOf(date)).toBeNull();
    },
  );
});

describe("the slider's years", () => {
  const today = new Date(Date.UTC(2026, 11, 3));

  it("run from 1945 to the current year", () => {
    expect(firstYear).toBe(1945);
    expect(lastYear(today)).toBe(2026);
    expect(yearOf("2006-05-09")).toBe(2006);
  });

  it("keep a year within the range", () => {
    expect(clampYear(1900, 1945, 2026)).toBe(1945);
    expect(clampYear(3000, 1945, 2026)).toBe(2026);
    expect(clampYear(2010, 1945, 2026)).toBe(2010);
  });

  it("step a year at a time and stop at the last", () => {
    expect(nextYear("2010", 1945, 2026)).toBe(2011);
    expect(nextYear("2010-05-09", 1945, 2026)).toBe(2011);
    expect(nextYear("2025", 1945, 2026)).toBe(2026);
    expect(nextYear("2026", 1945, 2026)).toBeNull();
    expect(nextYear("2030", 1945, 2026)).toBeNull();
    expect(nextYear("1900", 1945, 2026)).toBe(1945);
    expect(nextYear(null, 1945, 2026)).toBe(1945);
  });

  it("play from the year shown, or from the first when there is none or it is the last", () => {
    expect(playFrom("2010", 1945, 2026)).toBe(2010);
    expect(playFrom(null, 1945, 2026)).toBe(1945);
    expect(playFrom("2026", 1945, 2026)).toBe(1945);
    expect(playFrom("1900", 1945, 2026)).toBe(1945);
  });
});

describe("asOfNote", () => {
  it("says what a date shows, undated relations included", () => {
    expect(asOfNote("2010", formatPartialDate)).toBe(
      "Only relations that held in 2010; relations whose dates are not recorded are left out, since they may or may not have held then.",
    );
    expect(asOfNote("2010-05-09", formatPartialDate)).toMatch(/^Only relations that held on 9 May 2010;/);
    expect(asOfNote(null, formatPartialDate)).toMatch(/^Everything recorded/);
  });
});

describe("ended relations", () => {
  const today = "2026-12-03";

  it("are past once their end's whole period is", () => {
    expect(isPast("2018", today)).toBe(true);
    expect(isPast("2026", today)).toBe(false);
    expect(isPast("2026-11", today)).toBe(true);
    expect(isPast("2026-12", today)).toBe(false);
    expect(isPast("2026-12-02", today)).toBe(true);
    expect(isPast("2026-12-03", today)).toBe(false);
  });

  it("set a sentence apart only when all its relations have ended, with the latest end", () => {
    const ends = new Map<string, string | null>([["a", "2018"], ["b", "2007-06"], ["c", null], ["d", "2030"]]);
    expect(sentenceEnded(["a"], ends, today)).toBe("2018");
    expect(sentenceEnded(["a", "b"], ends, today)).toBe("2018");
    expect(sentenceEnded(["a", "c"], ends, today)).toBeNull();
    expect(sentenceEnded(["d"], ends, today)).toBeNull();
    expect(sentenceEnded(["unknown"], ends, today)).toBeNull();
    expect(sentenceEnded([], ends, today)).toBeNull();
  });
});
