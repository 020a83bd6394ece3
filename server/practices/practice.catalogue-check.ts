import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../catalogue/paths';
import type { DbOrTx } from '../db/database';
import { listEmpactTags } from '../empact/cycle.repository';
import { badRequest } from '../http/errors';
import { REFERENCE_GROUP } from '../shared/reference-group';
import type { PracticeInput } from '../shared/api/practice-record';
import { translate } from '../i18n/translate';
import type { LocalisedText, MessageParams } from '../shared/i18n';

type CodeKind = 'theme' | 'indicator' | 'iccs' | 'geo';

const OutsideCountries = z.object({
  countries: z.array(z.object({ code: z.string().regex(/^[A-Z]{2}$/), name: z.string() })),
});

let outside: Map<string, string> | undefined;

/** Countries beyond the observatory's geos where practices were run or evaluated (e.g. US). */
export function countriesOutsideCatalogue(): Map<string, string> {
  outside ??= new Map(
    OutsideCountries.parse(
      JSON.parse(readFileSync(path.join(DATA_DIR, 'practices/countries-outside-catalogue.json'), 'utf8')),
    ).countries.map((c) => [c.code, c.name]),
  );
  return outside;
}

/** The catalogue codes a practice may use, read once per request from the database. */
export interface PracticeVocabulary {
  themes: Set<string>;
  indicators: Map<string, string | null>;
  geos: Set<string>;
  euMembers: Set<string>;
  formerEuMembers: Set<string>;
  /** EMPACT tags by cycle code (data/empact/cycles.json and what the secretariat added). */
  empactTags: Map<string, Set<string>>;
}

export async function loadPracticeVocabulary(db: DbOrTx): Promise<PracticeVocabulary> {
  const [themes, indicators, geos, eu, eu28, empactTags] = await Promise.all([
    db.selectFrom('themes').select('code').execute(),
    db.selectFrom('indicators').select(['code', 'iccs']).execute(),
    db.selectFrom('geos').select('code').execute(),
    db.selectFrom('geo_group_members').select('geo_code').where('group_code', '=', REFERENCE_GROUP).execute(),
    db.selectFrom('geo_group_members').select('geo_code').where('group_code', '=', 'EU28').execute(),
    listEmpactTags(db),
  ]);
  const euMembers = new Set(eu.map((m) => m.geo_code));
  return {
    themes: new Set(themes.map((t) => t.code)),
    indicators: new Map(indicators.map((i) => [i.code, i.iccs])),
    geos: new Set([...geos.map((g) => g.code), ...countriesOutsideCatalogue().keys()]),
    euMembers,
    formerEuMembers: new Set(eu28.map((m) => m.geo_code).filter((g) => !euMembers.has(g))),
    empactTags,
  };
}

/** An ICCS code is known when it is an indicator's code or one of its parents in the hierarchy. */
export function isKnownIccs(vocabulary: PracticeVocabulary, iccs: string): boolean {
  return [...vocabulary.indicators.values()].some((known) => known?.startsWith(iccs));
}

interface CodeProblem {
  path: string;
  /** In English; `localised` renders it in the reader's language. */
  message: string;
  localised: LocalisedText;
}

function codeProblem(path: string, key: string, params: MessageParams): CodeProblem {
  const localised = { key: `ratings.${key}`, params };
  return { path, message: translate('en', localised), localised };
}

/** Every catalogue code in a record that the observatory does not know, with where it is. */
export function findUnknownCodes(input: PracticeInput, vocabulary: PracticeVocabulary): CodeProblem[] {
  const problems: CodeProblem[] = [];
  const check = (codes: string[], known: (c: string) => boolean, where: string, what: CodeKind, see: string) =>
    codes.forEach((c, i) => {
      if (!known(c)) problems.push(codeProblem(`${where}.${i}`, 'unknown-code', { what, code: c, see }));
    });
  check(input.themes, (c) => vocabulary.themes.has(c), 'themes', 'theme', '/api/indicators');
  check(input.indicators, (c) => vocabulary.indicators.has(c), 'indicators', 'indicator', '/api/indicators');
  check(input.iccsCodes, (c) => isKnownIccs(vocabulary, c), 'iccsCodes', 'iccs', '/api/indicators');
  check(input.geos, (c) => vocabulary.geos.has(c), 'geos', 'geo', '/api/geos');
  for (const [n, e] of input.evaluations.entries()) {
    check(e.geos, (c) => vocabulary.geos.has(c), `evaluations.${n}.geos`, 'geo', '/api/geos');
  }
  input.empactTags.forEach((tag, i) => {
    const cycle = tag.split('/')[0]!;
    const tags = vocabulary.empactTags.get(cycle);
    if (!tags) problems.push(codeProblem(`empactTags.${i}`, 'unknown-empact-cycle', { cycle, tag }));
    else if (!tags.has(tag)) problems.push(codeProblem(`empactTags.${i}`, 'unknown-empact-tag', { cycle, tag }));
  });
  return problems;
}

/** Throws one 400 naming every unknown code, so a proposer can fix them all at once. */
export function assertKnownPracticeCodes(input: PracticeInput, vocabulary: PracticeVocabulary): void {
  const problems = findUnknownCodes(input, vocabulary);
  if (!problems.length) return;
  const listed = problems
    .slice(0, 5)
    .map((p) => ({ key: 'ratings.code-problem-in-body', params: { path: p.path, problem: p.localised } }));
  throw badRequest(
    { key: 'ratings.unknown-codes', params: { problems: listed } },
    problems.map(({ localised: _localised, ...p }) => ({ in: 'body', ...p })),
  );
}
