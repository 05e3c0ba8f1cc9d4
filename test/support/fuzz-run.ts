import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import type { FuzzCase } from './fuzz-arbitraries';
import { contractViolation, RawResponse, send } from './fuzz-http';

/** Fixed by default so CI is reproducible; FUZZ_SEED replays (or varies) a run. fast-check prints it on failure. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? '20261123');

export const FUZZ_ENV = {
  // Throttling and lockouts would answer 429/invalid_grant and hide how the endpoints treat the input.
  RATE_LIMIT_ENABLED: 'false',
  // Quotas would answer 409 once a run has created enough rows.
  QUOTA_APPS_PER_USER: '100000',
  QUOTA_APPS_PER_ORG: '100000',
  QUOTA_CONTACTS_PER_USER: '100000',
  BRUTE_FORCE_FREE_ATTEMPTS: '1000',
  BRUTE_FORCE_LOCK_AFTER: '1000',
  BRUTE_FORCE_IP_LOCK_AFTER: '1000000',
  BRUTE_FORCE_BASE_DELAY_MS: '0',
};

export interface FuzzTally {
  cases: number;
  byStatus: Record<number, number>;
}

const describeCase = (fuzzCase: FuzzCase): string => {
  const { request } = fuzzCase;
  const body = request.body ? request.body.subarray(0, 300).toString('latin1') : '(none)';
  const headers = JSON.stringify(request.headers).slice(0, 300);
  return `${request.method} ${request.path.slice(0, 200)} [${fuzzCase.template}] headers ${headers} body ${body}`;
};

// A validation message may quote the request's own field names back to its sender; anything else is a leak.
function leakedSecret(fuzzCase: FuzzCase, response: RawResponse, secrets: string[]): boolean {
  const { headers, body, path } = fuzzCase.request;
  const sent = `${path} ${JSON.stringify(headers)} ${body?.toString('latin1') ?? ''} ${body?.toString('utf8') ?? ''}`;
  return secrets.some((secret) => response.text.includes(secret) && !sent.includes(secret));
}

/**
 * Runs the generated cases one by one against the server: each answer must keep the contract (and be the
 * documented success for an unchanged valid request), and must never show a secret the request did not carry.
 */
export async function fuzzRoute(options: {
  baseUrl: string;
  cases: fc.Arbitrary<FuzzCase>;
  runs: number;
  successStatuses: number[];
  secrets: string[];
  /** Called with every response, to count what it created. */
  observe?: (fuzzCase: FuzzCase, response: RawResponse) => void;
}): Promise<FuzzTally> {
  const tally: FuzzTally = { cases: 0, byStatus: {} };
  let previous: FuzzCase | undefined;
  await fc.assert(
    fc.asyncProperty(options.cases, async (fuzzCase) => {
      let response: RawResponse;
      try {
        response = await send(options.baseUrl, fuzzCase.request);
      } catch (error) {
        // A dropped connection can be the previous request's doing (a body the server did not drain).
        throw new Error(`${String(error)}; the request before: ${previous ? describeCase(previous) : '(none)'}`);
      } finally {
        previous = fuzzCase;
      }
      tally.cases++;
      tally.byStatus[response.status] = (tally.byStatus[response.status] ?? 0) + 1;
      options.observe?.(fuzzCase, response);
      const violation =
        contractViolation(fuzzCase.request, response, options.successStatuses) ??
        (leakedSecret(fuzzCase, response, options.secrets) ? 'a secret the request did not carry' : undefined) ??
        (fuzzCase.pristine && !options.successStatuses.includes(response.status)
          ? `a valid request answered ${response.status}`
          : undefined);
      if (violation) {
        throw new Error(`${violation}: ${describeCase(fuzzCase)} -> ${response.status} ${response.text.slice(0, 500)}`);
      }
    }),
    { numRuns: options.runs, seed: FUZZ_SEED },
  );
  if (process.env.FUZZ_REPORT) console.log(JSON.stringify(tally));
  return tally;
}

/** Row counts of the tables a request could add to. */
export async function countRows(dataSource: DataSource, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await dataSource.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}
