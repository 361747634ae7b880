// Introspects a running endpoint as graphql-js 16 clients do, with every option of getIntrospectionQuery on, rebuilds
// the schema from the answer and compares it with a schema file:
//
//   node introspection.mjs http://127.0.0.1:5000/graphql ../../schema/schema.graphql
//
// Both schemas are sorted (lexicographicSortSchema) and printed before they are compared, so that the order in which
// the file and the server list types and fields does not matter. Exits 1 when the introspection is refused or the
// schemas differ (printing the lines that differ), 2 on bad usage.
import { readFile } from 'node:fs/promises';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';

const [url, schemaFile] = process.argv.slice(2);
if (!url || !schemaFile) {
  console.error('usage: node introspection.mjs <graphql endpoint URL> <schema file>');
  process.exit(2);
}

const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
  body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
});
const body = await response.json();
if (response.status !== 200 || body.errors?.length || !body.data) {
  console.log(`The introspection query was refused: ${response.status} ${JSON.stringify(body.errors ?? body)}`);
  process.exit(1);
}

const print = (schema) => printSchema(lexicographicSortSchema(schema));
const served = print(buildClientSchema(body.data));
const file = print(buildSchema(await readFile(schemaFile, 'utf8')));
if (served === file) {
  console.log(`The introspected schema equals ${schemaFile} (${served.split('\n').length} lines).`);
  process.exit(0);
}

const servedLines = new Set(served.split('\n'));
const fileLines = new Set(file.split('\n'));
console.log(`The introspected schema differs from ${schemaFile}:`);
for (const line of served.split('\n').filter((l) => !fileLines.has(l)).slice(0, 40)) console.log(`+ ${line}`);
for (const line of file.split('\n').filter((l) => !servedLines.has(l)).slice(0, 40)) console.log(`- ${line}`);
process.exit(1);
