import type { Page } from 'playwright-core';
import { LOCALE_ENDONYMS } from '../../server/shared/i18n/locales';

/**
 * The pseudo-localisation check (docs/i18n.md). With `?pseudo`, every catalogue message reads
 * `[!! … ~~ !!]`; a visible text node is translated when every part of it is such a message or one
 * of these, which no catalogue can hold:
 * - numbers, punctuation and symbols (no letter at all);
 * - codes: upper-case letters and digits (NL, EU27_2020, ICCS0101, UKC-L, SMS), and one-letter symbols (q, p);
 * - data the API sent: any text that is part of a string in a JSON answer the page received (names,
 *   e-mail addresses, file names, flags, server-rendered messages), compared case-insensitively with
 *   "_" read as a space (so "Situational" from "situational" counts as the API's);
 * - lists of such items, however Intl.ListFormat or the view joins them ("DE, FR and NL", "a; b",
 *   "Germany (DE)"): each item is judged on its own;
 * - dates and times written by Intl (month names, "UTC");
 * - the language switch's endonyms (each language names itself);
 * - machine identifiers shown as code (`<code>`: an audit record's field names, a token's prefix);
 * - text inside an element marked with its own `lang` (a registry's official level names, quoted in
 *   their language): declared as another language, so deliberately not translated.
 */
export interface TextNode {
  text: string;
  where: string;
}

const OPEN = '[!! ';
const CLOSE = ' !!]';
const MONTHS = new Set(
  Array.from({ length: 12 }, (_, month) =>
    ['short', 'long'].map((style) =>
      new Date(Date.UTC(2026, month, 1)).toLocaleString('en-GB', { month: style as 'short', timeZone: 'UTC' }),
    ),
  )
    .flat()
    .map((m) => m.toLowerCase().replace(/\.$/, '')),
);
const ENDONYMS = new Set(Object.values(LOCALE_ENDONYMS));

/** Every visible text node of the page (options of a visible select count as visible), with a CSS-ish path. */
export function visibleText(page: Page): Promise<TextNode[]> {
  return page.evaluate(() => {
    const describe = (element: Element): string => {
      const parts: string[] = [];
      for (let e: Element | null = element; e && e !== document.body && parts.length < 4; e = e.parentElement)
        parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : e.classList.length ? `.${e.classList[0]}` : ''));
      return parts.join(' > ');
    };
    const shown = (element: Element): boolean => {
      if (element.closest('title, desc, script, style, template, noscript')) return false;
      const control = element.closest('select');
      if (control) return control.checkVisibility();
      return element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    };
    const nodes: { text: string; where: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!text.trim() || !parent || !shown(parent)) continue;
      if (parent.closest('[lang]') !== document.documentElement || parent.closest('code')) continue;
      nodes.push({ text, where: describe(parent) });
    }
    return nodes;
  });
}

/** Collects every string value of the JSON answers the page receives from the API. */
export function watchApiStrings(page: Page): Set<string> {
  const strings = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.add(normalise(value));
    else if (Array.isArray(value)) for (const item of value) collect(item);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) collect(item);
  };
  page.on('response', async (response) => {
    if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    try {
      collect(await response.json());
    } catch {
      // A redirect or an empty answer has no body to read.
    }
  });
  return strings;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The parts of a text outside pseudo-localised messages (nested messages are removed innermost first). */
export function outsideMessages(text: string): string[] {
  let rest = text;
  const innermost = /\[!! (?:(?!\[!! )[\s\S])*? !!\]/g;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(innermost, '\u0000');
  }
  return rest.split('\u0000').map((part) => part.trim());
}

function allowedWord(word: string): boolean {
  return (
    /^[A-Z0-9_][A-Z0-9_-]+$/.test(word) ||
    word.length === 1 ||
    MONTHS.has(word.toLowerCase().replace(/\.$/, '')) ||
    word === 'UTC' ||
    ENDONYMS.has(word)
  );
}

/** One item: no letters, only allowed words, or part of a string the API sent. */
function isAllowedItem(item: string, apiStrings: ReadonlySet<string>): boolean {
  if (!/\p{L}/u.test(item) || ENDONYMS.has(item.trim())) return true;
  const words = item.match(/\p{L}[\p{L}\p{M}.'’-]*/gu) ?? [];
  if (words.every(allowedWord)) return true;
  const bare = normalise(item.replace(/^[\p{P}\p{S}\s\d]+|[\p{P}\p{S}\s\d]+$/gu, ''));
  if (!bare) return true;
  for (const text of apiStrings) if (text.includes(bare)) return true;
  return false;
}

/** Whether one part outside the messages may stand untranslated (see the rule above). */
export function isAllowedPart(part: string, apiStrings: ReadonlySet<string>): boolean {
  if (part.includes(OPEN) || part.includes(CLOSE)) return !/\p{L}/u.test(part);
  if (isAllowedItem(part, apiStrings)) return true;
  return part
    .split(/[,;:·()]+|\s+(?:and|or)\s+/)
    .filter((item) => item.trim())
    .every((item) => isAllowedItem(item, apiStrings));
}

/** The text nodes with a part that is neither a pseudo-localised message nor allowed data. */
export function untranslated(nodes: TextNode[], apiStrings: ReadonlySet<string>): TextNode[] {
  return nodes.filter((node) => outsideMessages(node.text).some((part) => !isAllowedPart(part, apiStrings)));
}
