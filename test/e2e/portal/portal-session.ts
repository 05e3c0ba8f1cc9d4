import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  DESKTOP,
  freePort,
  screenshots,
  seriousAccessibilityViolations,
} from './portal-browser';

export interface PortalSession {
  server: TestApp;
  page: Page;
  /** Through the server's sign-in page, to the portal's first page. */
  signInThroughPortal(user: { email: string; password: string }): Promise<void>;
  /** No serious or critical axe finding, then screenshots at desktop and phone widths. */
  checkPage(name: string): Promise<void>;
}

/**
 * One server and one Chromium for a journey file, with Jest hooks: the portal's redirect URI is
 * <ISSUER>/portal/callback, so the issuer is this very server. After each test the cookies go (the
 * next person signs in afresh) and no Content Security Policy violation may have been reported.
 */
export function usePortalSession(env: Record<string, string> = {}): PortalSession {
  const session = {} as PortalSession;
  let profile: string | undefined;
  let context: BrowserContext | undefined;
  const policyViolations: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
    const port = await freePort();
    session.server = await startTestApp({ ISSUER: `http://127.0.0.1:${port}`, ...env }, { port });
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: DESKTOP,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
    });
    session.page = page;
  });

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await session.server?.close();
  });

  afterEach(async () => {
    expect(policyViolations).toEqual([]);
    await context?.clearCookies();
  });

  session.signInThroughPortal = async (user) => {
    const { page, server } = session;
    await page.goto(`${server.url}/`);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My apps' }).waitFor();
  };
  session.checkPage = async (name) => {
    await expect(seriousAccessibilityViolations(session.page)).resolves.toEqual([]);
    await screenshots(session.page, name);
  };
  return session;
}
