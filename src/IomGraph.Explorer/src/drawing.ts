import type { Graph } from "./api";
import { kindColours, type ActorKind } from "./format";

/** The kinds present in a graph, in the legend's order (the vocabulary's), with how many actors each (a group counts its members). */
export function legendEntries(graph: Graph): { kind: ActorKind; count: number }[] {
  return countByKind(graph.nodes.map((node) => ({ kind: node.kind, count: node.group?.count ?? 1 })));
}

/** The actors counted by kind, in the legend's order of kinds (that of the colours), kinds without actors left out. */
export function countByKind(actors: Iterable<{ kind: ActorKind; count: number }>): { kind: ActorKind; count: number }[] {
  const counts = new Map<ActorKind, number>();
  for (const { kind, count } of actors) counts.set(kind, (counts.get(kind) ?? 0) + count);
  return (Object.keys(kindColours) as ActorKind[]).filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}

export type DrawnEdge = { id: string; source: string; target: string; label: string; count: number };

/**
 * One line per pair of actors and relation type: the Global Migration Group's sixteen chair terms would otherwise be
 * sixteen arcs with sixteen labels between the same discs. The label counts them ("chairs ×7"); the profile's
 * sentences list each one.
 */
export function drawnEdges(graph: Graph): DrawnEdge[] {
  const merged = new Map<string, DrawnEdge>();
  for (const edge of graph.edges) {
    const key = `${edge.source}\u0000${edge.target}\u0000${edge.type}`;
    const relations = edge.group?.count ?? 1;
    const seen = merged.get(key);
    if (seen === undefined) {
      merged.set(key, { id: edge.id, source: edge.source, target: edge.target, label: edge.label, count: relations });
    } else {
      seen.count += relations;
    }
  }

  return [...merged.values()].map((e) => (e.count === 1 ? e : { ...e, label: `${e.label} ×${e.count}` }));
}

export type Position = { x: number; y: number };

/**
 * The starting positions of a drawing from the one before it, or null to lay it out afresh (nothing before, or no node
 * in common). A node that was there keeps its place; a new one starts beside a neighbour that was (or the centre), a
 * little off it, so that the layout pulls it out rather than stacking it.
 */
export function placeFrom(graph: Graph, previous: ReadonlyMap<string, Position> | undefined): Map<string, Position> | null {
  if (previous === undefined || !graph.nodes.some((n) => previous.has(n.id))) return null;
  const centre = graph.nodes.find((n) => n.depth === 0);
  const anchor = (id: string): Position => {
    for (const e of graph.edges) {
      const other = e.source === id ? e.target : e.target === id ? e.source : null;
      const at = other === null ? undefined : previous.get(other);
      if (at !== undefined) return at;
    }

    return (centre === undefined ? undefined : previous.get(centre.id)) ?? { x: 0, y: 0 };
  };

  return new Map(
    graph.nodes.map((n, i) => {
      const at = previous.get(n.id);
      if (at !== undefined) return [n.id, { ...at }];
      const from = anchor(n.id);
      // Spread deterministically around the anchor: the golden angle keeps new neighbours of one node apart.
      const angle = i * 2.399963;
      return [n.id, { x: from.x + 60 * Math.cos(angle), y: from.y + 60 * Math.sin(angle) }];
    }),
  );
}
