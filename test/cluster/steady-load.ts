/** A user of the load and the confidential client its client-credentials requests use. */
export interface LoadAccounts {
  user: { email: string; password: string };
  client: { id: string; secret: string };
}

/** One request that did not get the answer it should have. */
export interface FailedRequest {
  operation: Operation;
  startedAt: number;
  endedAt: number;
  /** The HTTP status, or undefined when no response came (connection reset, timeout). */
  status?: number;
  detail: string;
}

export interface LoadReport {
  answered: number;
  /** When each answered request got its answer (ms since epoch). */
  answeredAt: number[];
  failed: FailedRequest[];
  /** Statuses of the failed requests, for the test output. */
  summary: string;
}

type Operation = 'password' | 'refresh' | 'client_credentials' | 'guarded_read';
const ROUND: readonly Operation[] = ['password', 'refresh', 'client_credentials', 'guarded_read'];
/** Between two requests of a loop: a steady load that leaves the machine room to restart instances. */
const PAUSE_MS = 100;
/** A request still unanswered after this long counts as failed (far above any answer under this load). */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * Steady mixed traffic through the balancer: `workers` loops, each one request at a time (and a short
 * pause), cycling
 * through a password grant, a refresh of the token it got, a client-credentials grant and a guarded
 * read (/users/me). Every request's start and end are kept, so a test can tell the requests that
 * were in flight at a fault from those sent after it.
 */
export class SteadyLoad {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly answeredAt: number[] = [];
  private readonly failed: FailedRequest[] = [];

  constructor(
    private readonly url: string,
    private readonly accounts: LoadAccounts,
    private readonly workers = 4,
  ) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.workers }, () => this.loop());
  }

  async stop(): Promise<LoadReport> {
    this.running = false;
    await Promise.all(this.loops);
    const counts = new Map<string, number>();
    for (const failure of this.failed) {
      const key = `${failure.operation} ${failure.status ?? failure.detail}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const summary = [...counts].map(([key, count]) => `${count} x ${key}`).join(', ') || 'none';
    return { answered: this.answeredAt.length, answeredAt: [...this.answeredAt], failed: [...this.failed], summary };
  }

  private async loop(): Promise<void> {
    // Each loop keeps its own token chain: a refresh that failed in flight may or may not have been
    // used, so the loop then starts over with a password grant instead of guessing.
    let tokens: { access: string; refresh: string } | undefined;
    for (let step = 0; this.running; step++) {
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      const operation = tokens ? ROUND[step % ROUND.length] : 'password';
      const startedAt = Date.now();
      try {
        const response = await this.send(operation, tokens);
        const body = (await response.json().catch(() => ({}))) as Record<string, string>;
        if (response.status === 200) {
          this.answeredAt.push(Date.now());
          if (operation === 'password' || operation === 'refresh') {
            tokens = { access: body.access_token, refresh: body.refresh_token };
          }
          continue;
        }
        this.failed.push({
          operation,
          startedAt,
          endedAt: Date.now(),
          status: response.status,
          detail: body.error ?? '',
        });
      } catch (error) {
        this.failed.push({ operation, startedAt, endedAt: Date.now(), detail: describe(error) });
      }
      tokens = undefined;
    }
  }

  private send(operation: Operation, tokens?: { access: string; refresh: string }): Promise<Response> {
    const { user, client } = this.accounts;
    switch (operation) {
      case 'password':
        return this.token({
          grant_type: 'password',
          client_id: 'portal',
          username: user.email,
          password: user.password,
        });
      case 'refresh':
        return this.token({ grant_type: 'refresh_token', client_id: 'portal', refresh_token: tokens!.refresh });
      case 'client_credentials':
        return this.token({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret });
      case 'guarded_read':
        return fetch(`${this.url}/users/me`, {
          headers: { authorization: `Bearer ${tokens!.access}` },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
    }
  }

  private token(body: Record<string, string>): Promise<Response> {
    return fetch(`${this.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }
}

/** fetch's TypeError says only "fetch failed"; its cause says how (e.g. UND_ERR_SOCKET other side closed). */
function describe(error: unknown): string {
  // Not `instanceof Error`: fetch's errors come from another realm under Jest.
  const { name, cause } = error as { name?: string; cause?: { code?: string; message?: string } };
  return cause ? `${cause.code ?? ''} ${cause.message ?? ''}`.trim() : String(name ?? error);
}
