// The paths view's part of the route: #/paths?from=che&to=un-network-on-migration asks how one actor is connected to
// another. Either end may be missing (the form is then half filled in); an end that is not an actor id reads as missing.
// maxDepth=2 looks for paths of at most 2 hops (1 to 6; the API's 4 when absent), asOf=2010 follows only relations that
// held then. Kept apart from route.ts so that the view's grammar is in one place.

import { parseAsOf } from "./asof";

export type PathsRoute = {
  view: "paths";
  /** The actor the path starts from, or null. */
  from: string | null;
  /** The actor it ends at, or null. */
  to: string | null;
  /** The longest path looked for, when it is not the API's default. */
  maxDepth?: number;
  /** The date whose relations are followed, when there is one. */
  asOf?: string;
};

/** The API's longest path by default, and the longest it takes. */
export const defaultMaxDepth = 4;
export const longestMaxDepth = 6;

// An actor id as the API writes them (as in route.ts).
const actorId = /^[a-z0-9][a-z0-9.-]*$/;

function end(raw: string | null): string | null {
  const id = (raw ?? "").trim().toLowerCase();
  return actorId.test(id) ? id : null;
}

function depth(raw: string | null): number | undefined {
  const text = (raw ?? "").trim();
  if (!/^[1-9]$/.test(text)) return undefined;
  const n = Number(text);
  return n <= longestMaxDepth && n !== defaultMaxDepth ? n : undefined;
}

export function parsePathsRoute(params: URLSearchParams): PathsRoute {
  return pathsRoute(end(params.get("from")), end(params.get("to")), { maxDepth: depth(params.get("maxDepth")), asOf: parseAsOf(params.get("asOf")) ?? undefined });
}

export function formatPathsRoute(route: PathsRoute): string {
  const query = new URLSearchParams();
  if (route.from !== null) query.set("from", route.from);
  if (route.to !== null) query.set("to", route.to);
  if (route.maxDepth !== undefined) query.set("maxDepth", String(route.maxDepth));
  if (route.asOf !== undefined) query.set("asOf", route.asOf);
  const text = query.toString();
  return text === "" ? "#/paths" : `#/paths?${text}`;
}

/** The route; a depth that is the default, and a missing date, are left out, so that each question has one URL. */
export function pathsRoute(from: string | null = null, to: string | null = null, options: { maxDepth?: number; asOf?: string | null } = {}): PathsRoute {
  const route: PathsRoute = { view: "paths", from, to };
  if (options.maxDepth !== undefined && options.maxDepth !== defaultMaxDepth) route.maxDepth = options.maxDepth;
  if (options.asOf !== undefined && options.asOf !== null) route.asOf = options.asOf;
  return route;
}

/** The question the view asks, in the title: "How is Switzerland connected to UN Network on Migration?", with the names once known. */
export function pathsTitle(route: PathsRoute, fromName?: string, toName?: string): string {
  const from = fromName ?? route.from;
  const to = toName ?? route.to;
  if (from !== null && to !== null) return `How is ${from} connected to ${to}?`;
  return "How is one actor connected to another?";
}
