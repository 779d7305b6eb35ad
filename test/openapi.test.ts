import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Router } from '../services/gateway/http.ts';
import { docsPage, openApiDocument, OPERATIONS } from '../services/gateway/openapi.ts';
import { routes, type ApiDeps } from '../services/gateway/api.ts';

// The API document lists exactly the routes the gateway serves, with the request schema it validates.

test('every served route is documented and every documented route is served', () => {
  const router = routes(new Router(), {} as ApiDeps);
  for (const op of OPERATIONS) {
    const path = op.path.replace('{id}', '00000000-0000-4000-8000-000000000000');
    const m = router.match(op.method.toUpperCase(), path);
    assert.ok(!('code' in m), `${op.method} ${op.path} is not served`);
  }
  const doc = openApiDocument('http://x') as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>> };
  const body = doc.paths['/v1/sessions'].post.requestBody?.content['application/json'].schema;
  assert.ok(body && 'candidate' in body.properties && 'problem' in body.properties);
  assert.match(docsPage(), /\/v1\/sessions\/\{id\}\/report\.html/);
  assert.doesNotMatch(docsPage(), /(src|href)="https?:/, 'the docs page loads nothing from outside');
});
