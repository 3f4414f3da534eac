import "./style.css";
import { ApiError, getActor, getKinds, getNeighbourhood, getProfile, type ActorKindDefinition } from "./api";
import { h } from "./dom";
import { drawGraph, type DrawnGraph } from "./graph";
import { actorHeader, profileSections } from "./profile";
import { actorRoute, formatRoute, parseRoute, sameRoute, titleOf, type ActorTab, type Route } from "./route";
import { searchBox } from "./search";

const main = document.getElementById("main")!;
const searchHost = document.getElementById("search-host")!;
const view = document.getElementById("view")!;

let kinds = new Map<string, ActorKindDefinition>();
let drawn: DrawnGraph | undefined;
let generation = 0;

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
  drawn?.destroy();
  drawn = undefined;
  document.title = titleOf(route);
  main.dataset["view"] = route.view === "home" ? "home" : `actor-${route.tab}`;

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
      ),
    );
    return;
  }

  view.replaceChildren(h("p", { class: "loading", role: "status" }, "Loading…"));
  try {
    const [details, profile, graph] = await Promise.all([
      getActor(route.id),
      route.tab === "profile" ? getProfile(route.id) : Promise.resolve(undefined),
      route.tab === "graph" ? getNeighbourhood(route.id) : Promise.resolve(undefined),
    ]);
    if (mine !== generation) return;
    if (details === null) {
      view.replaceChildren(
        h("h1", { id: "actor-name", tabindex: "-1" }, "No such actor"),
        h("p", {}, `The graph has no actor with the id “${route.id}”. Search for it by name above.`),
      );
      return;
    }

    document.title = titleOf(route, details.actor.name);
    const content = h("div", { class: "tab-content", id: "tab-content" });
    view.replaceChildren(actorHeader(details, kindLabel(details.actor.kind)), tabs(route.id, route.tab, details.actor.name), content);
    if (profile) {
      content.append(profileSections(profile));
    }

    if (graph) {
      drawn = drawGraph({ graph, host: content, kindLabel, onOpen: (id) => go(actorRoute(id, "graph")) });
    }

    if (focus) document.getElementById("actor-name")?.focus();
  } catch (error) {
    if (mine !== generation) return;
    const message = error instanceof ApiError ? `${error.message} (HTTP ${error.status})` : error instanceof Error ? error.message : String(error);
    view.replaceChildren(h("h1", {}, "Something went wrong"), h("p", { role: "alert" }, `The API could not be read: ${message}. Reload the page to try again.`));
  }
}

function tabs(id: string, current: ActorTab, name: string): HTMLElement {
  const tab = (value: ActorTab, text: string): HTMLElement =>
    h("li", {}, h("a", { href: formatRoute(actorRoute(id, value)), "aria-current": value === current ? "page" : undefined }, text));
  return h("nav", { class: "tabs", "aria-label": `Views of ${name}` }, h("ul", {}, tab("profile", "Profile in sentences"), tab("graph", "Graph of its neighbourhood")));
}

// The skip link must not change the fragment, which holds the route.
document.querySelector(".skip-link")?.addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});

async function start(): Promise<void> {
  try {
    kinds = await getKinds();
  } catch {
    // The kinds only name things; without them the page still works, with the kinds' ids.
  }

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
