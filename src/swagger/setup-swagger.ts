import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import type { Scope } from '../scopes/scope.entity';
import { ScopesRepository } from '../scopes/scopes.repository';
import { CLIENT_BASIC_SECURITY_SCHEME, OAUTH2_SECURITY_SCHEME } from './security-schemes';

// src/swagger and dist/swagger both sit two levels below package.json.
const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };

export const API_TITLE = 'OAuth 2.0 Authorization Server';
/** Relative, so Swagger UI posts to the server it was loaded from, whatever the public issuer URL. */
export const TOKEN_PATH = '/oauth/token';
export const AUTHORIZATION_PATH = '/oauth/authorize';

/**
 * The scopes a new token gets when Swagger UI signs in: the seeded defaults a user without admin
 * rights may hold (asking for `admin` as a non-admin is invalid_scope, never a silent downgrade).
 */
export const SWAGGER_PRESELECTED_SCOPES = [
  'profile',
  'clients:read',
  'clients:write',
  'contacts.read',
  'contacts.write',
];

type ScopeDescriptions = Record<string, string>;

/**
 * Swagger UI at /docs and the OpenAPI document at /docs-json, with the OAuth2 password flow and the
 * authorization-code flow with PKCE (RFC 7636; the portal client registers /docs/oauth2-redirect.html)
 * wired to the portal client. Scopes are data an admin can change, so the document lists the scopes of the
 * database at the time it is requested.
 *
 * The document is built on the first request for it, not at start-up: scanning every route allocates
 * megabytes that a server nobody reads the docs of would keep resident (the routes do not change after
 * start-up, so the document is the same; SwaggerModule builds it once and keeps it).
 */
export function setupSwagger(app: INestApplication, config: AppConfig): void {
  const buildDocument = (): OpenAPIObject => SwaggerModule.createDocument(app, buildDocumentConfig(config));
  SwaggerModule.setup('docs', app, buildDocument, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: API_TITLE,
    patchDocumentOnRequest: async (_request, _response, built) => withScopes(built, await currentScopes(app)),
    swaggerOptions: {
      persistAuthorization: true,
      displayRequestDuration: true,
      // The callback the portal client registers (src/bootstrap/bootstrap.service.ts); Swagger UI's own
      // default drops the /docs prefix.
      oauth2RedirectUrl: `${config.issuer}/docs/oauth2-redirect.html`,
      initOAuth: {
        clientId: config.portalClientId,
        scopes: SWAGGER_PRESELECTED_SCOPES,
        appName: API_TITLE,
        // The authorization endpoint refuses a code request without an S256 challenge.
        usePkceWithAuthorizationCodeGrant: true,
      },
    },
  });
}

function buildDocumentConfig(config: AppConfig): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle(API_TITLE)
    .setVersion(version)
    .setDescription(
      'Password, refresh-token and client-credentials grants with JWT access tokens (RFC 6749, 9068), ' +
        'a developer portal to register apps, and an admin portal.\n\n' +
        '**Try it:** sign up with `POST /users`, then press **Authorize**, and either sign in on the ' +
        "server's own page with the authorization-code flow (PKCE), or type your email and password in " +
        `the password flow (client_id \`${config.portalClientId}\` is preselected; it is a public client, so ` +
        'leave the secret empty), and call the protected routes. Each route lists the scopes it needs.',
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description:
          'Access tokens from the token endpoint: the authorization-code grant with PKCE (RFC 6749 §4.1, ' +
          'RFC 7636) through the sign-in page, or the password grant (RFC 6749 §4.3)',
        flows: {
          authorizationCode: {
            authorizationUrl: AUTHORIZATION_PATH,
            tokenUrl: TOKEN_PATH,
            refreshUrl: TOKEN_PATH,
            scopes: {},
          },
          password: { tokenUrl: TOKEN_PATH, refreshUrl: TOKEN_PATH, scopes: {} },
        },
      },
      OAUTH2_SECURITY_SCHEME,
    )
    .addBasicAuth(
      {
        type: 'http',
        scheme: 'basic',
        description: 'Client authentication at the OAuth endpoints: client_id and client_secret (RFC 6749 §2.3.1)',
      },
      CLIENT_BASIC_SECURITY_SCHEME,
    )
    .build();
}

async function currentScopes(app: INestApplication): Promise<ScopeDescriptions> {
  try {
    const scopes = await app.get(ScopesRepository, { strict: false }).findAll();
    // Sorted here, not by the database, whose collations differ: the document is the same on every dialect.
    scopes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return Object.fromEntries(scopes.map((scope) => [scope.name, describeScope(scope)]));
  } catch {
    // The docs stay up when the database is not: the document is served without its scope list.
    return {};
  }
}

function describeScope(scope: Scope): string {
  return scope.adminOnly ? `${scope.description} (admins only)` : scope.description;
}

/** The document with both flows' scope lists replaced; the built document is never mutated. */
function withScopes(document: OpenAPIObject, scopes: ScopeDescriptions): OpenAPIObject {
  const schemes = document.components?.securitySchemes ?? {};
  const oauth2 = schemes[OAUTH2_SECURITY_SCHEME];
  const flows = oauth2 && 'flows' in oauth2 ? oauth2.flows : undefined;
  if (!flows?.password || !flows.authorizationCode) return document;
  return {
    ...document,
    components: {
      ...document.components,
      securitySchemes: {
        ...schemes,
        [OAUTH2_SECURITY_SCHEME]: {
          ...oauth2,
          flows: {
            ...flows,
            authorizationCode: { ...flows.authorizationCode, scopes },
            password: { ...flows.password, scopes },
          },
        },
      },
    },
  };
}
