import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../server/catalogue/paths';
import { externalMappingTable } from '../../server/shared/external-rating';
import { RATING_LABELS } from '../../server/shared/practice-vocabulary';

// The rating rule and the registry mapping are documented in docs/methodology.md (the README links there).
const methodology = readFileSync(path.join(DATA_DIR, '../docs/methodology.md'), 'utf8');
const section = methodology.slice(methodology.indexOf('## Practice catalogue and evidence rating'));

describe('docs/methodology.md documents the practice rating', () => {
  it('prints the external-rating mapping exactly as the code applies it', () => {
    expect(section).toContain(externalMappingTable());
  });

  it('states a rule for every level of the scale', () => {
    for (const label of Object.values(RATING_LABELS)) expect(section).toContain(`| **${label}** |`);
  });
});
