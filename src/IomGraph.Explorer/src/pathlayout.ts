import type { Citation, Footnote, ShortestPaths, Source } from "./api";
import { countByKind } from "./drawing";
import type { ActorKind } from "./format";

type ActorRef = ShortestPaths["from"];

/** An actor on the paths, with its column (how many hops from the start) and its row within that column. */
export type PlacedActor = { actor: ActorRef; column: number; row: number };

/**
 * The actors on the shortest paths, placed left to right: every path has the same length, so an actor's column is its
 * place along the path; within a column the actors come in the order the paths (strongest first) meet them.
 */
export function placeActors(result: ShortestPaths): PlacedActor[] {
  const placed = new Map<string, PlacedActor>();
  const rows = new Map<number, number>();
  for (const path of result.paths) {
    for (const [column, actor] of path.actors.entries()) {
      if (placed.has(actor.id)) continue;
      const row = rows.get(column) ?? 0;
      rows.set(column, row + 1);
      placed.set(actor.id, { actor, column, row });
    }
  }

  return [...placed.values()];
}

/** One line per pair of neighbouring actors on the paths, labelled with the kinds of relation between them. */
/** The arrow follows the relations' own direction: toward the next actor ("forward"), back ("backward"), or none when they differ. */
export type PathEdge = { id: string; source: string; target: string; label: string; arrow: "forward" | "backward" | "none" };

export function pathEdges(result: ShortestPaths): PathEdge[] {
  const edges = new Map<string, PathEdge>();
  for (const path of result.paths) {
    for (const hop of path.hops) {
      const id = `${hop.from}\u0000${hop.to}`;
      if (edges.has(id)) continue;
      const types = [...new Set(hop.relations.map((r) => relationWords(r.relation.type)))];
      const ways = new Set(hop.relations.map((r) => r.direction));
      const arrow = ways.size === 1 ? (ways.has("forward") ? "forward" : "backward") : "none";
      edges.set(id, { id, source: hop.from, target: hop.to, label: types.join(", "), arrow });
    }
  }

  return [...edges.values()];
}

/** "MEMBER_OF" → "member of". */
export function relationWords(type: string): string {
  return type.toLowerCase().replace(/_/g, " ");
}

/** The kinds on the paths, in the legend's order, with how many actors each. */
export function pathLegend(actors: readonly PlacedActor[]): { kind: ActorKind; count: number }[] {
  return countByKind(actors.map(({ actor }) => ({ kind: actor.kind, count: 1 })));
}

/** What the view says above the paths: how many, how long, or that there is no connection within the depth. */
export function pathsSummary(result: ShortestPaths): string {
  if (result.length === null || result.paths.length === 0) {
    return `${result.from.name} and ${result.to.name} are not connected within ${result.maxDepth === 1 ? "1 hop" : `${result.maxDepth} hops`}.`;
  }

  if (result.length === 0) return `${result.from.name} is the actor you started from.`;
  const hops = result.length === 1 ? "1 hop" : `${result.length} hops`;
  const paths = result.paths.length === 1 ? "1 shortest path" : `${result.paths.length} shortest paths`;
  const more = result.truncated ? `; there are more of this length, and the ${result.paths.length} strongest are shown` : "";
  return `${paths} from ${result.from.name} to ${result.to.name}, ${hops} each${more}.`;
}

/** A relation's citations as the profile's footnotes, so that the actor page's source rendering shows them. */
export function citationsAsFootnotes(citations: readonly Citation[]): Footnote[] {
  return citations.map((c, i) => ({
    number: i + 1,
    sourceId: c.sourceId,
    title: null,
    author: null,
    year: null,
    url: null,
    quote: c.quote,
    summary: c.summary,
    record: c.record,
    locator: c.locator,
    href: c.href,
  }));
}

/** The footnotes with their sources' titles, authors, years and links, once fetched (a source not found stays as it was). */
export function withSources(footnotes: readonly Footnote[], found: ReadonlyMap<string, Source | null>): Footnote[] {
  return footnotes.map((f) => {
    const source = found.get(f.sourceId);
    return source == null ? f : { ...f, title: source.title, author: source.author, year: source.year, url: source.url };
  });
}
