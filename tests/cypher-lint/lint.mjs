#!/usr/bin/env node
// Lints Cypher statements with @neo4j-cypher/language-support (lintCypherQuery).
//
// Usage:
//   node tests/cypher-lint/lint.mjs [input.json]     (reads stdin when no path is given)
//
// Input:
//   {
//     "schema": {
//       "labels": ["Actor", ...],              // optional; label/rel-type warnings need BOTH labels and relationshipTypes
//       "relationshipTypes": ["ACTED_IN", ...],// optional
//       "propertyKeys": ["id", "name", ...],   // optional; enables "property not present" warnings
//       "parameters": ["id", ...],             // optional; names (or an object name -> sample value).
//                                              // A $param not listed here is reported as an ERROR.
//       "defaultLanguage": "CYPHER 5"          // optional; "CYPHER 5" (default) or "CYPHER 25"
//     },
//     "statements": [ { "name": "Foo", "cypher": "MATCH ...", "parameters": ["id"] }, ... ]
//                                             // "parameters" (optional) replaces schema.parameters for that
//                                             // statement, so that each is checked against its own names.
//   }
//
// Output (stdout):
//   { "results": [ { "name": "Foo", "errors": [
//       { "message": "...", "severity": "error" | "warning" | "information" | "hint",
//         "line": 1, "col": 1, "endLine": 1, "endCol": 5,   // 1-based
//         "offset": 0, "endOffset": 4, "deprecated": false } ] } ] }
//   "errors" holds every diagnostic (errors AND warnings); filter on severity.
//
// Exit code: 0 whenever linting ran (the caller decides what fails);
//            2 on bad input (unreadable file, invalid JSON, wrong shape).
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const DEPRECATED_TAG = 2; // vscode-languageserver-types DiagnosticTag.Deprecated

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

function readInput() {
  const path = process.argv[2];
  try {
    return path && path !== '-' ? readFileSync(path, 'utf8') : readFileSync(0, 'utf8');
  } catch (e) {
    fail(`cannot read ${path ?? 'stdin'}: ${e.message}`);
  }
}

function isStringArray(v) {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function buildDbSchema(schema) {
  if (schema === undefined || schema === null) return {};
  if (typeof schema !== 'object' || Array.isArray(schema)) fail('"schema" must be an object');
  const db = {};
  for (const key of ['labels', 'relationshipTypes', 'propertyKeys']) {
    if (schema[key] === undefined) continue;
    if (!isStringArray(schema[key])) fail(`"schema.${key}" must be an array of strings`);
    db[key] = schema[key];
  }
  // The linter reports $p as undefined when dbSchema.parameters[p] === undefined,
  // so every declared name gets a non-undefined placeholder value.
  const params = schema.parameters;
  if (params !== undefined) {
    if (isStringArray(params)) {
      db.parameters = Object.fromEntries(params.map((p) => [p, null]));
    } else if (params && typeof params === 'object' && !Array.isArray(params)) {
      db.parameters = Object.fromEntries(
        Object.entries(params).map(([k, v]) => [k, v === undefined ? null : v]),
      );
    } else {
      fail('"schema.parameters" must be an array of names or an object');
    }
  } else {
    db.parameters = {};
  }
  if (schema.defaultLanguage !== undefined) {
    if (typeof schema.defaultLanguage !== 'string') fail('"schema.defaultLanguage" must be a string');
    db.defaultLanguage = schema.defaultLanguage;
  }
  return db;
}

function toError(d) {
  return {
    message: d.message,
    severity: SEVERITY[d.severity] ?? 'error',
    line: d.range.start.line + 1,
    col: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endCol: d.range.end.character + 1,
    offset: d.offsets?.start ?? null,
    endOffset: d.offsets?.end ?? null,
    deprecated: Array.isArray(d.tags) && d.tags.includes(DEPRECATED_TAG),
  };
}

let input;
try {
  input = JSON.parse(readInput());
} catch (e) {
  fail(`invalid JSON: ${e.message}`);
}
if (!input || typeof input !== 'object' || Array.isArray(input)) fail('input must be a JSON object');
if (!Array.isArray(input.statements)) fail('"statements" must be an array');
input.statements.forEach((s, i) => {
  if (!s || typeof s !== 'object') fail(`statements[${i}] must be an object`);
  if (typeof s.cypher !== 'string') fail(`statements[${i}].cypher must be a string`);
  if (s.name !== undefined && typeof s.name !== 'string') fail(`statements[${i}].name must be a string`);
  if (s.parameters !== undefined && !isStringArray(s.parameters)) fail(`statements[${i}].parameters must be an array of names`);
});

const dbSchema = buildDbSchema(input.schema);
const results = input.statements.map((s, i) => {
  const schema = s.parameters === undefined
    ? dbSchema
    : { ...dbSchema, parameters: Object.fromEntries(s.parameters.map((p) => [p, null])) };
  const { diagnostics } = lintCypherQuery(s.cypher, schema, { consoleCommandsEnabled: false });
  return { name: s.name ?? `#${i}`, errors: diagnostics.map(toError) };
});

process.stdout.write(JSON.stringify({ results }, null, 2) + '\n');
