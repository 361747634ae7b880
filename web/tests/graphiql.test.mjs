import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { baseUrl, openBrowser } from './harness.mjs';

let browser;
before(async () => {
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
});

// GraphiQL fetches the schema with its own introspection query when it opens; the docs explorer shows
// "Error fetching schema" when the API refuses it (it did, as too complex).
test('GraphiQL loads the schema and shows it in the docs explorer', async () => {
  const { page, screenshot } = browser;
  const introspection = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('__schema'),
  );
  await page.goto(`${baseUrl}/graphiql`);
  const answer = await introspection;
  const body = await answer.json();
  assert.equal(body.errors, undefined, `the introspection query was refused: ${JSON.stringify(body.errors)}`);

  await page.getByRole('button', { name: /documentation explorer/i }).click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Root Types').waitFor();
  await docs.getByRole('link', { name: 'Query', exact: true }).click();
  // A field of the Query type, with its description from the schema.
  await docs.getByText('dataAsOf', { exact: true }).waitFor();
  await screenshot('graphiql-docs');
  assert.equal(await page.getByText('Error fetching schema').count(), 0);
});
