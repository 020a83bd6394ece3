import type { Page } from 'playwright-core';

export const MAP_PAINTED = 'observatory:map-painted';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds from navigation start to the first map painted (the dashboard's own performance mark). */
export async function firstMapTime(page: Page, mark = MAP_PAINTED): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, {
    timeout: 30_000,
    polling: 10,
  });
  return page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
}

/**
 * Time from a change of the control to the next map painted, measured inside the page:
 * the change is dispatched, then we wait for the next performance mark.
 */
export async function repaintTime(
  page: Page,
  change: { selector: string; value: string; event: 'change' | 'input' },
  mark = MAP_PAINTED,
): Promise<number> {
  // A plain string: the TypeScript runner's helpers must not leak into code evaluated in the page.
  const script = `new Promise((resolve) => {
    const control = document.querySelector(${JSON.stringify(change.selector)});
    const name = ${JSON.stringify(mark)};
    const before = performance.getEntriesByName(name).length;
    const started = performance.now();
    const poll = () => {
      const marks = performance.getEntriesByName(name);
      if (marks.length > before) resolve(marks[marks.length - 1].startTime - started);
      else setTimeout(poll, 1);
    };
    control.value = ${JSON.stringify(change.value)};
    control.dispatchEvent(new Event(${JSON.stringify(change.event)}, { bubbles: true }));
    poll();
  })`;
  return page.evaluate(script) as Promise<number>;
}

/** Fetch time of the data a repaint needs (the floor under an indicator change). */
export async function fetchTime(page: Page, url: string): Promise<number> {
  const script = `(async () => {
    const started = performance.now();
    await (await fetch(${JSON.stringify(url)}, { cache: 'no-store' })).json();
    return performance.now() - started;
  })()`;
  return page.evaluate(script) as Promise<number>;
}
