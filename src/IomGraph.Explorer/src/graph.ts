import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import type { Graph } from "./api";
import { h } from "./dom";
import { drawnEdges, legendEntries, placeFrom, type Position } from "./drawing";
import { formatPartialDate, kindColours, nodeSize, type ActorKind } from "./format";

cytoscape.use(fcose);

// Cytoscape adds a <style> element to the head for one rule (its container's position) unless an element with this id
// is there. Under the page's Content-Security-Policy (style-src 'self') that element is refused, so a placeholder
// stands in for it and style.css carries the rule.
export function claimCytoscapeStylesheet(): void {
  const id = "__________cytoscape_stylesheet";
  if (document.getElementById(id) === null) {
    document.head.prepend(h("meta", { id, name: "cytoscape-stylesheet", content: "in style.css" }));
  }
}

export type DrawnGraph = {
  destroy: () => void;
  png: () => Blob;
  /** Where each node is drawn, so that the next drawing of the same neighbourhood (another year) starts from there. */
  positions: () => Map<string, Position>;
};

/**
 * The neighbourhood drawn with Cytoscape.js and fCoSE: a colour per kind (the legend beside it says which), a size by
 * degree, the centre ringed. Clicking (or tapping) an actor opens it; clicking a group node ("160 states") draws its
 * members one by one. Given the positions of a drawing before it (the same actor in another year), the nodes that were
 * there keep their places and the layout only settles the rest, so playing the years does not reshuffle the picture.
 * The drawing has no keyboard use of its own: the list of actors under it (where each group has a button to expand
 * it), and the profile's sentences, are its text alternative.
 */
export function drawGraph(options: {
  graph: Graph;
  /** Where to put the drawing: it is attached before Cytoscape starts, so that the layout knows its size. */
  host: HTMLElement;
  kindLabel: (kind: string, plural: boolean) => string;
  onOpen: (id: string) => void;
  /** Draws a group's members one by one; without it, a group node is not clickable. */
  onExpand?: (kind: ActorKind) => void;
  /** The date drawn, or null for everything recorded. */
  asOf?: string | null;
  /** Where the nodes of the drawing before this one were. */
  previous?: ReadonlyMap<string, Position>;
}): DrawnGraph {
  const { graph } = options;
  const asOf = options.asOf ?? null;
  const when = asOf === null ? "" : ` as of ${formatPartialDate(asOf)}`;
  const canvas = h("div", {
    class: "graph-canvas", role: "img", "data-as-of": asOf ?? "",
    "aria-label": `A drawing of ${graph.nodes.length} nodes and ${graph.edges.length} edges${when}; the list below names them.`,
  });
  const legend = legendList(legendEntries(graph), options.kindLabel, "The actor at the centre");

  const nodeList = h(
    "ul",
    { class: "node-list" },
    ...[...graph.nodes]
      .sort((a, b) => a.depth - b.depth || b.degree - a.degree || a.name.localeCompare(b.name))
      .map((node) =>
        h(
          "li",
          {},
          node.group === null
            ? h("a", { href: `#/actor/${encodeURIComponent(node.id)}`, "data-id": node.id }, node.name)
            : h("span", {}, `${node.name} (gathered into one node) `, expandButton(node.kind, node.name)),
          node.depth === 0 ? " — the centre" : "",
        ),
      ),
  );

  const element = h(
    "div",
    { class: "graph" },
    h("div", { class: "graph-drawing" }, canvas, legend),
    graph.truncated ? h("p", { class: "note" }, "The graph was cut short: only the nearest actors are drawn.") : null,
    graph.edges.length === 0 && asOf !== null ? h("p", { class: "note" }, `No recorded relation held${when}.`) : null,
    h("h2", { id: "graph-actors" }, `Actors in this drawing${when}`),
    nodeList,
  );

  function expandButton(kind: ActorKind, name: string): HTMLElement | null {
    const expand = options.onExpand;
    if (expand === undefined) return null;
    const button = h("button", { type: "button", class: "expand-group", "data-kind": kind }, "Show them one by one", h("span", { class: "visually-hidden" }, `: the ${name}`));
    button.addEventListener("click", () => expand(kind));
    return button;
  }

  options.host.replaceChildren(element);
  const placed = placeFrom(graph, options.previous);
  claimCytoscapeStylesheet();
  const cy = cytoscape({
    container: canvas,
    elements: [
      ...graph.nodes.map((n) => ({
        group: "nodes" as const,
        data: { id: n.id, label: n.label, kind: n.kind, colour: kindColours[n.kind], size: nodeSize(n.degree), grouped: n.group !== null },
        classes: [n.depth === 0 ? "centre" : "", n.group === null ? "" : "grouped"].join(" ").trim(),
        ...(placed === null ? {} : { position: placed.get(n.id) }),
      })),
      ...drawnEdges(graph).map((e) => ({
        group: "edges" as const,
        data: { id: e.id, source: e.source, target: e.target, label: e.label, width: Math.min(6, 1.5 + Math.log2(e.count)) },
      })),
    ],
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)",
          width: "data(size)",
          height: "data(size)",
          ...nodeLabelStyle("120px"),
          "min-zoomed-font-size": 7,
        },
      },
      { selector: "node.centre", style: { "border-width": 5, "border-color": "#111111", "font-weight": "bold", "font-size": 14 } },
      { selector: "node.grouped", style: { shape: "round-rectangle", "border-width": 2, "border-style": "dashed", "border-color": "#333333" } },
      {
        selector: "edge",
        style: {
          width: "data(width)",
          "target-arrow-shape": "triangle",
          ...edgeLabelStyle(9),
          "min-zoomed-font-size": 9,
        },
      },
      { selector: "node:active, node:selected", style: { "overlay-opacity": 0.15 } },
    ],
    layout: {
      name: "fcose", animate: false, randomize: placed === null, nodeRepulsion: 9000, idealEdgeLength: 110, nodeSeparation: 90, fit: true, padding: 30,
      // The nodes drawn before stay where they were; only the new ones are laid out.
      ...(placed === null || options.previous === undefined
        ? {}
        : { fixedNodeConstraint: graph.nodes.filter((n) => options.previous!.has(n.id)).map((n) => ({ nodeId: n.id, position: { ...options.previous!.get(n.id)! } })) }),
    } as cytoscape.LayoutOptions,
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
  });

  cy.on("tap", "node", (event) => {
    const node = event.target as cytoscape.NodeSingular;
    if (node.data("grouped")) options.onExpand?.(node.data("kind") as ActorKind);
    else if (!node.hasClass("centre")) options.onOpen(node.id());
  });
  cy.on("mouseover", "node", (event) => {
    const node = event.target as cytoscape.NodeSingular;
    canvas.classList.toggle("pointer", node.data("grouped") ? options.onExpand !== undefined : !node.hasClass("centre"));
  });
  cy.on("mouseout", "node", () => canvas.classList.remove("pointer"));
  // Without animation the layout has run by now; the count of drawn nodes is there for people and tests to read.
  canvas.setAttribute("data-drawn-nodes", String(cy.nodes().length));

  // The container is sized by CSS after it is attached; tell Cytoscape when it is, and on every resize.
  const resize = new ResizeObserver(() => {
    cy.resize();
    cy.fit(undefined, 30);
  });
  resize.observe(canvas);

  return {
    png: () => cy.png({ full: true, scale: 2, bg: "#ffffff", output: "blob" }),
    positions: () => new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const)),
    destroy: () => {
      resize.disconnect();
      cy.destroy();
    },
  };
}

/** How both drawings (the neighbourhood and the paths) write an actor's name: under its disc, outlined in white, wrapped. */
export function nodeLabelStyle(maxWidth: string) {
  return {
    label: "data(label)",
    "font-size": 12,
    "font-family": "system-ui, sans-serif",
    color: "#1a1a1a",
    "text-valign": "bottom",
    "text-margin-y": 4,
    "text-outline-color": "#ffffff",
    "text-outline-width": 2,
    "text-wrap": "wrap",
    "text-max-width": maxWidth,
  } as const;
}

/** How both drawings draw a line and write its relation along it, on a white band. */
export function edgeLabelStyle(fontSize: number) {
  return {
    "line-color": "#9a9a9a",
    "target-arrow-color": "#9a9a9a",
    "source-arrow-color": "#9a9a9a",
    "curve-style": "bezier",
    label: "data(label)",
    "font-size": fontSize,
    color: "#444444",
    "text-rotation": "autorotate",
    "text-background-color": "#ffffff",
    "text-background-opacity": 0.85,
    "text-background-padding": "1px",
  } as const;
}

/** The legend beside a drawing: a swatch and a count per kind, then what the ringed nodes are. */
export function legendList(
  entries: readonly { kind: ActorKind; count: number }[],
  kindLabel: (kind: string, plural: boolean) => string,
  ringed: string,
): HTMLElement {
  return h(
    "ul",
    { class: "legend", "aria-label": "Legend" },
    ...entries.map(({ kind, count }) => {
      const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
      swatch.style.backgroundColor = kindColours[kind];
      return h("li", { "data-kind": kind }, swatch, `${kindLabel(kind, count !== 1)} (${count})`);
    }),
    h("li", { class: "legend-centre" }, h("span", { class: "swatch swatch-centre", "aria-hidden": "true" }), ringed),
  );
}
