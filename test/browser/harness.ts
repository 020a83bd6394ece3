import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import type { Actor } from '../../server/http/actor';
import type { Db } from '../../server/db/database';
import { readConfig } from '../../server/config/config';
import { testApp } from '../helpers/context';
import { seededDatabase, type TestDatabase } from '../helpers/database';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'screenshots');
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Builds the dashboard into a temporary folder (the production build the server serves). */
export async function buildClient(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'observatory-client-'));
  await build({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

export interface RunningApp {
  url: string;
  db: TestDatabase;
  close: () => Promise<void>;
}

/**
 * The built app on a seeded temporary database, on a free port of 127.0.0.1, configured from this
 * test process's environment as `npm start` would be (a test file may set e.g. APPROVAL_REQUIRED).
 */
export async function startApp(clientDir: string, actor?: Actor): Promise<RunningApp> {
  const db = await seededDatabase();
  const config = readConfig(process.env);
  const app = testApp(db.db, { clientDir, config, ...(actor ? { resolveActor: () => actor } : {}) });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.dispose();
    },
  };
}

export interface RunningBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Debian's Chromium with a fresh profile. A missing browser fails the tests with instructions; it never skips them. */
export async function launchBrowser(): Promise<RunningBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. The browser tests need it: apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'observatory-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails on page errors and on Content-Security-Policy violations (no inline scripts or handlers). */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  return problems;
}

export const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** What a browser test file works with: the dashboard on a seeded app, Chromium, and what `prepare` made. */
export interface DashboardSite<T> {
  readonly app: RunningApp;
  readonly browser: RunningBrowser;
  readonly prepared: T;
  /** A new page in the shared cookie jar, its problems (page errors, CSP violations) watched. */
  newPage(): Promise<{ page: Page; problems: string[] }>;
  /** A new page in a fresh cookie jar (each test signs in as someone else), with a 12 s default timeout. */
  freshPage(): Promise<{ page: Page; problems: string[] }>;
}

/**
 * Builds the dashboard, starts the app on a seeded database (every request made by `actor`, when
 * given), runs `prepare` on its database and launches Chromium before the file's tests; closes and
 * removes all of it after them.
 */
export function useDashboardSite<T = void>(prepare?: (db: Db) => Promise<T>, actor?: Actor): DashboardSite<T> {
  let clientDir: string | undefined;
  const state = {} as { app: RunningApp; browser: RunningBrowser; prepared: T };
  beforeAll(async () => {
    clientDir = await buildClient();
    state.app = await startApp(clientDir, actor);
    state.prepared = (await prepare?.(state.app.db.db)) as T;
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });
  const newPage = async () => {
    const page = await state.browser.context.newPage();
    return { page, problems: watchPage(page) };
  };
  return {
    get app() {
      return state.app;
    },
    get browser() {
      return state.browser;
    },
    get prepared() {
      return state.prepared;
    },
    newPage,
    freshPage: async () => {
      await state.browser.context.clearCookies();
      const opened = await newPage();
      opened.page.setDefaultTimeout(12_000);
      return opened;
    },
  };
}
