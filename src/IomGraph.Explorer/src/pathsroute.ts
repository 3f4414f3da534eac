// The paths view's part of the route: #/paths?from=che&to=un-network-on-migration asks how one actor is connected to
// another. Either end may be missing (the form is then half filled in); an end that is not an actor id reads as missing.
// Kept apart from route.ts so that the view's grammar is in one place.

export type PathsRoute = { view: "paths"; /** The actor the path starts from, or null. */ from: string | null; /** The actor it ends at, or null. */ to: string | null };

// An actor id as the API writes them (as in route.ts).
const actorId = /^[a-z0-9][a-z0-9.-]*$/;

function end(raw: string | null): string | null {
  const id = (raw ?? "").trim().toLowerCase();
  return actorId.test(id) ? id : null;
}

export function parsePathsRoute(params: URLSearchParams): PathsRoute {
  return { view: "paths", from: end(params.get("from")), to: end(params.get("to")) };
}

export function formatPathsRoute(route: PathsRoute): string {
  const query = new URLSearchParams();
  if (route.from !== null) query.set("from", route.from);
  if (route.to !== null) query.set("to", route.to);
  const text = query.toString();
  return text === "" ? "#/paths" : `#/paths?${text}`;
}

export function pathsRoute(from: string | null = null, to: string | null = null): PathsRoute {
  return { view: "paths", from, to };
}

/** The question the view asks, in the title: "How is Switzerland connected to UN Network on Migration?", with the names once known. */
export function pathsTitle(route: PathsRoute, fromName?: string, toName?: string): string {
  const from = fromName ?? route.from;
  const to = toName ?? route.to;
  if (from !== null && to !== null) return `How is ${from} connected to ${to}?`;
  return "How is one actor connected to another?";
}
