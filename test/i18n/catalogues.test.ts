import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../server/shared/i18n';

/** Every catalogue folder of the project: each holds <area>.<locale>.json files (docs/i18n.md). */
const FOLDERS = ['server/i18n/catalogues', 'client/i18n/catalogues'];

function readFolder(folder: string): Map<string, Map<string, Record<string, string>>> {
  const areas = new Map<string, Map<string, Record<string, string>>>();
  for (const file of readdirSync(folder)) {
    const match = /^([a-z0-9-]+)\.([a-z]{2})\.json$/.exec(file);
    expect(match, `${folder}/${file} is not named <area>.<locale>.json`).not.toBeNull();
    const [, area, locale] = match!;
    if (!areas.has(area!)) areas.set(area!, new Map());
    areas.get(area!)!.set(locale!, JSON.parse(readFileSync(join(folder, file), 'utf8')));
  }
  return areas;
}

/** The names of a message's arguments ({count}, {name, select, …}), sorted. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if ('value' in element && typeof element.value === 'string') into.add(element.value);
    if ('options' in element)
      for (const option of Object.values(element.options)) argumentsOf(option.value as MessageFormatElement[], into);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

describe.each(FOLDERS)('message catalogues in %s', (folder) => {
  const areas = readFolder(folder);

  it('has at least one area', () => {
    expect(areas.size).toBeGreaterThan(0);
  });

  for (const [area, byLocale] of areas) {
    it(`${area}: every language has every key of the English catalogue, and no other`, () => {
      const english = Object.keys(byLocale.get('en') ?? {});
      expect(english.length, `${area}.en.json is missing or empty`).toBeGreaterThan(0);
      for (const locale of LOCALES) {
        const keys = Object.keys(byLocale.get(locale) ?? {});
        const missing = english.filter((key) => !keys.includes(key));
        const extra = keys.filter((key) => !english.includes(key));
        expect(missing, `keys missing from ${area}.${locale}.json`).toEqual([]);
        expect(extra, `keys in ${area}.${locale}.json that English lacks`).toEqual([]);
      }
    });

    it(`${area}: every message is valid ICU, non-empty, with the English message's arguments`, () => {
      const english = byLocale.get('en') ?? {};
      for (const locale of LOCALES) {
        for (const [key, text] of Object.entries(byLocale.get(locale) ?? {})) {
          expect(text.trim(), `${area}.${locale}: ${key} is blank`).not.toBe('');
          const own = [...argumentsOf(parse(text))].sort();
          const reference = [...argumentsOf(parse(english[key] ?? ''))].sort();
          expect(own, `${area}.${locale}: ${key} has other arguments than English`).toEqual(reference);
        }
      }
    });
  }
});

describe('keys used in code', () => {
  const catalogueKeys = (folder: string) =>
    new Set([...readFolder(folder).values()].flatMap((byLocale) => Object.keys(byLocale.get('en') ?? {})));

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name));
  }

  it('every t("…") key in the client exists in the English client catalogue', () => {
    const known = catalogueKeys('client/i18n/catalogues');
    const unknown = sourceFiles('client').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)]
        .map((m) => m[1]!)
        .filter((key) => !known.has(key))
        .map((key) => `${file}: ${key}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every server message key of a catalogue area exists in the English server catalogue', () => {
    const known = catalogueKeys('server/i18n/catalogues');
    const areas = new Set([...known].map((key) => key.split('.')[0]));
    const unknown = sourceFiles('server').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bkey: '([a-z0-9-]+)\.([^']+)'/g)]
        .filter((m) => areas.has(m[1]!) && !known.has(`${m[1]}.${m[2]}`))
        .map((m) => `${file}: ${m[1]}.${m[2]}`),
    );
    expect(unknown).toEqual([]);
  });
});
