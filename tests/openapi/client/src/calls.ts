// Calls every read operation of IomGraph, and one write, through a client generated from the served OpenAPI
// document (openapi-typescript + openapi-fetch). The types come only from the document: if it lies about what the
// API sends or accepts, either this does not compile or a check below fails.
//
//   node dist/src/calls.js <base URL> <curator API key>
//
// It prints one JSON line: the operations called (method and path template) and the failures.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/schema.js";

type ActorRecord = components["schemas"]["ActorRecord"];
type SourceRecord = components["schemas"]["SourceRecord"];

const [baseUrl, apiKey] = process.argv.slice(2);
if (!baseUrl || !apiKey) {
  console.error("usage: node dist/src/calls.js <base URL> <API key>");
  process.exit(2);
}

const api = createClient<paths, "application/json">({ baseUrl });
const bundles = createClient<paths, "application/vnd.iomgraph.bundle+json">({ baseUrl });
const csl = createClient<paths, "application/vnd.citationstyles.csl+json">({ baseUrl });
const called: string[] = [];
const failures: string[] = [];

function check(condition: boolean, what: string): void {
  if (!condition) {
    failures.push(what);
  }
}

async function read<T>(operation: string, call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T | undefined> {
  called.push(operation);
  const { data, error, response } = await call;
  check(response.ok, `${operation} answered ${response.status}: ${JSON.stringify(error)}`);
  return data;
}

const hits = await read("GET /api/v1/actors", api.GET("/api/v1/actors", { params: { query: { q: "UNHCR", kind: ["un-entity"], limit: 5 } } }));
check(hits?.items[0]?.actor.id === "unhcr" && hits.items[0].match === "exact", "a search for UNHCR finds UNHCR first, as an exact match");

const iom = await read("GET /api/v1/actors/{id}", api.GET("/api/v1/actors/{id}", { params: { path: { id: "iom" } } }));
check(iom?.actor.kind === "intergovernmental-organisation", "IOM's kind is an enum value");
check(/^\d{4}(-\d{2}(-\d{2})?)?$/.test(iom?.actor.founded ?? ""), `IOM's founding date is a partial-date string, got ${iom?.actor.founded}`);

const members = await read(
  "GET /api/v1/actors/{id}/relations",
  api.GET("/api/v1/actors/{id}/relations", {
    params: { path: { id: "global-migration-group" }, query: { type: ["MEMBER_OF"], direction: "in", asOf: "2010" } },
  }),
);
check((members?.total ?? 0) > 5, "the Global Migration Group had members in 2010");
check(members?.items.every((r) => r.direction === "in" && r.counterpart.id === r.from) ?? false, "each member relation points in, from its counterpart");

const graph = await read(
  "GET /api/v1/actors/{id}/neighbourhood",
  api.GET("/api/v1/actors/{id}/neighbourhood", { params: { path: { id: "iom" }, query: { depth: 1, type: ["COORDINATES", "SECRETARIAT_OF"] } } }),
);
check(graph?.centre === "iom" && (graph?.nodes.length ?? 0) >= 2, "IOM's neighbourhood is a graph around IOM");
check(graph?.edges.every((e) => graph.nodes.some((n) => n.id === e.source) && graph.nodes.some((n) => n.id === e.target)) ?? false, "edges name nodes by id");

const profile = await read(
  "GET /api/v1/actors/{id}/profile",
  api.GET("/api/v1/actors/{id}/profile", { params: { path: { id: "iom" }, query: { asOf: "2024" } } }),
);
check(profile?.sections[0]?.heading === "What it is" && profile.asOf === "2024", "IOM's profile starts with what it is, as of 2024");
check((profile?.footnotes.length ?? 0) > 0, "the profile cites its sources");

const history = await read("GET /api/v1/actors/{id}/history", api.GET("/api/v1/actors/{id}/history", { params: { path: { id: "iom" } } }));
check(history?.items[0]?.operation === "create", "IOM's history starts with its creation");

const chairs = await read("GET /api/v1/relations", api.GET("/api/v1/relations", { params: { query: { type: ["CHAIRS"], to: "global-migration-group" } } }));
check((chairs?.total ?? 0) > 3 && (chairs?.items.every((r) => r.type === "CHAIRS") ?? false), "the Global Migration Group had several chairs");

const relation = await read(
  "GET /api/v1/relations/{id}",
  api.GET("/api/v1/relations/{id}", { params: { path: { id: "iom.coordinates.un-network-on-migration" } } }),
);
check(relation?.confidence === "high" && (relation?.sources.length ?? 0) > 0, "a relation carries its confidence and sources");

const citation = await read(
  "GET /api/v1/relations/{id}/citation",
  api.GET("/api/v1/relations/{id}/citation", { params: { path: { id: "iom.coordinates.un-network-on-migration" } } }),
);
check(citation?.relationId === "iom.coordinates.un-network-on-migration", "the citation names its relation");
check(citation?.text.includes(`graph version ${citation.graphVersion}`) ?? false, "the citation's text names the graph version");
check(/^\d{4}-\d{2}-\d{2}$/.test(citation?.retrieved ?? ""), `the day retrieved is a date, got ${citation?.retrieved}`);
check(citation?.sources.every((s) => s.kinds.length > 0) ?? false, "each cited source says what kind of text it gives");

const dataset = await read(
  "GET /api/v1/relations/{id}/citation (csl-json)",
  csl.GET("/api/v1/relations/{id}/citation", { params: { path: { id: "iom.coordinates.un-network-on-migration" }, query: { format: "csl-json" } } }),
);
check(dataset?.type === "dataset" && dataset.title === "IomGraph" && typeof dataset.version === "string", "IomGraph cites itself as a dataset at a version");

const paths_ = await read("GET /api/v1/paths", api.GET("/api/v1/paths", { params: { query: { from: "usa", to: "unhcr" } } }));
check((paths_?.paths.length ?? 0) > 0, "the United States and UNHCR are connected");

const sources = await read("GET /api/v1/sources", api.GET("/api/v1/sources", { params: { query: { limit: 5 } } }));
check(sources?.items.length === 5, "a page of five sources");

const source = await read("GET /api/v1/sources/{id}", api.GET("/api/v1/sources/{id}", { params: { path: { id: "noborder-iom-wiki" } } }));
check(source?.source.kind === "perspective", "the Noborder article is a perspective");

const item = await read(
  "GET /api/v1/sources/{id} (csl-json)",
  csl.GET("/api/v1/sources/{id}", { params: { path: { id: "noborder-iom-wiki" }, query: { format: "csl-json" } } }),
);
check(item?.id === "noborder-iom-wiki" && typeof item.title === "string", "a source as one CSL-JSON item");

const items = await read("GET /api/v1/sources (csl-json)", csl.GET("/api/v1/sources", { params: { query: { format: "csl-json" } } }));
check(Array.isArray(items) && items.length >= (sources?.total ?? 1), "every source as a CSL-JSON list");

called.push("GET /api/v1/sources (bibtex)");
const bibtex = await fetch(`${baseUrl}/api/v1/sources?format=bibtex`);
const entries = (await bibtex.text()).split("\n").filter((line) => line.startsWith("@")).length;
check(bibtex.headers.get("Content-Type")?.startsWith("application/x-bibtex") === true && entries === sources?.total, `every source as BibTeX, got ${entries}`);
check(/^[0-9a-f]{12}\.[0-9]+$/.test(bibtex.headers.get("Graph-Version") ?? ""), `the answer names the graph version, got ${bibtex.headers.get("Graph-Version")}`);

const types = await read("GET /api/v1/relation-types", api.GET("/api/v1/relation-types"));
check(types?.some((t) => t.name === "MEMBER_OF") ?? false, "the vocabulary lists MEMBER_OF");

const kinds = await read("GET /api/v1/actor-kinds", api.GET("/api/v1/actor-kinds"));
check(kinds?.some((k) => k.name === "state") ?? false, "the vocabulary lists the kind state");

const stats = await read("GET /api/v1/stats", api.GET("/api/v1/stats", { params: { query: { top: 3 } } }));
check(stats?.mostConnected.length === 3, "three most connected actors");

const bundle = await read("GET /api/v1/export", bundles.GET("/api/v1/export", { params: { query: { type: ["CHAIRS"] } } }));
const exported = bundle?.relations ?? [];
check(exported.length > 0 && exported.every((r) => r.type === "CHAIRS"), "an export of the chairs holds only chairs");

const changes = await read("GET /api/v1/changes", api.GET("/api/v1/changes", { params: { query: { limit: 2 } } }));
check(changes?.items.length === 2 && typeof changes.resumeCursor === "string", "a page of the change feed");

const live = await read("GET /health/live", api.GET("/health/live"));
check(live?.status === "Healthy", "the API is live");

const ready = await read("GET /health/ready", api.GET("/health/ready"));
check(ready?.status === "Healthy", "the API is ready");

// One write and its read-back: dates and enums go out and come back as they were sent.
const headers = { "X-Api-Key": apiKey };
const sample: SourceRecord = { id: "client-sample-source", title: "A source written by the generated client", kind: "secondary", year: 2026 };
called.push("PUT /api/v1/sources/{id}");
const putSource = await api.PUT("/api/v1/sources/{id}", { params: { path: { id: sample.id } }, body: sample, headers });
check(putSource.response.status === 201, `PUT source answered ${putSource.response.status}: ${JSON.stringify(putSource.error)}`);

const actor: ActorRecord = {
  id: "client-sample-group",
  name: "A group written by the generated client",
  kind: "inter-agency-group",
  founded: "2019-05",
  dissolved: "2021",
  aliases: ["CSG"],
  sources: [{ sourceId: sample.id, quote: "A group written by the generated client", locator: "p. 1" }],
};
called.push("PUT /api/v1/actors/{id}");
const put = await api.PUT("/api/v1/actors/{id}", { params: { path: { id: actor.id } }, body: actor, headers });
check(put.response.status === 201, `PUT actor answered ${put.response.status}: ${JSON.stringify(put.error)}`);
check(put.response.headers.get("ETag") !== null, "a write answers an ETag");

const back = await api.GET("/api/v1/actors/{id}", { params: { path: { id: actor.id } } });
check(back.data?.actor.founded === "2019-05" && back.data.actor.dissolved === "2021", `dates come back at their precision, got ${back.data?.actor.founded}, ${back.data?.actor.dissolved}`);
check(back.data?.actor.kind === "inter-agency-group", `the kind comes back as sent, got ${back.data?.actor.kind}`);
check(back.data?.actor.sources[0]?.quote === actor.sources?.[0]?.quote, "the citation comes back as sent");

const invalid = await api.PUT("/api/v1/actors/{id}", {
  params: { path: { id: "client-bad" } },
  // Deliberately incomplete, as a hand-written client might send it: the answer names each missing field.
  body: { id: "client-bad" } as unknown as ActorRecord,
  headers,
});
check(invalid.response.status === 400, `an incomplete actor answers 400, got ${invalid.response.status}`);
const problem = invalid.error as { errors?: Record<string, string[]> } | undefined;
check(problem?.errors?.["name"] !== undefined && problem.errors["kind"] !== undefined, `the 400 names 'name' and 'kind': ${JSON.stringify(invalid.error)}`);

console.log(JSON.stringify({ called, failures }));
process.exit(failures.length === 0 ? 0 : 1);
