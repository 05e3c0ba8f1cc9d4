import { createHash, randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import type { TestApp } from '../test-app';

/** A PKCE pair (RFC 7636 §4.1, §4.2). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The value of a hidden input of a rendered page. */
export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no hidden field ${name} in:\n${html}`);
  return match[1].replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
}

/** Every hidden input of a rendered page, by name. */
export function hiddenFields(html: string): Record<string, string> {
  const names = [...html.matchAll(/<input type="hidden" name="([^"]+)"/g)].map((match) => match[1]);
  return Object.fromEntries(names.map((name) => [name, hiddenField(html, name)]));
}

/**
 * A browser without JavaScript: keeps its cookies (Secure ones too: the test server speaks plain
 * HTTP behind an https ISSUER) and posts the pages' forms.
 */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly server: TestApp) {}

  async get(path: string): Promise<Response> {
    return this.remember(await this.server.http.get(path).set('Cookie', this.cookieHeader()));
  }

  /** Posts the page's form to `action` with its hidden fields plus `fields`. */
  async submit(page: Response, action: string, fields: Record<string, string>): Promise<Response> {
    const form = { ...hiddenFields(page.text), ...fields };
    return this.remember(
      await this.server.http.post(action).set('Cookie', this.cookieHeader()).type('form').send(form),
    );
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private remember(response: Response): Response {
    for (const cookie of [response.headers['set-cookie'] ?? []].flat<string | string[]>()) {
      const [pair] = cookie.split(';', 1);
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
