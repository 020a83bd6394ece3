import type { Page } from 'playwright-core';
import { AXE_SOURCE } from './harness';

/**
 * What the layout test reads off a page (docs/architecture.md, "Layout and accessibility"): its
 * headings, its landmarks and their names, its width, its legends' type size, and where its chart is.
 */
export interface Landmark {
  role: string;
  name: string;
}

/** The page's landmarks as a screen reader lists them: role and accessible name (visible ones only). */
export function landmarks(page: Page): Promise<Landmark[]> {
  return page.evaluate(() => {
    const SECTIONING = 'article, aside, main, nav, section';
    const roleOf = (element: Element): string | null => {
      const explicit = element.getAttribute('role');
      if (explicit) return explicit;
      const tag = element.tagName.toLowerCase();
      const named = element.hasAttribute('aria-label') || element.hasAttribute('aria-labelledby');
      if (tag === 'header') return element.parentElement?.closest(SECTIONING) ? null : 'banner';
      if (tag === 'footer') return element.parentElement?.closest(SECTIONING) ? null : 'contentinfo';
      if (tag === 'nav') return 'navigation';
      if (tag === 'main') return 'main';
      if (tag === 'aside') return 'complementary';
      if (tag === 'search') return 'search';
      if (tag === 'section') return named ? 'region' : null;
      if (tag === 'form') return named ? 'form' : null;
      return null;
    };
    const nameOf = (element: Element): string => {
      const ids = element.getAttribute('aria-labelledby');
      if (ids)
        return ids
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      return (element.getAttribute('aria-label') ?? '').trim();
    };
    const LANDMARKS = new Set([
      'banner',
      'contentinfo',
      'navigation',
      'main',
      'complementary',
      'region',
      'form',
      'search',
    ]);
    return [...document.querySelectorAll('body *')]
      .filter((element) => (element as HTMLElement).checkVisibility?.() !== false)
      .map((element) => ({ role: roleOf(element) ?? '', name: nameOf(element) }))
      .filter((landmark) => LANDMARKS.has(landmark.role));
  });
}

/**
 * Our own reading of "unique landmark names": no two landmarks share a role and a name, every
 * navigation, region, form and complementary landmark has a name, and no two named landmarks share
 * a name whatever their roles (two "Evaluations" would still be told apart only by their role).
 */
export function landmarkProblems(found: Landmark[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const { role, name } of found) {
    if (['navigation', 'region', 'form', 'complementary'].includes(role) && !name)
      problems.push(`${role} without a name`);
    if (name) seen.set(name, (seen.get(name) ?? 0) + 1);
    const key = `${role}|${name}`;
    if (found.filter((l) => `${l.role}|${l.name}` === key).length > 1) problems.push(`two ${role}s named "${name}"`);
  }
  for (const [name, count] of seen) if (count > 1) problems.push(`${count} landmarks named "${name}"`);
  return [...new Set(problems)];
}

/** axe-core's landmark and heading rules, every impact: unique landmarks, one main, a level-one heading. */
export async function axeLayoutViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'rule', values: ['landmark-unique', 'landmark-one-main', 'page-has-heading-one'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** The level-one headings' texts. */
export function levelOneHeadings(page: Page): Promise<string[]> {
  return page.$$eval('h1', (headings) => headings.map((h) => (h.textContent ?? '').trim()));
}

/** The page's width (the viewport's, unless something makes it scroll sideways). */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The smallest on-screen size of any chart legend's text, in CSS px (its font size times the SVG's scale). */
export function smallestLegendText(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll<SVGTextElement>('main svg .legend text')].map(
      (text) => Number.parseFloat(getComputedStyle(text).fontSize) * (text.getScreenCTM()?.a ?? 0),
    );
    return sizes.length ? Math.min(...sizes) : null;
  });
}

/** Where the main chart is on the page (page px, scrolled to the top), and its legend's bottom. */
export function chartPlace(page: Page): Promise<{ top: number; bottom: number; legendBottom: number | null } | null> {
  return page.evaluate(() => {
    const chart = document.querySelector('main .chart-panel svg.chart');
    if (!chart) return null;
    const legend = chart.querySelector('.legend');
    const box = chart.getBoundingClientRect();
    return {
      top: box.top + window.scrollY,
      bottom: box.bottom + window.scrollY,
      legendBottom: legend ? legend.getBoundingClientRect().bottom + window.scrollY : null,
    };
  });
}
