import { randomUUID } from 'node:crypto';
import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { IsAdminRoute } from '../../src/admin/admin-route.decorator';
import { RequiredScopes } from '../../src/auth/scopes.decorator';
import { anAdmin, aUser, signIn, TestUser } from '../factories';
import { startTestApp, TestApp } from '../support/test-app';

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Route {
  method: HttpMethod;
  /** As the OpenAPI document writes it: /admin/users/{id}. */
  path: string;
}

interface NestRoute extends Route {
  isAdminRoute: boolean;
  requiresAdminScope: boolean;
}

const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];
const describeRoute = ({ method, path }: Route): string => `${method.toUpperCase()} ${path}`;

/** Every operation under /admin that the served OpenAPI document lists. */
async function adminRoutesFromOpenApi(server: TestApp): Promise<Route[]> {
  const document = (await server.http.get('/docs-json').expect(200)).body as {
    paths: Record<string, Partial<Record<HttpMethod, unknown>>>;
  };
  return Object.entries(document.paths)
    .filter(([path]) => path === '/admin' || path.startsWith('/admin/'))
    .flatMap(([path, operations]) =>
      HTTP_METHODS.filter((method) => operations[method]).map((method) => ({ method, path })),
    );
}

/** Every route Nest registered, with what its decorators say, in the OpenAPI path syntax. */
function routesFromNest(server: TestApp): NestRoute[] {
  const reflector = server.app.get(Reflector);
  const controllers = [...server.app.get(ModulesContainer).values()].flatMap((module) =>
    [...module.controllers.values()].map((wrapper) => wrapper.metatype as Type),
  );
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .map((name) => prototype[name])
      .filter((handler): handler is (...args: unknown[]) => unknown => {
        return typeof handler === 'function' && Reflect.hasMetadata(METHOD_METADATA, handler);
      })
      .map((handler) => {
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod].toLowerCase();
        const segments = [base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')]
          .flatMap((part) => part.split('/'))
          .filter((segment) => segment.length > 0)
          .map((segment) => segment.replace(/^:(.+)$/, '{$1}'));
        const targets = [handler, controller];
        return {
          method: method as HttpMethod,
          path: `/${segments.join('/')}`,
          isAdminRoute: reflector.getAllAndOverride(IsAdminRoute, targets) === true,
          requiresAdminScope: reflector.getAllAndMerge(RequiredScopes, targets).flat().includes('admin'),
        };
      });
  });
}

describe('every /admin route: @AdminRoute(), scope admin and a caller who is still an enabled admin', () => {
  let server: TestApp;
  let adminRoutes: Route[];
  let adminToken: string;

  const asAdmin = (path: string, body: Record<string, unknown>): Promise<unknown> =>
    server.http.patch(path).auth(adminToken, { type: 'bearer' }).send(body).expect(200);

  /** A user made admin by the harness admin, signed in with the admin scope while still one. */
  const aSignedInAdmin = async (): Promise<{ user: TestUser; token: string }> => {
    const user = await aUser(server);
    await asAdmin(`/admin/users/${user.id}`, { is_admin: true });
    return { user, token: await signIn(server, user, 'admin profile') };
  };

  // Path parameters are filled with a well-formed id: the refusal comes before any lookup.
  const call = (route: Route, token: string) =>
    server.http[route.method](route.path.replace(/\{[^}]+\}/g, randomUUID()))
      .auth(token, { type: 'bearer' })
      .send({});

  beforeAll(async () => {
    server = await startTestApp();
    adminToken = await signIn(server, await anAdmin(server), 'admin profile');
    adminRoutes = await adminRoutesFromOpenApi(server);
  });
  afterAll(() => server.close());

  it('finds the admin routes in the OpenAPI document, lock and key rotation among them', () => {
    const listed = adminRoutes.map(describeRoute);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /admin/users',
        'GET /admin/users/{id}/lock',
        'POST /admin/users/{id}/unlock',
        'POST /admin/keys/rotate',
      ]),
    );
  });

  it('puts @AdminRoute() on every /admin route, and on no other route', () => {
    const nestRoutes = routesFromNest(server);
    const decorated = nestRoutes.filter((route) => route.isAdminRoute).map(describeRoute);
    expect(decorated.sort()).toEqual(adminRoutes.map(describeRoute).sort());
    // The admin scope alone lacks the live check: no route may ask for it without @AdminRoute().
    const adminScopeOnly = nestRoutes.filter((route) => route.requiresAdminScope && !route.isAdminRoute);
    expect(adminScopeOnly.map(describeRoute)).toEqual([]);
  });

  it('refuses an admin who has been demoted since signing in: 403 insufficient_scope on every route', async () => {
    const { user, token } = await aSignedInAdmin();
    await asAdmin(`/admin/users/${user.id}`, { is_admin: false });
    for (const route of adminRoutes) {
      const response = await call(route, token);
      expect({ route: describeRoute(route), status: response.status }).toEqual({
        route: describeRoute(route),
        status: 403,
      });
      expect(response.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
      expect(response.body).toEqual({ statusCode: 403, error: 'Forbidden', message: expect.any(String) });
    }
  });

  it('refuses an admin who has been disabled since signing in: 403 insufficient_scope on every route', async () => {
    const { user, token } = await aSignedInAdmin();
    await asAdmin(`/admin/users/${user.id}`, { disabled: true });
    for (const route of adminRoutes) {
      const response = await call(route, token);
      expect({ route: describeRoute(route), status: response.status }).toEqual({
        route: describeRoute(route),
        status: 403,
      });
      expect(response.headers['www-authenticate']).toMatch(/error="insufficient_scope"/);
    }
  });

  it('lets a current admin through the same checks (the 403s above come from the admin rule)', async () => {
    const { token } = await aSignedInAdmin();
    for (const route of adminRoutes) {
      const response = await call(route, token);
      expect({ route: describeRoute(route), refused: [401, 403].includes(response.status) }).toEqual({
        route: describeRoute(route),
        refused: false,
      });
    }
  });

  it('records the caller ip on key rotation and on unlocking a user', async () => {
    const { user: admin, token } = await aSignedInAdmin();
    const target = await aUser(server);
    const rotated = await server.http.post('/admin/keys/rotate').auth(token, { type: 'bearer' }).expect(200);
    await server.http.post(`/admin/users/${target.id}/unlock`).auth(token, { type: 'bearer' }).expect(200);
    const rows = await server.dataSource.query<{ type: string; subject: string; ip: string | null }[]>(
      'SELECT type, subject, ip FROM audit_events WHERE actor_user_id = ? AND type IN (?, ?) ORDER BY type',
      [admin.id, 'admin.user_unlocked', 'key.rotated'],
    );
    expect(rows).toEqual([
      { type: 'admin.user_unlocked', subject: target.id, ip: '127.0.0.1' },
      { type: 'key.rotated', subject: (rotated.body as { kid: string }).kid, ip: '127.0.0.1' },
    ]);
  });
});
