// The "As of" control's logic: which dates the API takes, the slider's years, and stepping through them when playing.

/** The slider's first year: the seed's oldest dated relations are the post-war organisations (IOM's precursor, 1951). */
export const firstYear = 1945;

/** The slider's last year: the current one. */
export function lastYear(today: Date = new Date()): number {
  return today.getUTCFullYear();
}

const partialDate = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * A date as the API's asOf takes it (YYYY, YYYY-MM or YYYY-MM-DD, a real day), or null for anything else, the empty
 * string included: a URL with a broken date shows everything rather than an error.
 */
export function parseAsOf(value: string | null | undefined): string | null {
  const text = (value ?? "").trim();
  const match = partialDate.exec(text);
  if (match === null) return null;
  const [, year, month, day] = match;
  if (day !== undefined) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    if (date.getUTCMonth() !== Number(month) - 1) return null;
  }

  return text;
}

/** The year of a partial date, for the slider. */
export function yearOf(asOf: string): number {
  return Number(asOf.slice(0, 4));
}

/** A year kept within the slider's range. */
export function clampYear(year: number, first = firstYear, last = lastYear()): number {
  return Math.min(last, Math.max(first, Math.round(year)));
}

/**
 * The year that playing shows after the one shown, or null at the end of the range (playing stops there). Playing
 * from no date, or from the last year, starts again at the first.
 */
export function nextYear(asOf: string | null, first = firstYear, last = lastYear()): number | null {
  if (asOf === null) return first;
  const year = yearOf(asOf);
  if (year < first) return first;
  return year >= last ? null : year + 1;
}

/** Where Play starts: from the year shown, unless that is the last one (or none), when it starts from the first. */
export function playFrom(asOf: string | null, first = firstYear, last = lastYear()): number {
  if (asOf === null) return first;
  const year = yearOf(asOf);
  return year >= last || year < first ? first : year;
}

/** The one line the page says about what it shows for a date. */
export function asOfNote(asOf: string | null, words: (date: string) => string): string {
  return asOf === null
    ? "Everything recorded, whenever it held; relations that have ended are marked with their end."
    : `Only relations that held ${asOf.length === 10 ? "on" : "in"} ${words(asOf)}; relations whose dates are not recorded are left out, since they may or may not have held then.`;
}

/** Today as YYYY-MM-DD (UTC), for comparing with the API's partial dates. */
export function todayIso(today: Date = new Date()): string {
  return today.toISOString().slice(0, 10);
}

/** Whether a partial date is wholly past: "2018" has ended by 2019, "2026-12" only once December 2026 is over. */
export function isPast(date: string, today: string = todayIso()): boolean {
  return date < today.slice(0, date.length);
}

/**
 * When a sentence's relations ended, if every one of them has (the latest end, since that is when the sentence stopped
 * being true), or null when one still holds or has no recorded end. A sentence without relations (what an actor is) holds.
 */
export function sentenceEnded(relationIds: readonly string[], ends: ReadonlyMap<string, string | null>, today: string = todayIso()): string | null {
  if (relationIds.length === 0) return null;
  let latest: string | null = null;
  for (const id of relationIds) {
    const end = ends.get(id) ?? null;
    if (end === null || !isPast(end, today)) return null;
    if (latest === null || end > latest) latest = end;
  }

  return latest;
}
