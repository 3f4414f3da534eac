import { searchActors, type ActorHit } from "./api";
import { h } from "./dom";

/** What a suggestion says beside the name: the acronym or alias that matched, else the label. */
export function suggestionDetail(hit: ActorHit, query: string): string | null {
  const folded = fold(query);
  const alias = hit.actor.aliases.find((a) => fold(a).includes(folded) && !fold(hit.actor.name).includes(folded));
  if (alias !== undefined) return alias;
  return hit.actor.shortName ?? null;
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The "Search actors" box: an ARIA 1.2 combobox with a listbox of suggestions as one types. Arrow keys move through the
 * suggestions, Enter opens one (the first when none is chosen), Escape closes the list.
 */
export function searchBox(options: {
  initial: string;
  kindLabel: (kind: string) => string;
  onQuery: (query: string) => void;
  onPick: (id: string, hit?: ActorHit) => void;
  /** The box's id, for more than one box on a page (the paths view's From and To); "search" by default. */
  id?: string;
  /** Its visible label; "Search actors" by default. */
  label?: string;
  placeholder?: string;
}): HTMLElement {
  const boxId = options.id ?? "search";
  const listId = `${boxId}-suggestions`;
  const optionId = (i: number): string => (boxId === "search" ? `suggestion-${i}` : `${boxId}-suggestion-${i}`);
  const input = h("input", {
    id: boxId,
    type: "search",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    autocomplete: "off",
    spellcheck: "false",
    placeholder: options.placeholder ?? "IOM, GMG, UNHCR, Côte d’Ivoire…",
  });
  input.value = options.initial;
  const list = h("ul", { id: listId, role: "listbox", "aria-label": "Suggestions", class: "suggestions", hidden: true });
  const status = h("p", { class: "search-status", role: "status", "aria-live": "polite" });

  let hits: ActorHit[] = [];
  let active = -1;
  let pending: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (index: number): void => {
    active = index;
    for (const [i, item] of Array.from(list.children).entries()) {
      item.setAttribute("aria-selected", String(i === index));
    }

    if (index >= 0) {
      input.setAttribute("aria-activedescendant", optionId(index));
      list.children[index]?.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const render = (query: string): void => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const detail = suggestionDetail(hit, query);
        const item = h(
          "li",
          { id: optionId(i), role: "option", "aria-selected": "false", "data-id": hit.actor.id },
          h("span", { class: "suggestion-name" }, hit.actor.name),
          detail === null ? null : h("span", { class: "suggestion-detail" }, ` (${detail})`),
          h("span", { class: "suggestion-kind" }, options.kindLabel(hit.actor.kind)),
        );
        // mousedown would blur the box (and close the list) before the click lands.
        item.addEventListener("mousedown", (e) => e.preventDefault());
        item.addEventListener("click", () => {
          close();
          options.onPick(hit.actor.id, hit);
        });
        return item;
      }),
    );
    status.textContent = query === "" ? "" : hits.length === 0 ? `No actor matches “${query}”.` : `${hits.length} suggestions.`;
    if (hits.length > 0 && document.activeElement === input) {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    } else {
      close();
    }
  };

  const search = (query: string): void => {
    pending?.abort();
    if (query === "") {
      hits = [];
      render(query);
      return;
    }

    const controller = new AbortController();
    pending = controller;
    searchActors(query, controller.signal).then(
      (found) => {
        if (controller.signal.aborted) return;
        hits = found;
        active = -1;
        render(query);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        hits = [];
        render("");
        status.textContent = `The search failed: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    timer = setTimeout(() => {
      options.onQuery(query);
      search(query);
    }, 150);
  });
  input.addEventListener("focus", () => {
    if (hits.length > 0) render(input.value.trim());
  });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (e) => {
    switch (e.key) {
      case "ArrowDown":
        e.preventDefault();
        if (list.hidden && hits.length > 0) render(input.value.trim());
        highlight(hits.length === 0 ? -1 : (active + 1) % hits.length);
        break;
      case "ArrowUp":
        e.preventDefault();
        highlight(hits.length === 0 ? -1 : (active - 1 + hits.length) % hits.length);
        break;
      case "Enter": {
        const hit = hits[active >= 0 ? active : 0];
        if (hit !== undefined) {
          e.preventDefault();
          close();
          options.onPick(hit.actor.id, hit);
        }
        break;
      }
      case "Escape":
        if (!list.hidden) {
          e.preventDefault();
          close();
        }
        break;
    }
  });

  if (options.initial !== "") search(options.initial);

  return h(
    "div",
    // One search landmark per page: the paths view's From and To boxes are fields of its form instead.
    { class: "search", role: boxId === "search" ? "search" : undefined },
    h("label", { for: boxId }, options.label ?? "Search actors"),
    h("div", { class: "search-field" }, input, list),
    status,
  );
}
