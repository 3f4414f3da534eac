import { h } from "./dom";
import { kindColours, type ActorKind } from "./format";
import { gatheredByDefault, setGathered, toggleKind, toggleType, type GraphFilter, type RelationType } from "./graphfilter";

export type FilterControl = {
  element: HTMLElement;
  /** Shows a filter chosen elsewhere (a click on a group node), without calling back. */
  show: (filter: GraphFilter) => void;
  /** The kinds offered as checkboxes: those drawn now, with the hidden ones, which a drawing no longer has. */
  offerKinds: (drawn: readonly ActorKind[]) => void;
};

/**
 * The graph view's filters, a disclosure above the drawing: a checkbox per relation type the actor has (all ticked:
 * every type), a checkbox per kind of actor drawn ("Show" it or not), and "Gather the states into one node". onChange
 * is called with each filter chosen; the last relation type ticked cannot be unticked, and the control says so.
 */
export function filterControl(options: {
  filter: GraphFilter;
  /** The relation types the actor has, in the order to list them. */
  types: readonly RelationType[];
  typeLabel: (type: RelationType) => string;
  kindLabel: (kind: string, plural: boolean) => string;
  onChange: (filter: GraphFilter) => void;
}): FilterControl {
  let filter = options.filter;
  let kindsOffered: ActorKind[] = [];
  const status = h("p", { class: "filters-status", role: "status" });

  const typeBoxes = new Map<RelationType, HTMLInputElement>();
  const typeList = h(
    "ul",
    { class: "filter-options" },
    ...options.types.map((type) => {
      const id = `filter-type-${type.toLowerCase()}`;
      const box = h("input", { type: "checkbox", id, value: type });
      box.addEventListener("change", () => {
        const next = toggleType(filter, type, box.checked, options.types);
        if (next === null) {
          box.checked = true;
          status.textContent = "At least one relation type stays ticked: a drawing needs relations to draw.";
          return;
        }

        choose(next);
      });
      typeBoxes.set(type, box);
      return h("li", {}, box, h("label", { for: id }, options.typeLabel(type)));
    }),
  );

  const kindList = h("ul", { class: "filter-options" });
  const gather = gatheredByDefault.map((kind) => {
    const id = `filter-gather-${kind}`;
    const box = h("input", { type: "checkbox", id });
    box.addEventListener("change", () => choose(setGathered(filter, kind, box.checked)));
    return { kind, box, item: h("li", {}, box, h("label", { for: id }, `Gather the ${options.kindLabel(kind, true).toLowerCase()} into one node`)) };
  });

  const choose = (next: GraphFilter): void => {
    status.textContent = "";
    show(next);
    options.onChange(next);
  };

  const renderKinds = (): void => {
    const kinds = (Object.keys(kindColours) as ActorKind[]).filter((k) => kindsOffered.includes(k) || filter.hidden.includes(k));
    kindList.replaceChildren(
      ...kinds.map((kind) => {
        const id = `filter-kind-${kind}`;
        const box = h("input", { type: "checkbox", id, value: kind });
        box.checked = !filter.hidden.includes(kind);
        box.addEventListener("change", () => choose(toggleKind(filter, kind, box.checked)));
        const swatch = h("span", { class: "swatch", "aria-hidden": "true" });
        swatch.style.backgroundColor = kindColours[kind];
        return h("li", {}, box, h("label", { for: id }, swatch, options.kindLabel(kind, true)));
      }),
    );
  };

  const show = (next: GraphFilter): void => {
    filter = next;
    for (const [type, box] of typeBoxes) box.checked = filter.types.length === 0 || filter.types.includes(type);
    for (const { kind, box, item } of gather) {
      box.checked = !filter.expanded.includes(kind);
      item.hidden = filter.hidden.includes(kind);
    }

    renderKinds();
    summary.textContent = summaryText(filter);
  };

  const summary = h("span", { class: "filters-summary" });
  const element = h(
    "details",
    { class: "graph-filters", open: filter.types.length > 0 || filter.hidden.length > 0 },
    h("summary", {}, "Filter the drawing", summary),
    h("div", { class: "filter-groups" },
      options.types.length === 0
        ? null
        : h("fieldset", {}, h("legend", {}, "Relation types to draw"), typeList),
      h("fieldset", {}, h("legend", {}, "Kinds of actor to show"), kindList, h("ul", { class: "filter-options" }, ...gather.map((g) => g.item)))),
    status,
  );
  show(filter);
  return {
    element,
    show,
    offerKinds: (drawn) => {
      kindsOffered = [...drawn];
      renderKinds();
    },
  };
}

/** What the closed disclosure says about the filter: nothing when the drawing is not filtered. */
export function summaryText(filter: GraphFilter): string {
  const parts: string[] = [];
  if (filter.types.length > 0) parts.push(`${filter.types.length} relation type${filter.types.length === 1 ? "" : "s"}`);
  if (filter.hidden.length > 0) parts.push(`${filter.hidden.length} kind${filter.hidden.length === 1 ? "" : "s"} hidden`);
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}
