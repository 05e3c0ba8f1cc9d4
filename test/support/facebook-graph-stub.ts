import Fastify, { type FastifyInstance } from 'fastify';

/** What the stub knows about one user access token. */
export interface StubToken {
  appId: string;
  userId: string;
  isValid?: boolean;
  /** Seconds since the epoch; default an hour from now. */
  expiresAt?: number;
  email?: string;
  name?: string;
}

export interface FacebookGraphStub {
  /** The base URL to put in an identity provider's `graph_api_url`. */
  url: string;
  tokens: Map<string, StubToken>;
  /** The `access_token` values debug_token was called with (the app token `app_id|app_secret`). */
  appTokensSeen: string[];
  /** Seconds every answer waits (a slow provider); 0 by default. */
  delaySeconds: number;
  close(): Promise<void>;
}

/**
 * A local stand-in for Facebook's Graph API, with its documented answers:
 * `GET /debug_token?input_token=&access_token=app_id|app_secret` (graph-api/reference/debug_token) and
 * `GET /me?fields=id,email,name&access_token=` (graph-api/reference/user), errors as `{error:{...}}`.
 */
export async function startFacebookGraphStub(): Promise<FacebookGraphStub> {
  // Our server keeps its connections to the Graph API alive: closing the stub must not wait for them.
  const app: FastifyInstance = Fastify({ forceCloseConnections: true });
  const stub = { tokens: new Map<string, StubToken>(), appTokensSeen: [] as string[], delaySeconds: 0 };
  const wait = () => new Promise((resolve) => setTimeout(resolve, stub.delaySeconds * 1000));
  const oauthError = (message: string) => ({
    error: { message, type: 'OAuthException', code: 190, fbtrace_id: 'stub' },
  });

  app.get<{ Querystring: { input_token?: string; access_token?: string } }>('/debug_token', async (request, reply) => {
    await wait();
    const { input_token: input, access_token: appToken } = request.query;
    if (!appToken) return reply.code(400).send(oauthError('An access token is required to request this resource.'));
    stub.appTokensSeen.push(appToken);
    const token = input ? stub.tokens.get(input) : undefined;
    if (!token) {
      return { data: { is_valid: false, error: { code: 190, message: 'Invalid OAuth access token.' }, scopes: [] } };
    }
    return {
      data: {
        app_id: token.appId,
        type: 'USER',
        application: 'Stub App',
        data_access_expires_at: Math.floor(Date.now() / 1000) + 7_776_000,
        expires_at: token.expiresAt ?? Math.floor(Date.now() / 1000) + 3600,
        is_valid: token.isValid ?? true,
        scopes: ['email', 'public_profile'],
        user_id: token.userId,
      },
    };
  });

  app.get<{ Querystring: { access_token?: string; fields?: string } }>('/me', async (request, reply) => {
    await wait();
    const token = request.query.access_token ? stub.tokens.get(request.query.access_token) : undefined;
    if (!token || token.isValid === false) return reply.code(400).send(oauthError('Invalid OAuth access token.'));
    return {
      id: token.userId,
      ...(token.email ? { email: token.email } : {}),
      ...(token.name ? { name: token.name } : {}),
    };
  });

  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return Object.assign(stub, { url, close: () => app.close() });
}
