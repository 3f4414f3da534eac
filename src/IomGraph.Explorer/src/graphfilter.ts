// What the graph view draws besides the actor and the date: which relation types it follows, which kinds of actor it
// leaves out, and which kinds it shows one by one instead of gathering them into one node. It lives in the URL with the
// rest of the route:
//   #/actor/iom/graph?type=MEMBER_OF,CHAIRS    only these relation types (none named: every type)
//   #/actor/iom/graph?hide=person,value        leave these kinds of actor out
//   #/actor/iom/graph?expand=state             draw the states one by one (by default they are one node, "160 states")
// Values are kept in one spelling (sorted, without repeats), so that a filter has one URL; values that are not the
// vocabulary's spelling are dropped, and the page drops the ones the vocabulary does not have.

import type { components } from "./generated/schema";
import { kindColours, type ActorKind } from "./format";

export type RelationType = components["schemas"]["RelationType"];

export type GraphFilter = {
  /** The relation types followed; empty for every type. */
  types: readonly RelationType[];
  /** The kinds of actor left out of the drawing. */
  hidden: readonly ActorKind[];
  /** The kinds gathered by default that are drawn one by one. */
  expanded: readonly ActorKind[];
};

export const noFilter: GraphFilter = { types: [], hidden: [], expanded: [] };

/** The kinds gathered into one node unless expanded: IOM's 170-odd member states would otherwise bury the rest. */
export const gatheredByDefault: readonly ActorKind[] = ["state"];

const relationTypeSpelling = /^[A-Z][A-Z_]*[A-Z]$/;

export function isKind(value: string): value is ActorKind {
  return Object.hasOwn(kindColours, value);
}

/** Reads the filter from a route's query; what is not a filter is ignored. */
export function parseGraphFilter(params: URLSearchParams): GraphFilter {
  const list = (name: string): string[] =>
    params.getAll(name).flatMap((v) => v.split(",")).map((v) => v.trim()).filter((v) => v.length > 0);
  return {
    types: canonical(list("type").map((t) => t.toUpperCase()).filter((t): t is RelationType => relationTypeSpelling.test(t))),
    hidden: canonical(list("hide").map((k) => k.toLowerCase()).filter(isKind)),
    expanded: canonical(list("expand").map((k) => k.toLowerCase()).filter(isKind)),
  };
}

/** The filter as query parameters, in a fixed order; nothing for no filter. */
export function graphFilterParams(filter: GraphFilter): [string, string][] {
  const params: [string, string][] = [];
  if (filter.types.length > 0) params.push(["type", canonical(filter.types).join(",")]);
  if (filter.hidden.length > 0) params.push(["hide", canonical(filter.hidden).join(",")]);
  if (filter.expanded.length > 0) params.push(["expand", canonical(filter.expanded).join(",")]);
  return params;
}

export function isFiltered(filter: GraphFilter): boolean {
  return filter.types.length > 0 || filter.hidden.length > 0 || filter.expanded.length > 0;
}

/** Keeps only what the vocabulary has: a URL written for another version of the API does not end in an error. */
export function knownOnly(filter: GraphFilter, relationTypes: ReadonlySet<string>): GraphFilter {
  return relationTypes.size === 0 ? filter : { ...filter, types: filter.types.filter((t) => relationTypes.has(t)) };
}

/** The kinds to gather into one node each: those gathered by default, less the expanded and the hidden ones. */
export function gatheredKinds(filter: GraphFilter): ActorKind[] {
  return gatheredByDefault.filter((k) => !filter.expanded.includes(k) && !filter.hidden.includes(k));
}

/** Whether the drawing follows a relation type under the filter. */
export function follows(filter: GraphFilter, type: RelationType): boolean {
  return filter.types.length === 0 || filter.types.includes(type);
}

/**
 * The relation types followed after a reader ticks or unticks one of `offered` (the types the actor has): ticking
 * every type again is no filter, and unticking the last one ticked is refused (null), since a drawing of no relation
 * is no drawing.
 */
export function toggleType(filter: GraphFilter, type: RelationType, on: boolean, offered: readonly RelationType[]): GraphFilter | null {
  const ticked = new Set(filter.types.length === 0 ? offered : filter.types.filter((t) => offered.includes(t)));
  if (on) ticked.add(type);
  else ticked.delete(type);
  if (ticked.size === 0) return null;
  const types = offered.every((t) => ticked.has(t)) ? [] : canonical([...ticked]);
  return { ...filter, types };
}

/** The kinds left out after a reader shows (on) or hides a kind. */
export function toggleKind(filter: GraphFilter, kind: ActorKind, shown: boolean): GraphFilter {
  const hidden = shown ? filter.hidden.filter((k) => k !== kind) : canonical([...filter.hidden, kind]);
  return { ...filter, hidden };
}

/** The filter with a kind gathered into one node (true) or drawn one by one. */
export function setGathered(filter: GraphFilter, kind: ActorKind, gathered: boolean): GraphFilter {
  const expanded = gathered ? filter.expanded.filter((k) => k !== kind) : canonical([...filter.expanded, kind]);
  return { ...filter, expanded };
}

function canonical<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}
