import { h } from "./dom";
import "./downloads.css";

// The graph view's downloads: the drawing as PNG (from Cytoscape, in the page), and the same neighbourhood as GEXF,
// GraphML or CSV from the API's own export (plain links to the same origin, so no script builds those files).

export type ExportFormat = "gexf" | "graphml" | "csv";

export const exportFormats: readonly { format: ExportFormat; label: string; extension: string }[] = [
  { format: "gexf", label: "GEXF (Gephi)", extension: "gexf" },
  { format: "graphml", label: "GraphML", extension: "graphml" },
  { format: "csv", label: "CSV (a zip of nodes and edges)", extension: "zip" },
];

/** The file name a download of an actor's neighbourhood gets: iomgraph-iom-neighbourhood.png, or -2010.png as of 2010. */
export function downloadFileName(actorId: string, extension: string, asOf: string | null = null): string {
  const safe = actorId.toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "") || "actor";
  const date = asOf === null ? "" : `-${asOf.replace(/[^0-9-]/g, "")}`;
  return `iomgraph-${safe}-neighbourhood${date}.${extension}`;
}

/**
 * The API's export of the neighbourhood the view draws: the same depth, without `group`, which shapes the JSON answer
 * only (the API refuses it with `format`), so the export lists every actor the drawing gathers into a group; and the
 * same date, when the view has one.
 */
export function exportUrl(actorId: string, format: ExportFormat, asOf: string | null = null, depth = 1): string {
  const query = new URLSearchParams({ depth: String(depth), ...(asOf === null ? {} : { asOf }), format });
  return `/api/v1/actors/${encodeURIComponent(actorId)}/neighbourhood?${query.toString()}`;
}

/** The bar of download buttons under the drawing; `png` gives the drawing as it is on screen. */
export function downloadBar(options: { actorId: string; asOf: string | null; png: () => Blob }): HTMLElement {
  const pngButton = h("button", { type: "button", class: "download" }, "Download PNG", h("span", { class: "visually-hidden" }, ": the drawing as an image"));
  pngButton.addEventListener("click", () => {
    const url = URL.createObjectURL(options.png());
    const link = h("a", { href: url, download: downloadFileName(options.actorId, "png", options.asOf) });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  return h(
    "section",
    { class: "downloads", "aria-labelledby": "downloads-title" },
    h("h2", { id: "downloads-title" }, "Take it away"),
    h(
      "ul",
      {},
      h("li", {}, pngButton),
      ...exportFormats.map(({ format, label, extension }) =>
        h(
          "li",
          {},
          h(
            "a",
            { class: "download", href: exportUrl(options.actorId, format, options.asOf), download: downloadFileName(options.actorId, extension, options.asOf) },
            `Download ${label}`,
            h("span", { class: "visually-hidden" }, ": every actor and relation of the neighbourhood"),
          ),
        ),
      ),
    ),
    h("p", { class: "note" }, "The PNG is the drawing as it is; the other files list every actor of the neighbourhood, the states one by one, for Gephi, yEd or a spreadsheet."),
  );
}
