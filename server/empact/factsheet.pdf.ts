import { existsSync } from 'node:fs';
import { HttpError } from '../http/errors';

/** The flags the observatory runs Chromium with everywhere (tests, benchmarks, factsheets). */
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints an HTML page to an A4 PDF in headless Chromium. One print at a time: each launches a
 * browser, and the server shares a small machine with the API it serves.
 */
export function renderPdf(html: string, executablePath: string): Promise<Buffer> {
  if (!existsSync(executablePath)) {
    throw new HttpError(503, 'pdf-unavailable', { key: 'empact.pdf-unavailable', params: { path: executablePath } });
  }
  const job = queue.then(() => print(html, executablePath));
  queue = job.catch(() => undefined);
  return job;
}

async function print(html: string, executablePath: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
