import { ApiError, getSourceDetails } from "./api";
import { claimsOf, claimsSourceId, claimsView, researchSourceIds, type SourceRecord } from "./claims";
import { h } from "./dom";

/**
 * Fetches the claims source with the relations that cite it, then the other sources those relations cite (for their
 * titles and links), and shows the claims in `view`. `current` says whether the page still wants this answer.
 */
export async function renderClaims(view: HTMLElement, current: () => boolean, focus: boolean): Promise<void> {
  view.replaceChildren(h("p", { class: "loading", role: "status" }, "Loading…"));
  try {
    const details = await getSourceDetails(claimsSourceId);
    if (!current()) return;
    if (details === null) {
      view.replaceChildren(h("h1", { id: "claims-title", tabindex: "-1" }, "No claims to check"), h("p", {}, `The graph has no source “${claimsSourceId}”.`));
      return;
    }

    const ids = researchSourceIds(claimsOf(details.citedBy.items));
    // A source that cannot be read is shown by its id: the claim and its quotes are still there.
    const records = await Promise.all(ids.map((id) => getSourceDetails(id, 1).catch(() => null)));
    if (!current()) return;
    const sources = new Map<string, SourceRecord>();
    records.forEach((r) => r !== null && sources.set(r.source.id, r.source));
    view.replaceChildren(claimsView(details, sources));
    if (focus) document.getElementById("claims-title")?.focus();
  } catch (error) {
    if (!current()) return;
    const message = error instanceof ApiError ? `${error.message} (HTTP ${error.status})` : error instanceof Error ? error.message : String(error);
    view.replaceChildren(h("h1", {}, "Something went wrong"), h("p", { role: "alert" }, `The API could not be read: ${message}. Reload the page to try again.`));
  }
}
