import type { ActorDetails, Footnote, Profile, ProfileSentence } from "./api";
import { sentenceEnded } from "./asof";
import { h } from "./dom";
import { confidenceLabel, confidenceWords, formatPartialDate, lifespan } from "./format";

/** The actor's header: name, kind, aliases, founding and headquarters, and its description. */
export function actorHeader(details: ActorDetails, kindLabel: string): HTMLElement {
  const actor = details.actor;
  const facts: [string, string][] = [["Kind", kindLabel]];
  const aliases = actor.aliases.filter((a) => a !== actor.name);
  if (aliases.length > 0) facts.push(["Also known as", aliases.join(" · ")]);
  const life = lifespan(actor.founded, actor.dissolved);
  if (life !== null) facts.push(["Founded", life.replace(/^Founded /, "")]);
  if (actor.headquarters !== null) facts.push(["Headquarters", actor.headquarters]);
  facts.push(["Relations", String(details.totalRelations)]);

  return h(
    "header",
    { class: "actor-header" },
    h("h1", { id: "actor-name", tabindex: "-1" }, actor.name),
    h("dl", { class: "facts" }, ...facts.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)])),
    actor.description === null ? null : h("p", { class: "description" }, actor.description),
  );
}

/**
 * The profile, section by section (the API groups sentences by relation type). Each sentence shows its confidence in
 * words and opens its sources in place: a disclosure, so one click (or Enter) shows quote or summary, locator and link.
 */
export function profileSections(profile: Profile, ends: ReadonlyMap<string, string | null> | null = null): HTMLElement {
  const footnotes = new Map(profile.footnotes.map((f) => [f.number, f]));
  let sentenceNumber = 0;

  const item = (sentence: ProfileSentence, ended: string | null): HTMLElement => {
    sentenceNumber++;
    const cited = sentence.footnotes.map((n) => footnotes.get(n)).filter((f): f is Footnote => f !== undefined);
    return h(
      "li",
      { class: ended === null ? "sentence" : "sentence sentence-ended" },
      h("p", {}, sentence.text),
      ended === null ? null : h("p", { class: "ended-marker" }, `Ended ${formatPartialDate(ended)}`),
      sentence.confidence === null
        ? null
        : h("p", { class: `confidence confidence-${sentence.confidence}`, title: confidenceWords(sentence.confidence) },
            h("span", { class: "badge" }, confidenceLabel(sentence.confidence)),
            h("span", { class: "visually-hidden" }, `: ${confidenceWords(sentence.confidence)}`)),
      cited.length === 0 ? null : sources(cited, sentenceNumber),
    );
  };

  // Without a date, what has ended goes under its own heading in each section, after what holds (the ends come from
  // the actor's relations, which the sentences name); with a date everything shown held then, so nothing is set apart.
  return h(
    "div",
    { class: "profile" },
    ...profile.sections.map((section, s) => {
      const split = section.sentences.map((sentence) => ({ sentence, ended: ends === null ? null : sentenceEnded(sentence.relationIds, ends) }));
      const holding = split.filter((x) => x.ended === null);
      const ended = split.filter((x) => x.ended !== null);
      return h(
        "section",
        { class: "profile-section", "aria-labelledby": `section-${s}` },
        h("h2", { id: `section-${s}` }, section.heading),
        holding.length === 0 ? null : h("ul", { class: "sentences" }, ...holding.map((x) => item(x.sentence, null))),
        ended.length === 0 ? null : h("h3", { class: "ended-heading", id: `section-${s}-ended` }, "Ended"),
        ended.length === 0 ? null : h("ul", { class: "sentences sentences-ended", "aria-labelledby": `section-${s}-ended` }, ...ended.map((x) => item(x.sentence, x.ended))),
      );
    }),
  );
}

/** A sentence's sources as a disclosure: one click (or Enter) shows each one's quote or summary, locator and links. */
export function sources(cited: Footnote[], sentenceNumber: number): HTMLElement {
  return h(
    "details",
    { class: "sources", "data-sentence": String(sentenceNumber) },
    h("summary", {}, cited.length === 1 ? "1 source" : `${cited.length} sources`),
    h("ol", {}, ...cited.map(source)),
  );
}

function source(f: Footnote): HTMLElement {
  const byline = [f.author, f.year === null ? null : String(f.year)].filter((x): x is string => x !== null).join(", ");
  const text = f.quote ?? f.summary;
  const record = f.record;
  return h(
    "li",
    { class: "source", value: String(f.number) },
    h("p", { class: "source-title" }, f.title ?? f.sourceId, byline === "" ? null : h("span", { class: "byline" }, ` — ${byline}`)),
    text === null
      ? null
      : f.quote !== null
        ? h("blockquote", {}, `“${text}”`)
        : h("p", { class: "summary" }, h("span", { class: "what" }, "Summary: "), text),
    record === null
      ? null
      : h("p", { class: "record" }, `Record ${record.row} of ${record.dataset}${record.table === null ? "" : ` (${record.table})`}: `,
          Object.entries(record.values).map(([k, v]) => `${k} ${v}`).join(", ")),
    f.locator === null ? null : h("p", { class: "locator" }, h("span", { class: "what" }, "Where: "), f.locator),
    h(
      "p",
      { class: "links" },
      f.url === null ? null : h("a", { href: f.url, rel: "noopener noreferrer", target: "_blank" }, "Open the source", h("span", { class: "visually-hidden" }, " (new tab)")),
      f.url === null ? null : " · ",
      h("a", { href: f.href }, "Its record in the API"),
    ),
  );
}

