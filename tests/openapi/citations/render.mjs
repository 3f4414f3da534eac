// Renders IomGraph's CSL-JSON into a bibliography with citeproc-js, the CSL processor Zotero and Mendeley use, in
// the style and locale beside this script. What it renders is what the API answers, unchanged.
//
//   node citations/render.mjs <base URL> [--relation <id>] <source id>...
//
// Each source is fetched as CSL-JSON, alternately by Accept and by ?format=csl-json; with --relation, the relation's
// citation of IomGraph itself too. It prints one JSON line: { "entries": { "<item id>": "<rendered text>" } }.
import { readFile } from "node:fs/promises";
import CSL from "citeproc";

const here = new URL(".", import.meta.url);
const [baseUrl, ...rest] = process.argv.slice(2);
if (!baseUrl || rest.length === 0) {
  console.error("usage: node citations/render.mjs <base URL> [--relation <id>] <source id>...");
  process.exit(2);
}

const urls = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i] === "--relation") {
    urls.push([`${baseUrl}/api/v1/relations/${encodeURIComponent(rest[++i])}/citation?format=csl-json`, {}]);
  } else if (i % 2 === 0) {
    urls.push([`${baseUrl}/api/v1/sources/${encodeURIComponent(rest[i])}`, { headers: { Accept: "application/vnd.citationstyles.csl+json" } }]);
  } else {
    urls.push([`${baseUrl}/api/v1/sources/${encodeURIComponent(rest[i])}?format=csl-json`, {}]);
  }
}

const items = {};
for (const [url, init] of urls) {
  const response = await fetch(url, init);
  const type = response.headers.get("Content-Type") ?? "";
  if (!response.ok || !type.startsWith("application/vnd.citationstyles.csl+json")) {
    console.error(`${url} answered ${response.status} ${type}`);
    process.exit(1);
  }

  const item = await response.json();
  items[item.id] = item;
}

const style = await readFile(new URL("iomgraph-author-date.csl", here), "utf8");
const locale = await readFile(new URL("locales-en-US.xml", here), "utf8");
const engine = new CSL.Engine(
  {
    retrieveLocale: (lang) => (lang === "en-US" ? locale : false),
    retrieveItem: (id) => items[id],
  },
  style,
  "en-US",
);
engine.setOutputFormat("text");
engine.updateItems(Object.keys(items));
const [meta, rendered] = engine.makeBibliography();
if (meta.bibliography_errors?.length) {
  console.error(JSON.stringify(meta.bibliography_errors));
  process.exit(1);
}

const entries = {};
meta.entry_ids.forEach((ids, i) => {
  entries[ids[0]] = rendered[i].trim();
});
console.log(JSON.stringify({ entries }));
