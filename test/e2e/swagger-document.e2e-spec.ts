import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject, OperationObject, SecuritySchemeObject } from '@nestjs/swagger';
import { OAUTH2_SECURITY_SCHEME } from '../../src/swagger/security-schemes';
import { startTestApp, type TestApp } from '../support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
/**
 * Success without a body by design: RFC 7009 §2.2 answers a revocation with an empty 200, and the
 * account mail routes' 202 ("a mail may follow") says all there is to say.
 */
const EMPTY_SUCCESS = new Set([
  'POST /oauth/revoke',
  'POST /users/password-reset',
  'POST /users/me/email-verification',
]);

interface Operation {
  method: string;
  path: string;
  operation: OperationObject;
}

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ method, path, operation: item[method] }] : [])),
  );
}

describe('the OpenAPI document and Swagger UI', () => {
  let server: TestApp;
  let document: OpenAPIObject;

  beforeAll(async () => {
    server = await startTestApp();
    document = (await server.http.get('/docs-json').expect(200)).body as OpenAPIObject;
  });

  afterAll(() => server.close());

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('describes the password flow against the token endpoint, listing every scope of the database', async () => {
    const scheme = document.components?.securitySchemes?.[OAUTH2_SECURITY_SCHEME] as SecuritySchemeObject;
    expect(scheme.type).toBe('oauth2');
    expect(scheme.flows?.password?.tokenUrl).toBe('/oauth/token');

    const rows = await server.dataSource.query<{ name: string; description: string }[]>(
      'SELECT name, description FROM scopes',
    );
    const listed = scheme.flows?.password?.scopes ?? {};
    expect(Object.keys(listed).sort()).toEqual(rows.map((row) => row.name).sort());
    expect(Object.keys(listed)).toEqual(
      expect.arrayContaining(['profile', 'clients:read', 'clients:write', 'admin', 'contacts.read', 'contacts.write']),
    );
    expect(listed['contacts.read']).toBe('Read your contacts');
    expect(listed.admin).toMatch(/admins only/);
  });

  it('describes the authorization-code flow beside it, with the same scopes', () => {
    const scheme = document.components?.securitySchemes?.[OAUTH2_SECURITY_SCHEME] as SecuritySchemeObject;
    const code = scheme.flows?.authorizationCode;
    expect(code).toMatchObject({ authorizationUrl: '/oauth/authorize', tokenUrl: '/oauth/token' });
    expect(code?.scopes).toEqual(scheme.flows?.password?.scopes);
  });

  it('lists a scope an admin adds, without a restart', async () => {
    await server.dataSource.query(
      "INSERT INTO scopes (name, description, is_default, admin_only) VALUES ('notes.read', 'Read your notes', 0, 0)",
    );
    const fresh = (await server.http.get('/docs-json').expect(200)).body as OpenAPIObject;
    const scheme = fresh.components?.securitySchemes?.[OAUTH2_SECURITY_SCHEME] as SecuritySchemeObject;
    expect(scheme.flows?.password?.scopes['notes.read']).toBe('Read your notes');
  });

  it('preselects the portal client and the default scopes, and persists the authorization', async () => {
    const init = (await server.http.get('/docs/swagger-ui-init.js').expect(200)).text;
    expect(init).toMatch(/"persistAuthorization": true/);
    expect(init).toMatch(/"initOAuth": \{\s*"clientId": "portal"/);
    expect(init).toMatch(/"usePkceWithAuthorizationCodeGrant": true/);
    expect(init).toContain('"contacts.write"');
    expect((await server.http.get('/docs').expect(200)).text).toContain('swagger-ui');
  });

  it('documents the scopes, the bearer errors and the responses of every protected route', () => {
    const protectedOperations = operationsOf(document).filter(({ operation }) =>
      operation.security?.some((requirement) => OAUTH2_SECURITY_SCHEME in requirement),
    );
    expect(protectedOperations.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining(['get /api/contacts', 'post /api/contacts', 'delete /api/contacts/{id}']),
    );
    for (const { method, path, operation } of protectedOperations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, Object.keys(operation.responses)]).toEqual([where, expect.arrayContaining(['401', '403'])]);
    }
  });

  it('gives every operation a summary and a documented success response', () => {
    for (const { method, path, operation } of operationsOf(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, operation.summary]).toEqual([where, expect.any(String)]);
      const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect([where, success.length > 0]).toEqual([where, true]);
      for (const [status, response] of success) {
        if (status === '204' || EMPTY_SUCCESS.has(where)) continue;
        expect([where, status, response !== undefined && 'content' in response]).toEqual([where, status, true]);
      }
    }
  });

  it('documents the contacts routes with their schemas, examples and scopes', () => {
    const list = document.paths['/api/contacts']?.get;
    expect(list?.security).toEqual([{ [OAUTH2_SECURITY_SCHEME]: ['contacts.read'] }]);
    expect(document.paths['/api/contacts']?.post?.security).toEqual([{ [OAUTH2_SECURITY_SCHEME]: ['contacts.write'] }]);
    const schemas = document.components?.schemas ?? {};
    expect(schemas.CreateContactDto).toMatchObject({
      required: ['name'],
      properties: { name: { maxLength: 200, example: 'Ada Lovelace' } },
    });
    expect(schemas.ContactResponseDto).toBeDefined();
    expect(list?.responses['200']).toMatchObject({
      content: { 'application/json': { schema: { properties: { items: { type: 'array' } } } } },
    });
    expect(document.paths['/api/contacts/{id}']?.get?.responses['404']).toBeDefined();
  });
});
