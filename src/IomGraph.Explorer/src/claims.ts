import type { components } from "./generated/schema";
import { h } from "./dom";
import "./claims.css";
import { confidenceLabel, confidenceWords } from "./format";

// The claims view (#/claims): the source document's claims beside what the record says. A claim is a relation that
// cites the seed document, the Noborder Network's article on the IOM (a "perspective"): its citation of the article
// holds the article's own words; its sentence, confidence and note are the record's verdict, and its other citations
// are the research that bears on it. The API has no "contradicted" field: a low confidence and a note saying what was
// (not) found are how the record disagrees.

type Schemas = components["schemas"];
export type SourceDetails = Schemas["SourceDetails"];
export type SourceRecord = Schemas["Source"];
export type Relation = Schemas["Relation"];
export type Citation = Schemas["Citation"];

/** The seed document whose claims the view checks. */
export const claimsSourceId = "noborder-iom-wiki";

export type Claim = {
  relation: Relation;
  /** The article's words: its citations of the claims source (usually one). */
  article: Citation[];
  /** Everything else the relation cites: the research. */
  research: Citation[];
};

/** Each citing relation as a claim, the article's citations apart from the research's; the least sure first, then by sentence. */
export function claimsOf(relations: readonly Relation[], sourceId = claimsSourceId): Claim[] {
  const rank = { low: 0, medium: 1, high: 2 } as const;
  return relations
    .map((relation) => ({
      relation,
      article: relation.sources.filter((c) => c.sourceId === sourceId),
      research: relation.sources.filter((c) => c.sourceId !== sourceId),
    }))
    .sort((a, b) => rank[a.relation.confidence] - rank[b.relation.confidence] || a.relation.sentence.localeCompare(b.relation.sentence));
}

/** The sources the claims cite besides the article, each id once, to fetch their titles and links. */
export function researchSourceIds(claims: readonly Claim[]): string[] {
  return [...new Set(claims.flatMap((c) => c.research.map((r) => r.sourceId)))].sort();
}

/** The claims page: the introduction, then one article per claim. */
export function claimsView(details: SourceDetails, sources: ReadonlyMap<string, SourceRecord>): HTMLElement {
  const source = details.source;
  const claims = claimsOf(details.citedBy.items);
  const byline = [source.author, source.year === null ? null : String(source.year)].filter((x): x is string => x !== null).join(", ");
  return h(
    "div",
    { class: "claims" },
    h("h1", { id: "claims-title", tabindex: "-1" }, "The article’s claims beside what the record says"),
    h(
      "p",
      { class: "claims-source" },
      "The source: ",
      source.url === null ? h("cite", {}, source.title) : h("a", { href: source.url, rel: "noopener noreferrer", target: "_blank" }, h("cite", {}, source.title), h("span", { class: "visually-hidden" }, " (new tab)")),
      byline === "" ? "" : ` — ${byline}`,
      ". A perspective, not research: the curators recorded each of its claims as a relation and checked it against other sources.",
    ),
    h(
      "p",
      { class: "claims-how" },
      "Each claim is headed by what the record says, in its own sentence; beside it, the article’s own words, then how sure the curators are, their note, and the research they found. ",
      "Nothing here is marked “contradicted”: a low confidence and the curators’ note are how the record disagrees, so read the note and open the sources before you quote a claim as fact.",
    ),
    h("p", { class: "note" }, `${claims.length} claims, the least sure first.`),
    h("ol", { class: "claim-list" }, ...claims.map((claim, i) => claimItem(claim, i, sources))),
  );
}

function claimItem(claim: Claim, index: number, sources: ReadonlyMap<string, SourceRecord>): HTMLElement {
  const r = claim.relation;
  const heading = `claim-${index}`;
  return h(
    "li",
    { class: "claim", "data-relation": r.id, "aria-labelledby": heading },
    h("h2", { id: heading, class: "claim-heading" }, r.sentence),
    h(
      "div",
      { class: "claim-article" },
      h("h3", {}, "The article says"),
      ...claim.article.map((c) =>
        h(
          "figure",
          { class: "article-words" },
          c.quote !== null ? h("blockquote", {}, `“${c.quote}”`) : h("p", { class: "summary" }, h("span", { class: "what" }, "Summary: "), c.summary ?? "—"),
          c.locator === null ? null : h("figcaption", { class: "locator" }, h("span", { class: "what" }, "Where: "), c.locator),
        ),
      ),
    ),
    h(
      "div",
      { class: "claim-record" },
      h("h3", {}, "How sure the record is, and why"),
      h("p", { class: `confidence confidence-${r.confidence}`, title: confidenceWords(r.confidence) },
        h("span", { class: "badge" }, confidenceLabel(r.confidence)),
        ` ${confidenceWords(r.confidence)}`),
      r.note === null ? null : h("p", { class: "claim-note" }, h("span", { class: "what" }, "The curators’ note: "), r.note),
      claim.research.length === 0
        ? h("p", { class: "no-research" }, "No other source: the claim rests on the article alone.")
        : h(
            "details",
            { class: "sources" },
            h("summary", {}, claim.research.length === 1 ? "1 other source" : `${claim.research.length} other sources`),
            h("ol", {}, ...claim.research.map((c) => researchItem(c, sources.get(c.sourceId)))),
          ),
      h("p", { class: "links" }, h("a", { href: `/api/v1/relations/${encodeURIComponent(r.id)}` }, "The relation in the API")),
    ),
  );
}

function researchItem(c: Citation, source: SourceRecord | undefined): HTMLElement {
  const byline = source === undefined ? "" : [source.author, source.year === null ? null : String(source.year)].filter((x): x is string => x !== null).join(", ");
  const record = c.record;
  return h(
    "li",
    { class: "source" },
    h("p", { class: "source-title" }, source?.title ?? c.sourceId, byline === "" ? null : h("span", { class: "byline" }, ` — ${byline}`)),
    c.quote !== null
      ? h("blockquote", {}, `“${c.quote}”`)
      : c.summary !== null
        ? h("p", { class: "summary" }, h("span", { class: "what" }, "Summary: "), c.summary)
        : null,
    record === null
      ? null
      : h("p", { class: "record" }, `Record ${record.row} of ${record.dataset}${record.table === null ? "" : ` (${record.table})`}: `,
          Object.entries(record.values).map(([k, v]) => `${k} ${v}`).join(", ")),
    c.locator === null ? null : h("p", { class: "locator" }, h("span", { class: "what" }, "Where: "), c.locator),
    h(
      "p",
      { class: "links" },
      source?.url == null ? null : h("a", { href: source.url, rel: "noopener noreferrer", target: "_blank" }, "Open the source", h("span", { class: "visually-hidden" }, " (new tab)")),
      source?.url == null ? null : " · ",
      h("a", { href: c.href }, "Its record in the API"),
    ),
  );
}
