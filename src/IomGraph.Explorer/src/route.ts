// The explorer's state lives in the URL's fragment, so that every view can be shared, bookmarked and reloaded, and
// the API's own routes (/explore is one static page) need no fallback. The grammar:
//   #/                          the start page
//   #/search?q=GMG              the start page with a search typed in
//   #/actor/iom                 an actor's profile
//   #/actor/iom/graph           the same actor's neighbourhood, drawn
//   #/actor/iom/graph?asOf=2010 the same, as it stood on a date (YYYY, YYYY-MM or YYYY-MM-DD; the profile takes it too)
//   #/actor/iom/graph?type=MEMBER_OF&hide=person&expand=state  the drawing filtered (graphfilter.ts has that grammar)
//   #/paths?from=che&to=un-network-on-migration  how one actor is connected to another (either end may be missing)
//   #/claims                    the seed document's claims beside what the record says
// Parsing is total: any fragment gives a route (an unknown one gives the start page), and format(parse(x)) is the
// canonical spelling of x.

import { parseAsOf } from "./asof";
import { formatPartialDate } from "./format";
import { graphFilterParams, isFiltered, parseGraphFilter, type GraphFilter } from "./graphfilter";
import { formatPathsRoute, parsePathsRoute, pathsTitle, type PathsRoute } from "./pathsroute";

export type ActorTab = "profile" | "graph";

export type Route =
  | { view: "home"; query: string }
  | {
      view: "actor";
      id: string;
      tab: ActorTab;
      /** The date the view shows, or null for everything recorded. */
      asOf: string | null;
      /** What the graph tab draws, when it is filtered (absent on the profile, and when nothing is filtered). */
      graph?: GraphFilter;
    }
  | PathsRoute
  | { view: "claims" };

export const home: Route = { view: "home", query: "" };

const tabs: readonly ActorTab[] = ["profile", "graph"];

// An actor id as the API writes them (lower case, digits, dots and hyphens); anything else is not an actor.
const actorId = /^[a-z0-9][a-z0-9.-]*$/;

export function parseRoute(hash: string): Route {
  const fragment = hash.startsWith("#") ? hash.slice(1) : hash;
  const queryAt = fragment.indexOf("?");
  const path = queryAt < 0 ? fragment : fragment.slice(0, queryAt);
  const params = new URLSearchParams(queryAt < 0 ? "" : fragment.slice(queryAt + 1));
  const segments = path.split("/").filter((s) => s.length > 0).map(safeDecode);

  if (segments[0] === "actor" && segments.length >= 2 && segments.length <= 3) {
    const id = (segments[1] ?? "").toLowerCase();
    const tab = segments[2] ?? "profile";
    if (actorId.test(id) && isTab(tab)) {
      return actorRoute(id, tab, parseAsOf(params.get("asOf")), tab === "graph" ? parseGraphFilter(params) : undefined);
    }
  }

  if (segments[0] === "paths" && segments.length === 1) {
    return parsePathsRoute(params);
  }

  if (segments[0] === "claims" && segments.length === 1) {
    return { view: "claims" };
  }

  if (segments[0] === "search" && segments.length === 1) {
    return { view: "home", query: (params.get("q") ?? "").trim() };
  }

  return home;
}

export function formatRoute(route: Route): string {
  switch (route.view) {
    case "home":
      return route.query === "" ? "#/" : `#/search?${new URLSearchParams({ q: route.query }).toString()}`;
    case "actor": {
      const path = route.tab === "profile" ? `#/actor/${encodeURIComponent(route.id)}` : `#/actor/${encodeURIComponent(route.id)}/${route.tab}`;
      // The filter's values are vocabulary names (letters, "_" and "-") joined by commas, which need no escaping.
      const query = [
        ...(route.asOf === null ? [] : [`asOf=${encodeURIComponent(route.asOf)}`]),
        ...(route.tab === "graph" && route.graph !== undefined ? graphFilterParams(route.graph).map(([name, value]) => `${name}=${value}`) : []),
      ];
      return query.length === 0 ? path : `${path}?${query.join("&")}`;
    }
    case "paths":
      return formatPathsRoute(route);
    case "claims":
      return "#/claims";
  }
}

/** An actor's route; a filter is kept on the graph tab only, and only when it filters something. */
export function actorRoute(id: string, tab: ActorTab = "profile", asOf: string | null = null, graph?: GraphFilter): Route & { view: "actor" } {
  return tab === "graph" && graph !== undefined && isFiltered(graph) ? { view: "actor", id, tab, asOf, graph } : { view: "actor", id, tab, asOf };
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}

/** The document title for a route, given the actor's name once it is known. */
export function titleOf(route: Route, actorName?: string): string {
  const site = "IomGraph explorer";
  switch (route.view) {
    case "home":
      return route.query === "" ? site : `“${route.query}”: search · ${site}`;
    case "actor": {
      const name = actorName ?? route.id;
      const when = route.asOf === null ? "" : ` as of ${formatPartialDate(route.asOf)}`;
      return route.tab === "graph" ? `${name}: neighbourhood${when} · ${site}` : `${name}${when} · ${site}`;
    }
    case "paths":
      return `${pathsTitle(route)} · ${site}`;
    case "claims":
      return `The article’s claims, checked · ${site}`;
  }
}

function isTab(value: string): value is ActorTab {
  return (tabs as readonly string[]).includes(value);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
