import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../server/catalogue/paths';
import { externalMappingTable } from '../../server/practices/external-rating';
import { RATING_LABELS } from '../../server/shared/practice-vocabulary';

const readme = readFileSync(path.join(DATA_DIR, '../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Practice catalogue and evidence rating'));

describe('the README documents the practice rating', () => {
  it('prints the external-rating mapping exactly as the code applies it', () => {
    expect(section).toContain(externalMappingTable());
  });

  it('states a rule for every level of the scale', () => {
    for (const label of Object.values(RATING_LABELS)) expect(section).toContain(`| **${label}** |`);
  });
});
