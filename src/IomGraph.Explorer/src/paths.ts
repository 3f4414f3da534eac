import cytoscape from "cytoscape";
import { getSource, type Footnote, type ShortestPaths, type Source } from "./api";
import { parseAsOf } from "./asof";
import { h } from "./dom";
import { downloadBar, pathsExportUrl, pathsFileName } from "./downloads";
import { claimCytoscapeStylesheet, edgeLabelStyle, legendList, nodeLabelStyle } from "./graph";
import { confidenceLabel, confidenceWords, kindColours } from "./format";
import { citationsAsFootnotes, pathEdges, pathLegend, pathsSummary, placeActors, relationWords, withSources } from "./pathlayout";
import { defaultMaxDepth, longestMaxDepth, type PathsRoute } from "./pathsroute";
import { sources } from "./profile";
import { searchBox } from "./search";

/**
 * The question's form: two searches, "From" and "To", with the search box's suggestions (acronyms, former names,
 * accents), and "Find connection". Picking a suggestion fills the box with the actor's name; the button asks for the
 * two actors picked, and says which box still needs one.
 */
export function pathsForm(options: {
  route: PathsRoute;
  /** The names of the route's actors, once known, to show in the boxes. */
  names: { from?: string; to?: string };
  kindLabel: (kind: string) => string;
  onFind: (from: string, to: string, options: { maxDepth?: number; asOf?: string | null }) => void;
}): HTMLElement {
  const chosen = { from: options.route.from, to: options.route.to };
  const status = h("p", { class: "paths-status", id: "paths-form-status", role: "status", "aria-live": "polite" });

  const end = (which: "from" | "to", label: string, placeholder: string): HTMLElement => {
    let pickedName = options.names[which] ?? "";
    const box = searchBox({
      id: `path-${which}`,
      label,
      placeholder,
      initial: "",
      kindLabel: options.kindLabel,
      // Typing something other than the picked actor's name unpicks it. The box's text now, not the query (which is
      // debounced), is compared: a pick made before the query's turn has already put the name in the box.
      onQuery: () => {
        if (input.value.trim() !== pickedName) chosen[which] = null;
      },
      onPick: (id, hit) => {
        chosen[which] = id;
        pickedName = hit?.actor.name ?? id;
        input.value = pickedName;
        status.textContent = "";
      },
    });
    const input = box.querySelector("input")!;
    input.value = pickedName === "" ? (chosen[which] ?? "") : pickedName;
    if (chosen[which] !== null && pickedName === "") pickedName = chosen[which];
    return box;
  };

  // How far to look, and as of when: the API's 1 to 6 hops, and a date as the actor page's As-of field takes it.
  const depth = h("select", { id: "path-depth" },
    ...Array.from({ length: longestMaxDepth }, (_, i) => i + 1).map((n) =>
      h("option", { value: String(n), selected: n === (options.route.maxDepth ?? defaultMaxDepth) }, n === 1 ? "1 step" : `${n} steps`)));
  const date = h("input", {
    type: "text", id: "path-as-of", inputmode: "numeric", autocomplete: "off", spellcheck: "false",
    placeholder: "YYYY, YYYY-MM or YYYY-MM-DD", "aria-describedby": "path-as-of-help",
  });
  date.value = options.route.asOf ?? "";
  const form = h(
    "form",
    { class: "paths-form", "aria-labelledby": "paths-title", novalidate: true },
    h("div", { class: "paths-ends" }, end("from", "From", "Switzerland, USA, IOM…"), end("to", "To", "UN Network on Migration, GMG…")),
    h("div", { class: "paths-options" },
      h("span", { class: "paths-option" }, h("label", { for: "path-depth" }, "Up to"), depth),
      h("span", { class: "paths-option" }, h("label", { for: "path-as-of" }, "As of"), date),
      h("span", { class: "paths-option-help", id: "path-as-of-help" }, "Empty for every relation recorded.")),
    h("button", { type: "submit", class: "find-connection" }, "Find connection"),
    status,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const missing = chosen.from === null ? "From" : chosen.to === null ? "To" : null;
    if (missing !== null) {
      status.textContent = `Choose an actor for “${missing}” from its suggestions first.`;
      form.querySelector<HTMLInputElement>(missing === "From" ? "#path-from" : "#path-to")?.focus();
      return;
    }

    const dateText = date.value.trim();
    const asOf = parseAsOf(dateText);
    if (dateText !== "" && asOf === null) {
      status.textContent = `“${dateText}” is not a date the graph knows: write a year (2010), a month (2010-05) or a day (2010-05-09), or leave it empty.`;
      date.setAttribute("aria-invalid", "true");
      date.focus();
      return;
    }

    date.removeAttribute("aria-invalid");
    status.textContent = "";
    options.onFind(chosen.from!, chosen.to!, { maxDepth: Number(depth.value), asOf });
  });
  return form;
}

/**
 * The actor page's source rendering for a relation's citations. A path's citations carry no titles, so the first time
 * the list is opened the sources are asked for and the list is redrawn with their titles, authors, years and links; the
 * summary keeps the focus, and the list shows the sources' ids until then (or if they cannot be read).
 */
function titledSources(cited: Footnote[], sentenceNumber: number): HTMLElement {
  const details = sources(cited, sentenceNumber);
  let asked = false;
  details.addEventListener("toggle", () => {
    if (!details.hasAttribute("open") || asked) return;
    asked = true;
    const ids = [...new Set(cited.map((f) => f.sourceId))];
    void Promise.allSettled(ids.map((id) => getSource(id))).then((answers) => {
      const found = new Map<string, Source | null>();
      answers.forEach((a, i) => found.set(ids[i]!, a.status === "fulfilled" ? a.value : null));
      const titled = sources(withSources(cited, found), sentenceNumber).querySelector("ol");
      const list = details.querySelector("ol");
      if (titled !== null && list !== null) list.replaceWith(titled);
      details.dataset["titled"] = "true";
    });
  });
  return details;
}

export type DrawnPaths = { element: HTMLElement; destroy: () => void };

/** The question the answer is to, as the downloads export it again. */
export type PathsQuestion = { from: string; to: string; maxDepth?: number; asOf?: string };

/**
 * The answer: a sentence saying how many shortest paths and how long (or that there is none within the depth, or that
 * they were cut short), a small drawing of the actors on them left to right in the legend's colours, and, as its text
 * alternative, each path as a numbered list of hops, each hop's sentences with their confidence in words and their
 * sources one click away. The element is attached to host before Cytoscape starts, so that the layout knows its size.
 */
export function showPaths(options: { result: ShortestPaths; host: HTMLElement; kindLabel: (kind: string, plural: boolean) => string; question: PathsQuestion }): DrawnPaths {
  const { result } = options;
  const summary = h("p", { class: "paths-summary", id: "paths-summary", role: "status" }, pathsSummary(result));
  if (result.paths.length === 0 || result.length === 0) {
    const element = h("section", { class: "paths-answer", "aria-labelledby": "paths-answer-title" }, h("h2", { id: "paths-answer-title", tabindex: "-1" }, "The answer"), summary);
    options.host.replaceChildren(element);
    return { element, destroy: () => undefined };
  }

  const actors = placeActors(result);
  // Made once the element is attached; the PNG button asks it for the drawing.
  let cy: cytoscape.Core;
  const edges = pathEdges(result);
  const names = new Map(actors.map(({ actor }) => [actor.id, actor.name]));
  const canvas = h("div", {
    class: "graph-canvas paths-canvas",
    role: "img",
    "aria-label": `A drawing of the ${actors.length} actors on the paths, from ${result.from.name} on the left to ${result.to.name} on the right; the list below says each step.`,
  });
  const legend = legendList(pathLegend(actors), options.kindLabel, "The two ends");

  let sentenceNumber = 0;
  const actorLink = (id: string): HTMLElement => h("a", { href: `#/actor/${encodeURIComponent(id)}` }, names.get(id) ?? id);
  const list = h(
    "ol",
    { class: "path-list", "aria-label": "The paths, step by step" },
    ...result.paths.map((path, p) =>
      h(
        "li",
        { class: "path", "data-path": String(p + 1) },
        h("h3", { id: `path-${p + 1}` }, `Path ${p + 1}: `, path.actors.map((a) => a.name).join(" → ")),
        h("p", { class: `confidence confidence-${path.strength}`, title: confidenceWords(path.strength) },
          h("span", { class: "badge" }, confidenceLabel(path.strength)),
          h("span", { class: "path-strength-words" }, ` as a whole, as sure as its least sure step; ${path.relationCount === 1 ? "1 relation" : `${path.relationCount} relations`} support it.`)),
        h(
          "ol",
          { class: "hops", "aria-labelledby": `path-${p + 1}` },
          ...path.hops.map((hop) =>
            h(
              "li",
              { class: "hop" },
              h("p", { class: "hop-ends" }, actorLink(hop.from), " → ", actorLink(hop.to)),
              h(
                "ul",
                { class: "sentences" },
                ...hop.relations.map(({ relation, direction }) => {
                  sentenceNumber++;
                  const cited = citationsAsFootnotes(relation.sources);
                  return h(
                    "li",
                    { class: "sentence", "data-relation": relation.id },
                    h("p", {}, relation.sentence),
                    h("p", { class: "relation-type" }, `${relationWords(relation.type)}${direction === "backward" ? ", followed from its other end" : ""}`),
                    h("p", { class: `confidence confidence-${relation.confidence}`, title: confidenceWords(relation.confidence) },
                      h("span", { class: "badge" }, confidenceLabel(relation.confidence)),
                      h("span", { class: "visually-hidden" }, `: ${confidenceWords(relation.confidence)}`)),
                    cited.length === 0 ? null : titledSources(cited, sentenceNumber),
                  );
                }),
              ),
            ),
          ),
        ),
      ),
    ),
  );

  const element = h(
    "section",
    { class: "paths-answer", "aria-labelledby": "paths-answer-title" },
    h("h2", { id: "paths-answer-title", tabindex: "-1" }, "The answer"),
    summary,
    h("div", { class: "graph-drawing" }, canvas, legend),
    list,
    downloadBar({
      fileName: (extension) => pathsFileName(options.question.from, options.question.to, extension, options.question.asOf ?? null),
      href: (format) => pathsExportUrl(options.question, format),
      what: "the actors and relations on the paths",
      note: "The PNG is the drawing as it is; the other files hold the actors and relations on the paths, for Gephi, yEd or a spreadsheet.",
      png: () => cy.png({ full: true, scale: 2, bg: "#ffffff", output: "blob" }),
    }),
  );
  options.host.replaceChildren(element);

  // Left to right by hops from the start (every shortest path has the same length), the rows centred on the middle.
  const columns = Math.max(...actors.map((a) => a.column)) + 1;
  const height = new Map<number, number>();
  for (const a of actors) height.set(a.column, Math.max(height.get(a.column) ?? 0, a.row + 1));
  claimCytoscapeStylesheet();
  cy = cytoscape({
    container: canvas,
    elements: [
      ...actors.map(({ actor, column, row }) => ({
        group: "nodes" as const,
        data: { id: actor.id, label: actor.label ?? actor.shortName, colour: kindColours[actor.kind] },
        position: { x: column * 220, y: (row - ((height.get(column) ?? 1) - 1) / 2) * 110 },
        classes: actor.id === result.from.id || actor.id === result.to.id ? "centre" : "",
      })),
      ...edges.map((e) => ({ group: "edges" as const, data: e })),
    ],
    style: [
      {
        selector: "node",
        style: {
          "background-color": "data(colour)",
          width: 30,
          height: 30,
          ...nodeLabelStyle("140px"),
        },
      },
      { selector: "node.centre", style: { "border-width": 5, "border-color": "#111111", "font-weight": "bold" } },
      { selector: "edge[arrow = 'forward']", style: { "target-arrow-shape": "triangle" } },
      { selector: "edge[arrow = 'backward']", style: { "source-arrow-shape": "triangle" } },
      {
        selector: "edge",
        style: {
          width: 2,
          ...edgeLabelStyle(10),
        },
      },
    ],
    layout: { name: "preset", fit: true, padding: 40 },
    minZoom: 0.2,
    maxZoom: 2,
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
  });
  canvas.setAttribute("data-drawn-nodes", String(cy.nodes().length));
  canvas.setAttribute("data-columns", String(columns));
  const resize = new ResizeObserver(() => {
    cy.resize();
    cy.fit(undefined, 40);
  });
  resize.observe(canvas);

  return {
    element,
    destroy: () => {
      resize.disconnect();
      cy.destroy();
    },
  };
}
