import type { components } from "./generated/schema";

export type ActorKind = components["schemas"]["ActorKind"];
export type Confidence = components["schemas"]["Confidence"];

const months = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/**
 * A date at the precision the API gives it: "2006" → "2006", "2006-05" → "May 2006", "2006-05-09" → "9 May 2006".
 * Anything that is not such a date is returned unchanged rather than guessed at.
 */
export function formatPartialDate(date: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (match === null) {
    return date;
  }

  const [, year, month, day] = match;
  const monthName = month === undefined ? undefined : months[Number(month) - 1];
  if (monthName === undefined) {
    return year ?? date;
  }

  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** "Founded May 2006, dissolved 2018", or "Founded 1951", or null when neither date is known. */
export function lifespan(founded: string | null, dissolved: string | null): string | null {
  const parts: string[] = [];
  if (founded !== null) {
    parts.push(`Founded ${formatPartialDate(founded)}`);
  }

  if (dissolved !== null) {
    parts.push(parts.length === 0 ? `Dissolved ${formatPartialDate(dissolved)}` : `dissolved ${formatPartialDate(dissolved)}`);
  }

  return parts.length === 0 ? null : parts.join(", ");
}

/** How sure the curators are (the API's meaning of a confidence), in words a reader needs no legend for. */
export function confidenceWords(confidence: Confidence): string {
  switch (confidence) {
    case "high":
      return "The curators are sure of this (high confidence).";
    case "medium":
      return "The curators are fairly sure of this (medium confidence).";
    case "low":
      return "The curators are unsure of this (low confidence).";
  }
}

/** The short form, for a badge beside a sentence. */
export function confidenceLabel(confidence: Confidence): string {
  return `${confidence[0]!.toUpperCase()}${confidence.slice(1)} confidence`;
}

/**
 * A colour per actor kind, chosen to stay apart for the common colour-vision deficiencies (Okabe–Ito, then Tol's
 * muted tones) and dark enough for white text outlines. A Record over the API's enum: a kind added to the API without
 * a colour here fails the explorer's type check.
 */
export const kindColours: Record<ActorKind, string> = {
  "intergovernmental-organisation": "#0072B2",
  "un-entity": "#56B4E9",
  "inter-agency-group": "#E69F00",
  "state-led-process": "#009E73",
  "forum-or-commission": "#CC79A7",
  "policy-framework": "#D55E00",
  "governing-body": "#882255",
  state: "#999933",
  person: "#332288",
  event: "#44AA99",
  value: "#AA4499",
};

/** A node's diameter in pixels from its degree: grows with the square root, so hubs stand out without swallowing the drawing. */
export function nodeSize(degree: number): number {
  const size = 18 + 6 * Math.sqrt(Math.max(0, degree));
  return Math.round(Math.min(90, size));
}

/** "1 relation", "3 relations". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
