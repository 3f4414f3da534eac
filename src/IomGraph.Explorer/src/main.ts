import "./style.css";
import { ApiError, getActor, getKinds, getNeighbourhood, getPaths, getProfile, getRelationEnds, getRelationTypes, type ActorDetails, type ActorKindDefinition, type Graph, type Profile, type RelationTypeDefinition } from "./api";
import { renderClaims } from "./claims-page";
import { h } from "./dom";
import { neighbourhoodDownloads } from "./downloads";
import { filterControl, type FilterControl } from "./filtercontrol";
import { drawGraph, type DrawnGraph } from "./graph";
import { knownOnly, noFilter, setGathered, type GraphFilter, type RelationType } from "./graphfilter";
import { pathsForm, showPaths } from "./paths";
import { pathsRoute, pathsTitle, type PathsRoute } from "./pathsroute";
import { actorHeader, profileSections } from "./profile";
import { actorRoute, formatRoute, parseRoute, sameRoute, titleOf, type ActorTab, type Route } from "./route";
import { searchBox } from "./search";
import { timeControl, type TimeControl } from "./timecontrol";

const main = document.getElementById("main")!;
const searchHost = document.getElementById("search-host")!;
const view = document.getElementById("view")!;

let kinds = new Map<string, ActorKindDefinition>();
// What is drawn now (a neighbourhood or paths), destroyed when the view changes.
let drawn: { destroy: () => void } | undefined;
// The neighbourhood drawn now, whose positions the next drawing of the same actor (another year, another filter) keeps.
let drawnGraph: { id: string; drawing: DrawnGraph } | undefined;
let filters: FilterControl | undefined;
let generation = 0;
let time: TimeControl | undefined;
// The request for the content shown (profile or graph), aborted when the date moves on before it has answered.
let loading: AbortController | undefined;

const kindLabel = (kind: string, plural = false): string => {
  const k = kinds.get(kind);
  return k === undefined ? kind : plural ? capitalise(k.plural) : k.label;
};

function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

function go(route: Route): void {
  location.hash = formatRoute(route);
}

async function render(route: Route, focus: boolean): Promise<void> {
  const mine = ++generation;
  loading?.abort();
  time?.stop();
  time = undefined;
  drawn?.destroy();
  drawn = undefined;
  drawnGraph = undefined;
  filters = undefined;
  document.title = titleOf(route);
  main.dataset["view"] = route.view === "actor" ? `actor-${route.tab}` : route.view;

  if (route.view === "paths") {
    await renderPaths(route, mine, focus);
    return;
  }

  if (route.view === "claims") {
    await renderClaims(view, () => mine === generation, focus);
    return;
  }

  if (route.view === "home") {
    view.replaceChildren(
      h(
        "section",
        { class: "intro", "aria-labelledby": "intro-title" },
        h("h1", { id: "intro-title" }, "Who governs migration, and how are they connected?"),
        h(
          "p",
          {},
          "Search for an organisation, a group, a process or a state: the IOM, the Global Migration Group (GMG), UNHCR, the Berne Initiative, Côte d’Ivoire. ",
          "Each actor has a page of plain sentences, every one with its sources and how sure the curators are, and a drawing of its neighbourhood.",
        ),
        h("p", {}, "Checking the Noborder Network’s article on the IOM? ", h("a", { href: formatRoute({ view: "claims" }) }, "See its claims beside what the record says"), "."),
      ),
    );
    return;
  }

  view.replaceChildren(h("p", { class: "loading", role: "status" }, "Loading…"));
  // The tab's content is asked for with the actor, not after it, so the first drawing waits for one round trip.
  const first = fetchContent(route);
  first.answer.catch(() => undefined);
  try {
    const details = await getActor(route.id);
    if (mine !== generation) return;
    if (details === null) {
      view.replaceChildren(
        h("h1", { id: "actor-name", tabindex: "-1" }, "No such actor"),
        h("p", {}, `The graph has no actor with the id “${route.id}”. Search for it by name above.`),
      );
      return;
    }

    let shown = route.tab === "graph" ? actorRoute(route.id, "graph", route.asOf, knownOnly(route.graph ?? noFilter, relationTypeNames)) : route;
    const name = details.actor.name;
    const content = h("div", { class: "tab-content", id: "tab-content" });
    const nav = h("div", { class: "tabs-host" }, tabs(shown, name));
    // A filter chosen on the page (or a click on a group node) replaces the URL, as a date does.
    const refilter = (filter: GraphFilter): Promise<void> => {
      shown = actorRoute(shown.id, "graph", shown.asOf, filter);
      history.replaceState(null, "", formatRoute(shown));
      nav.replaceChildren(tabs(shown, name));
      filters?.show(filter);
      return fill(shown, content, mine);
    };
    expand = (kind) => void refilter(setGathered(shown.graph ?? noFilter, kind, false));
    filters = route.tab === "graph" ? graphFilters(details, shown.graph ?? noFilter, (filter) => void refilter(filter)) : undefined;
    // A date chosen on the page replaces the URL rather than adding to the history, so playing the years leaves one
    // entry; the hash changes without a hashchange, and only the content is fetched again.
    time = timeControl({
      asOf: route.asOf,
      onChange: (asOf) => {
        shown = actorRoute(shown.id, shown.tab, asOf, shown.graph);
        history.replaceState(null, "", formatRoute(shown));
        document.title = titleOf(shown, name);
        nav.replaceChildren(tabs(shown, name));
        return fill(shown, content, mine, true);
      },
    });
    document.title = titleOf(route, name);
    const connect = h("p", { class: "find-from-here" }, h("a", { href: formatRoute(pathsRoute(route.id)) }, "Find a connection from here"));
    view.replaceChildren(actorHeader(details, kindLabel(details.actor.kind)), connect, nav, time.element, filters?.element ?? "", content);
    await show(first, content, mine);
    if (focus) document.getElementById("actor-name")?.focus();
  } catch (error) {
    if (mine !== generation) return;
    showError(error);
  }
}

/**
 * "How is A connected to B?": the form, and with both ends in the URL the shortest paths between them. The names in
 * the boxes come from the answer (or, with one end, from the actor), so a shared URL reopens the same question.
 */
async function renderPaths(route: PathsRoute, mine: number, focus: boolean): Promise<void> {
  const heading = h("h1", { id: "paths-title", tabindex: "-1" }, "How is one actor connected to another?");
  const intro = h("p", { class: "paths-intro" },
    "Choose two actors. The shortest chains of relations between them are drawn and told step by step, each step with its sentences, how sure the curators are and the sources; relations are followed either way, up to the number of steps chosen, and, as of a date, only those that held then.");
  const answer = h("div", { class: "paths-host", id: "paths-host" });
  const form = (names: { from?: string; to?: string }): HTMLElement =>
    pathsForm({
      route,
      names,
      kindLabel: (kind) => kindLabel(kind),
      onFind: (from, to, options) => {
        const next = pathsRoute(from, to, options);
        // The same question again does not change the fragment, so there is no hashchange: ask it here.
        if (formatRoute(next) === location.hash) void render(next, true);
        else go(next);
      },
    });

  if (route.from === null || route.to === null) {
    const one = route.from ?? route.to;
    const details = one === null ? null : await getActor(one).catch(() => null);
    if (mine !== generation) return;
    const name = details?.actor.name;
    view.replaceChildren(heading, intro, form(route.from !== null ? { from: name } : { to: name }), answer);
    document.title = titleOf(route);
    if (focus) heading.focus();
    return;
  }

  view.replaceChildren(heading, intro, form({}), answer);
  answer.replaceChildren(h("p", { class: "loading", role: "status" }, "Finding the shortest paths…"));
  const controller = new AbortController();
  loading = controller;
  try {
    const result = await getPaths(route.from, route.to, { maxDepth: route.maxDepth, asOf: route.asOf }, controller.signal);
    if (mine !== generation || controller.signal.aborted) return;
    if (result === null) {
      view.replaceChildren(heading, intro, form({}), answer);
      answer.replaceChildren(h("p", { role: "alert" }, `The graph has no actor with the id “${route.from}” or “${route.to}”. Choose them from the suggestions.`));
      return;
    }

    view.replaceChildren(heading, intro, form({ from: result.from.name, to: result.to.name }), answer);
    document.title = `${pathsTitle(route, result.from.name, result.to.name)} · IomGraph explorer`;
    drawn = showPaths({ result, host: answer, kindLabel, question: { from: route.from, to: route.to, maxDepth: route.maxDepth, asOf: route.asOf } });
    if (focus) document.getElementById("paths-answer-title")?.focus();
  } catch (error) {
    if (controller.signal.aborted || mine !== generation) return;
    showError(error);
  } finally {
    if (loading === controller) loading = undefined;
  }
}

type Pending = { signal: AbortSignal; route: Route & { view: "actor" }; answer: Promise<[Profile | null | undefined, Map<string, string | null> | null, Graph | null | undefined]> };

/** Asks for the tab's content for the route's date, aborting the request for the date asked for before. */
function fetchContent(route: Route & { view: "actor" }): Pending {
  route = route.tab === "graph" ? actorRoute(route.id, "graph", route.asOf, knownOnly(route.graph ?? noFilter, relationTypeNames)) : route;
  loading?.abort();
  const controller = new AbortController();
  loading = controller;
  const signal = controller.signal;
  const answer = Promise.all([
    route.tab === "profile" ? getProfile(route.id, route.asOf, signal) : Promise.resolve(undefined),
    // Without a date, the relations' ends set apart what has ended; if they cannot be read, the sentences still show.
    route.tab === "profile" && route.asOf === null ? getRelationEnds(route.id, signal).catch(() => null) : Promise.resolve(null),
    route.tab === "graph" ? getNeighbourhood(route.id, route.asOf, route.graph ?? noFilter, signal) : Promise.resolve(undefined),
  ]);
  return { signal, route, answer };
}

/**
 * Fetches and shows the tab's content for the route's date; with keepPlaces (another date of the same drawing), the
 * actors drawn before stay where they were.
 */
function fill(route: Route & { view: "actor" }, content: HTMLElement, mine: number, keepPlaces = false): Promise<void> {
  return show(fetchContent(route), content, mine, keepPlaces);
}

async function show(pending: Pending, content: HTMLElement, mine: number, keepPlaces = false): Promise<void> {
  const { signal, route } = pending;
  content.setAttribute("aria-busy", "true");
  try {
    const [profile, ends, graph] = await pending.answer;
    if (mine !== generation || signal.aborted) return;
    if (profile) content.replaceChildren(profileSections(profile, ends));
    if (graph) {
      const previous = keepPlaces && drawnGraph?.id === route.id ? drawnGraph.drawing.positions() : undefined;
      drawn?.destroy();
      const shownGraph = drawGraph({
        graph, host: content, kindLabel, asOf: route.asOf, previous,
        onOpen: (id) => go(actorRoute(id, "graph", route.asOf)),
        onExpand: (kind) => expand(kind),
      });
      drawn = shownGraph;
      drawnGraph = { id: route.id, drawing: shownGraph };
      filters?.offerKinds(graph.nodes.filter((n) => n.depth > 0).map((n) => n.kind));
      content.append(neighbourhoodDownloads({ actorId: route.id, asOf: route.asOf, filter: route.graph, png: () => shownGraph.png() }));
    }
  } catch (error) {
    if (signal.aborted || mine !== generation) return;
    showError(error);
  } finally {
    if (!signal.aborted) {
      loading = undefined;
      content.removeAttribute("aria-busy");
    }
  }
}

function showError(error: unknown): void {
  const message = error instanceof ApiError ? `${error.message} (HTTP ${error.status})` : error instanceof Error ? error.message : String(error);
  view.replaceChildren(h("h1", {}, "Something went wrong"), h("p", { role: "alert" }, `The API could not be read: ${message}. Reload the page to try again.`));
}

/** Expands a group on the graph shown now (set by render for its actor). */
let expand: (kind: ActorKindName) => void = () => undefined;
type ActorKindName = Graph["nodes"][number]["kind"];

let relationTypeNames: ReadonlySet<string> = new Set();
let relationTypeDefinitions = new Map<string, RelationTypeDefinition>();

/** The graph view's filters for an actor: its relation types, in the vocabulary's order, each with how many it has. */
function graphFilters(details: ActorDetails, filter: GraphFilter, onChange: (filter: GraphFilter) => void): FilterControl {
  const counts = new Map<string, number>();
  for (const c of details.relationCounts) counts.set(c.type, (counts.get(c.type) ?? 0) + c.incoming + c.outgoing);
  const order = [...relationTypeDefinitions.keys()];
  const types = [...counts.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b)) as RelationType[];
  return filterControl({
    filter,
    types,
    typeLabel: (type) => `${capitalise(relationTypeDefinitions.get(type)?.label ?? type)} (${counts.get(type) ?? 0})`,
    kindLabel,
    onChange,
  });
}

function tabs(route: Route & { view: "actor" }, name: string): HTMLElement {
  const tab = (value: ActorTab, text: string): HTMLElement =>
    h("li", {}, h("a", { href: formatRoute(actorRoute(route.id, value, route.asOf, route.graph)), "aria-current": value === route.tab ? "page" : undefined }, text));
  return h("nav", { class: "tabs", "aria-label": `Views of ${name}` }, h("ul", {}, tab("profile", "Profile in sentences"), tab("graph", "Graph of its neighbourhood")));
}

// The skip link must not change the fragment, which holds the route.
document.querySelector(".skip-link")?.addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});

async function start(): Promise<void> {
  // The vocabularies only name things; without them the page still works, with the names' ids.
  [kinds, relationTypeDefinitions] = await Promise.all([getKinds().catch(() => new Map()), getRelationTypes().catch(() => new Map())]);
  relationTypeNames = new Set(relationTypeDefinitions.keys());

  let current = parseRoute(location.hash);
  searchHost.replaceChildren(
    searchBox({
      initial: current.view === "home" ? current.query : "",
      kindLabel: (kind) => kindLabel(kind),
      onQuery: (query) => {
        if (current.view !== "home") return;
        current = { view: "home", query };
        history.replaceState(null, "", formatRoute(current));
        document.title = titleOf(current);
      },
      onPick: (id) => go(actorRoute(id)),
    }),
  );

  window.addEventListener("hashchange", () => {
    const next = parseRoute(location.hash);
    if (sameRoute(next, current) && next.view === "home") return;
    current = next;
    void render(next, true);
  });
  await render(current, false);
}

void start();
