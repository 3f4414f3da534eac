import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema";
import { gatheredKinds, noFilter, type GraphFilter } from "./graphfilter";

// The client is typed from openapi.json, the committed snapshot of the API's document (an API test fails when the
// served document moves away from it), so a change to the API that breaks a call here fails `tsc --noEmit`.
export type Schemas = components["schemas"];
export type ActorHit = Schemas["ActorHit"];
export type ActorDetails = Schemas["ActorDetails"];
export type Profile = Schemas["Profile"];
export type Footnote = Schemas["Footnote"];
export type Graph = Schemas["Graph"];
export type ProfileSentence = Schemas["ProfileSentence"];
export type ActorKindDefinition = Schemas["ActorKindDefinition"];
export type ShortestPaths = Schemas["ShortestPaths"];
export type PathHop = Schemas["PathHop"];
export type Citation = Schemas["Citation"];
export type Source = Schemas["Source"];
export type RelationTypeDefinition = Schemas["RelationTypeDefinition"];

const client = createClient<paths>({ baseUrl: globalThis.location?.origin ?? "" });

/** A failed call, with the API's problem title when it gave one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function fail(response: Response, error: unknown): never {
  const title = typeof error === "object" && error !== null && "title" in error ? String(error.title) : response.statusText;
  throw new ApiError(title || `The API answered ${response.status}.`, response.status);
}

// The profile and the neighbourhood also answer other media types (Markdown, exports), which the document lists, so
// the client's type includes their text; the explorer asks for JSON and checks that it got it.
const acceptJson = { Accept: "application/json" } as const;

function json<T>(data: T | string, response: Response): T {
  if (typeof data === "string") {
    throw new ApiError(`The API answered ${response.headers.get("content-type") ?? "text"}, not JSON.`, response.status);
  }

  return data;
}

export async function searchActors(q: string, signal: AbortSignal): Promise<ActorHit[]> {
  const { data, error, response } = await client.GET("/api/v1/actors", { params: { query: { q, limit: 8 } }, signal });
  if (data === undefined) fail(response, error);
  return data.items;
}

export async function getActor(id: string): Promise<ActorDetails | null> {
  const { data, error, response } = await client.GET("/api/v1/actors/{id}", { params: { path: { id } } });
  if (response.status === 404) return null;
  if (data === undefined) fail(response, error);
  return data;
}

/** The profile; with asOf, only what held on that date (the API leaves relations without recorded dates out). */
export async function getProfile(id: string, asOf: string | null = null, signal?: AbortSignal): Promise<Profile | null> {
  const { data, error, response } = await client.GET("/api/v1/actors/{id}/profile", {
    params: { path: { id }, query: asOf === null ? {} : { asOf } },
    headers: acceptJson,
    signal,
  });
  if (response.status === 404) return null;
  if (data === undefined) fail(response, error);
  return json(data, response);
}

/**
 * The neighbourhood one hop out, as the graph view's filter asks: only its relation types (`type`), without its hidden
 * kinds (`excludeKind`), and with the states gathered into one node unless they are expanded (`group`): IOM's 170-odd
 * members would otherwise bury the rest. With asOf, only relations that held on that date, undated ones left out
 * (includeUndated stays false), as in the profile.
 */
export async function getNeighbourhood(id: string, asOf: string | null = null, filter: GraphFilter = noFilter, signal?: AbortSignal): Promise<Graph | null> {
  const { data, error, response } = await client.GET("/api/v1/actors/{id}/neighbourhood", {
    params: {
      path: { id },
      query: {
        depth: 1,
        ...(gatheredKinds(filter).length === 0 ? {} : { group: gatheredKinds(filter) }),
        ...(filter.types.length === 0 ? {} : { type: [...filter.types] }),
        ...(filter.hidden.length === 0 ? {} : { excludeKind: [...filter.hidden] }),
        ...(asOf === null ? {} : { asOf }),
      },
    },
    headers: acceptJson,
    signal,
  });
  if (response.status === 404) return null;
  if (data === undefined) fail(response, error);
  // Without `format` the answer is the { nodes, edges } graph; the document also lists the import bundle (format=json).
  const graph = json(data, response);
  if (!("nodes" in graph)) throw new ApiError("The API answered a bundle, not a graph.", response.status);
  return graph;
}

/**
 * When each of an actor's relations ended (null when it holds or its end is not recorded), by relation id: the profile's
 * sentences name their relations, and this is how the page sets the ended ones apart. Every page of the relations, 200 a page.
 */
export async function getRelationEnds(id: string, signal?: AbortSignal): Promise<Map<string, string | null>> {
  const ends = new Map<string, string | null>();
  let cursor: string | undefined;
  do {
    const { data, error, response } = await client.GET("/api/v1/actors/{id}/relations", {
      params: { path: { id }, query: { limit: 200, ...(cursor === undefined ? {} : { cursor }) } },
      signal,
    });
    if (data === undefined) fail(response, error);
    for (const relation of data.items) ends.set(relation.id, relation.end);
    cursor = data.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ends;
}

/**
 * The shortest paths from one actor to another (GET /api/v1/paths: the API's 25 paths, up to maxDepth hops, 4 when
 * absent, every relation recorded or, with asOf, those that held then); null when either actor is unknown.
 */
export async function getPaths(from: string, to: string, options: { maxDepth?: number; asOf?: string } = {}, signal?: AbortSignal): Promise<ShortestPaths | null> {
  const query = { from, to, ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }), ...(options.asOf === undefined ? {} : { asOf: options.asOf }) };
  const { data, error, response } = await client.GET("/api/v1/paths", { params: { query }, headers: acceptJson, signal });
  if (response.status === 404) return null;
  if (data === undefined) fail(response, error);
  // Without `format` the answer is the paths; the document also lists the import bundle (format=json).
  const answer = json(data, response);
  if (!("paths" in answer)) throw new ApiError("The API answered a bundle, not paths.", response.status);
  return answer;
}

const sourcesById = new Map<string, Promise<Source | null>>();

/** A source's title, author, year and link (one citing relation asked for, not all), fetched once per page. */
export function getSource(id: string): Promise<Source | null> {
  let found = sourcesById.get(id);
  if (found === undefined) {
    found = client.GET("/api/v1/sources/{id}", { params: { path: { id }, query: { limit: 1 } }, headers: acceptJson }).then(({ data, error, response }) => {
      if (response.status === 404) return null;
      if (data === undefined) fail(response, error);
      const details = json(data, response);
      if (!("source" in details)) throw new ApiError("The API answered citation data, not the source.", response.status);
      return details.source;
    });
    found.catch(() => sourcesById.delete(id));
    sourcesById.set(id, found);
  }

  return found;
}

/** A vocabulary's terms by name, fetched on first use and kept; a failed fetch is forgotten, so the next use tries again. */
function vocabulary<T extends { name: string }>(load: () => Promise<{ data?: T[]; error?: unknown; response: Response }>): () => Promise<Map<string, T>> {
  let terms: Promise<Map<string, T>> | undefined;
  return () => {
    terms ??= load().then(({ data, error, response }) => {
      if (data === undefined) fail(response, error);
      return new Map(data.map((t) => [t.name, t]));
    });
    terms.catch(() => (terms = undefined));
    return terms;
  };
}

/** The vocabulary's relation types (label, inverse label, description), fetched once. */
export const getRelationTypes = vocabulary<RelationTypeDefinition>(() => client.GET("/api/v1/relation-types"));

/** The vocabulary's kinds (label, plural, description), fetched once. */
export const getKinds = vocabulary<ActorKindDefinition>(() => client.GET("/api/v1/actor-kinds"));

/** A source and the first `limit` relations that cite it (200 is the API's most), or null when there is no such source. */
export async function getSourceDetails(id: string, limit = 200): Promise<Schemas["SourceDetails"] | null> {
  const { data, error, response } = await client.GET("/api/v1/sources/{id}", { params: { path: { id }, query: { limit } }, headers: acceptJson });
  if (response.status === 404) return null;
  if (data === undefined) fail(response, error);
  if (typeof data === "string" || !("source" in data)) throw new ApiError("The API answered citation data, not a source.", response.status);
  return data;
}
