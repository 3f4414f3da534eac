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
