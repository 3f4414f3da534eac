import { h } from "./dom";
import { noFilter, type GraphFilter } from "./graphfilter";
import "./downloads.css";

// The drawings' downloads (the neighbourhood's and the paths'): the drawing as PNG (from Cytoscape, in the page), and
// what is drawn as GEXF, GraphML or CSV from the API's own export (plain links to the same origin, so no script builds
// those files).

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
 * The API's export of the neighbourhood the view draws: the same depth, relation types and hidden kinds, without
 * `group`, which shapes the JSON answer only (the API refuses it with `format`), so the export lists every actor the
 * drawing gathers into a group; and the same date, when the view has one.
 */
export function exportUrl(actorId: string, format: ExportFormat, asOf: string | null = null, filter: GraphFilter = noFilter, depth = 1): string {
  const query = new URLSearchParams({ depth: String(depth) });
  if (filter.types.length > 0) query.set("type", filter.types.join(","));
  if (filter.hidden.length > 0) query.set("excludeKind", filter.hidden.join(","));
  if (asOf !== null) query.set("asOf", asOf);
  query.set("format", format);
  return `/api/v1/actors/${encodeURIComponent(actorId)}/neighbourhood?${query.toString()}`;
}

/** The file name a download of the paths from one actor to another gets: iomgraph-paths-che-to-iom.gexf, -2010 as of 2010. */
export function pathsFileName(from: string, to: string, extension: string, asOf: string | null = null): string {
  const safe = (id: string): string => id.toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "") || "actor";
  const date = asOf === null ? "" : `-${asOf.replace(/[^0-9-]/g, "")}`;
  return `iomgraph-paths-${safe(from)}-to-${safe(to)}${date}.${extension}`;
}

/** The API's export of the paths the view draws: the same question (ends, depth, date), as a file. */
export function pathsExportUrl(question: { from: string; to: string; maxDepth?: number; asOf?: string }, format: ExportFormat): string {
  const query = new URLSearchParams({ from: question.from, to: question.to });
  if (question.maxDepth !== undefined) query.set("maxDepth", String(question.maxDepth));
  if (question.asOf !== undefined) query.set("asOf", question.asOf);
  query.set("format", format);
  return `/api/v1/paths?${query.toString()}`;
}

/** The neighbourhood's download bar: the drawing as PNG, and the neighbourhood the filters keep as files. */
export function neighbourhoodDownloads(options: { actorId: string; asOf: string | null; filter?: GraphFilter; png: () => Blob }): HTMLElement {
  return downloadBar({
    fileName: (extension) => downloadFileName(options.actorId, extension, options.asOf),
    href: (format) => exportUrl(options.actorId, format, options.asOf, options.filter),
    what: "every actor and relation of the neighbourhood",
    note: "The PNG is the drawing as it is; the other files list every actor of the neighbourhood the filters keep, the states one by one, for Gephi, yEd or a spreadsheet.",
    png: options.png,
  });
}

/**
 * The bar of download buttons under a drawing: `png` gives the drawing as it is on screen, `href` the API's export of
 * what is drawn in each format, `fileName` the name each file gets.
 */
export function downloadBar(options: { fileName: (extension: string) => string; href: (format: ExportFormat) => string; what: string; note: string; png: () => Blob }): HTMLElement {
  const pngButton = h("button", { type: "button", class: "download" }, "Download PNG", h("span", { class: "visually-hidden" }, ": the drawing as an image"));
  pngButton.addEventListener("click", () => {
    const url = URL.createObjectURL(options.png());
    const link = h("a", { href: url, download: options.fileName("png") });
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
            { class: "download", href: options.href(format), download: options.fileName(extension) },
            `Download ${label}`,
            h("span", { class: "visually-hidden" }, `: ${options.what}`),
          ),
        ),
      ),
    ),
    h("p", { class: "note" }, options.note),
  );
}
