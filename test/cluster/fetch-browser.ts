import { hiddenFields } from '../support/interaction/browser';

/**
 * A browser without JavaScript over fetch, free to talk to any instance: one cookie jar for all of
 * them (they share the issuer's origin behind the balancer), redirects returned rather than followed.
 */
export class FetchBrowser {
  private readonly cookies = new Map<string, string>();

  async get(url: string): Promise<{ status: number; text: string; location: string | null }> {
    return this.answer(await fetch(url, { headers: { cookie: this.cookieHeader() }, redirect: 'manual' }));
  }

  /** Posts the page's form to `url` with its hidden fields plus `fields`. */
  async submit(page: { text: string }, url: string, fields: Record<string, string>) {
    const form = new URLSearchParams({ ...hiddenFields(page.text), ...fields });
    return this.answer(
      await fetch(url, {
        method: 'POST',
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        redirect: 'manual',
      }),
    );
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private async answer(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';', 1);
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: response.status, text: await response.text(), location: response.headers.get('location') };
  }
}
