import { describe, expect, it } from "vitest";
import type { Graph } from "../src/api";
import { drawnEdges, legendEntries, placeFrom } from "../src/drawing";

type Node = Graph["nodes"][number];
type Edge = Graph["edges"][number];

const node = (id: string, kind: Node["kind"], group: Node["group"] = null): Node => ({ id, name: id, label: id, kind, degree: 1, depth: 1, group });

const edge = (id: string, source: string, target: string, type: Edge["type"], label: string, count?: number): Edge => ({
  id, source, target, type, label, sentence: "", start: null, end: null, heldOn: null, role: null, confidence: "high",
  sourceIds: [], undated: false, group: count === undefined ? null : { count, relationIds: [] },
});

const graph = (nodes: Node[], edges: Edge[]): Graph => ({ centre: nodes[0]?.id ?? "", depth: 1, nodes, edges, truncated: false });

describe("legendEntries", () => {
  it("lists the kinds drawn in the vocabulary's order, a group counting its members", () => {
    const g = graph(
      [node("gmg", "inter-agency-group"), node("unhcr", "un-entity"), node("iom", "intergovernmental-organisation"), node("ilo", "un-entity"),
        node("group:state", "state", { count: 177, memberIds: [] })],
      [],
    );
    expect(legendEntries(g)).toEqual([
      { kind: "intergovernmental-organisation", count: 1 },
      { kind: "un-entity", count: 2 },
      { kind: "inter-agency-group", count: 1 },
      { kind: "state", count: 177 },
    ]);
  });
});

describe("drawnEdges", () => {
  it("draws one line per pair and type, counting the relations in its label", () => {
    const g = graph([], [
      edge("a", "unctad", "gmg", "CHAIRS", "chairs"),
      edge("b", "unctad", "gmg", "CHAIRS", "chairs"),
      edge("c", "unctad", "gmg", "MEMBER_OF", "member of"),
      edge("d", "gmg", "unctad", "CHAIRS", "chairs"),
      edge("e", "group:state", "iom", "MEMBER_OF", "member of", 170),
      edge("f", "group:state", "iom", "MEMBER_OF", "member of", 3),
    ]);
    expect(drawnEdges(g)).toEqual([
      { id: "a", source: "unctad", target: "gmg", label: "chairs ×2", count: 2 },
      { id: "c", source: "unctad", target: "gmg", label: "member of", count: 1 },
      { id: "d", source: "gmg", target: "unctad", label: "chairs", count: 1 },
      { id: "e", source: "group:state", target: "iom", label: "member of ×173", count: 173 },
    ]);
  });
});

describe("placeFrom", () => {
  const centre: Node = { ...node("iom", "intergovernmental-organisation"), depth: 0 };
  const drawn = graph([centre, node("gmg", "inter-agency-group"), node("unhcr", "un-entity")], [edge("r1", "iom", "gmg", "MEMBER_OF", "member of")]);

  it("lays out afresh without a drawing before, or with nothing in common", () => {
    expect(placeFrom(drawn, undefined)).toBeNull();
    expect(placeFrom(drawn, new Map([["elsewhere", { x: 1, y: 2 }]]))).toBeNull();
  });

  it("keeps the places of the nodes that were drawn, and starts new ones near a drawn neighbour", () => {
    const previous = new Map([["iom", { x: 0, y: 0 }], ["gmg", { x: 500, y: 500 }]]);
    const withNew = graph([centre, node("gmg", "inter-agency-group"), node("ilo", "un-entity")], [edge("r1", "iom", "gmg", "MEMBER_OF", "member of"), edge("r2", "ilo", "gmg", "MEMBER_OF", "member of")]);
    const placed = placeFrom(withNew, previous)!;
    expect(placed.get("iom")).toEqual({ x: 0, y: 0 });
    expect(placed.get("gmg")).toEqual({ x: 500, y: 500 });
    const ilo = placed.get("ilo")!;
    expect(Math.hypot(ilo.x - 500, ilo.y - 500)).toBeCloseTo(60);
  });

  it("starts a new node without a drawn neighbour beside the centre", () => {
    const placed = placeFrom(drawn, new Map([["iom", { x: 100, y: 100 }]]))!;
    expect(Math.hypot(placed.get("unhcr")!.x - 100, placed.get("unhcr")!.y - 100)).toBeCloseTo(60);
    expect(placed.get("unhcr")).not.toEqual(placed.get("gmg"));
  });
});
