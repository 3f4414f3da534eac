// Reads IomGraph's BibTeX with @retorquere/bibtex-parser, the parser of Zotero's Better BibTeX, in strict mode: any
// error, and any TeX command it does not know, fails.
//
//   node citations/parse-bibtex.mjs <base URL>
//
// It fetches every source as BibTeX and prints one JSON line: { "entries": [ { key, type, title, authors, year, ... } ] },
// each author as { name } for an organisation or { lastName, firstName } for a person.
import { parse } from "@retorquere/bibtex-parser";

const [baseUrl] = process.argv.slice(2);
if (!baseUrl) {
  console.error("usage: node citations/parse-bibtex.mjs <base URL>");
  process.exit(2);
}

const response = await fetch(`${baseUrl}/api/v1/sources`, { headers: { Accept: "application/x-bibtex" } });
const type = response.headers.get("Content-Type") ?? "";
if (!response.ok || !type.startsWith("application/x-bibtex")) {
  console.error(`the sources answered ${response.status} ${type}`);
  process.exit(1);
}

const text = await response.text();
const library = parse(text, {
  sentenceCase: false,
  caseProtection: false,
  unsupported: (node) => {
    throw new Error(`unsupported TeX: ${JSON.stringify(node)}`);
  },
});
if (library.errors.length > 0) {
  console.error(JSON.stringify(library.errors));
  process.exit(1);
}

const entries = library.entries.map((entry) => ({
  key: entry.key,
  type: entry.type,
  title: entry.fields.title,
  authors: (entry.fields.author ?? []).map((a) => (a.name !== undefined ? { name: a.name } : { lastName: a.lastName, firstName: a.firstName })),
  year: entry.fields.year,
  month: entry.fields.month,
  number: entry.fields.number,
  url: entry.fields.url,
  doi: entry.fields.doi,
  note: entry.fields.note,
}));
console.log(JSON.stringify({ count: (text.match(/^@/gm) ?? []).length, entries }));
