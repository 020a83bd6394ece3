import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../server/catalogue/paths';
import { cellHistory } from '../../server/cells/cell-history';
import { loadSeed, readSeedManifest } from '../../server/seed/load-seed';
import { previewSubmission } from '../../server/submissions/pipeline';
import { commitSubmission } from '../../server/submissions/publish/commit';
import { fileSource } from '../../server/submissions/read/source';
import { testApp } from '../helpers/context';
import { emptyDatabase, type TestDatabase } from '../helpers/database';
import { readSharedData } from '../helpers/shared-data';

/**
 * The 2025 edition of crim_off_cat loaded on top of the 2022 TSV as a later delivery of the same
 * source: the seed without the 2025 folder first, answers read, then the 2025 files through the
 * ordinary pipeline (preview with its diff, commit), then the same answers asked for asOf before.
 */
const SEED = path.join(DATA_DIR, 'seed');
const EDITION_2025 = 'eurostat-crim_off_cat-2025/';
const manifest = readSeedManifest(SEED);
const earlier = manifest.files.filter((f) => !f.file.startsWith(EDITION_2025));
const later = manifest.files.filter((f) => f.file.startsWith(EDITION_2025));

let database: TestDatabase;
let scratch: string;
const before = new Map<string, string>();
let diff = { newCells: 0, changedCells: 0, unchangedCells: 0 };
let firstLater = '';

const QUERIES = [
  '/api/observations?indicator=ICCS0101,ICCS0401,ICCS0502&format=csv',
  '/api/observations?indicator=ICCS0101,ICCS0401&measure=rate&format=csv',
  '/api/observations?indicator=ICCS0101&geo=BE,NL,DE',
  '/api/compare?indicator=ICCS0101&period=2022&measure=rate',
  '/api/trends?indicator=ICCS0101&geo=BE&measure=count',
];

/** The 2022 TSV's cells and the 2025 edition's, read from the shared files, compared independently of the seed. */
function editionsCompared(): { revised: string[]; added: string[] } {
  const tsv = readSharedData('eurostat-crim_off_cat/estat_crim_off_cat.tsv').trim().split('\n');
  const years = tsv[0]!
    .split('\t')
    .slice(1)
    .map((y) => y.trim());
  const old = new Map<string, number>();
  for (const line of tsv.slice(1)) {
    const [key, ...values] = line.split('\t');
    const [, iccs, , geo] = key!.split(',');
    values.forEach((v, i) => {
      if (/\d/.test(v)) old.set(`${geo}|${iccs}|${years[i]}`, Number(v.trim().split(' ')[0]));
    });
  }
  const json = JSON.parse(readSharedData('eurostat-jsonstat/crim_off_cat_2025.json'));
  const ids = json.id as string[];
  const codes = ids.map((d) => {
    const index = json.dimension[d].category.index as Record<string, number>;
    return Object.keys(index).sort((a, b) => index[a]! - index[b]!);
  });
  const revised: string[] = [];
  const added: string[] = [];
  for (const [position, value] of Object.entries(json.value as Record<string, number>)) {
    let rest = Number(position);
    const at: Record<string, string> = {};
    for (let d = ids.length - 1; d >= 0; d--) {
      at[ids[d]!] = codes[d]![rest % json.size[d]]!;
      rest = Math.floor(rest / json.size[d]);
    }
    const key = `${at.geo}|${at.iccs}|${at.time}`;
    if (!old.has(key)) added.push(key);
    else if (old.get(key) !== value) revised.push(key);
  }
  return { revised, added };
}

beforeAll(async () => {
  database = await emptyDatabase();
  scratch = mkdtempSync(path.join(tmpdir(), 'seed-2022-'));
  for (const folder of new Set(earlier.map((f) => f.file.split('/')[0]!)))
    symlinkSync(path.join(SEED, folder), path.join(scratch, folder));
  writeFileSync(path.join(scratch, 'manifest.json'), JSON.stringify({ files: earlier }));
  await loadSeed(database.db, scratch);
  const app = testApp(database.db);
  for (const q of QUERIES) before.set(q, (await request(app).get(q)).text);
  for (const entry of later) {
    const source = await fileSource(path.join(SEED, entry.file), entry.file);
    const preview = await previewSubmission(database.db, {
      geo: entry.geo,
      submittedBy: 'seed',
      source,
      dataSource: { code: entry.source, edition: entry.edition },
    });
    if (preview.status === 'committed') continue; // the UK's files repeat the 2022 ones byte for byte
    expect(preview.status).toBe('validated');
    diff = {
      newCells: diff.newCells + preview.diff!.newCells,
      changedCells: diff.changedCells + preview.diff!.changedCells,
      unchangedCells: diff.unchangedCells + preview.diff!.unchangedCells,
    };
    const { committedAt } = await commitSubmission(database.db, preview.submissionId);
    firstLater ||= committedAt;
  }
}, 600_000);

afterAll(async () => {
  await database?.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a second vintage of crim_off_cat', () => {
  it('shows in the upload diff the 213 real revisions and the new cells (441 for 2023, 7 earlier gaps)', () => {
    const { revised, added } = editionsCompared();
    expect(revised).toHaveLength(213);
    expect(added.filter((k) => k.endsWith('|2023'))).toHaveLength(441);
    expect(added).toHaveLength(448);
    expect(diff.changedCells).toBe(213);
    expect(diff.newCells).toBe(448);
  });

  it('gives each of the 213 revised cells two revisions, the older one from the 2022 TSV', async () => {
    const { revised } = editionsCompared();
    for (const key of revised) {
      const [geo, indicator, period] = key.split('|') as [string, string, string];
      const history = await cellHistory(database.db, { geo, indicator, period });
      expect(history, key).toHaveLength(2);
      expect(history.map((h) => h.current)).toEqual([false, true]);
      expect(history.map((h) => h.dataSource)).toEqual(['estat.crim_off_cat', 'estat.crim_off_cat']);
      expect(history[1]!.edition).toMatch(/^2025 edition/);
    }
    const be = await cellHistory(database.db, { geo: 'BE', indicator: 'ICCS0101', period: '2022' });
    expect(be.map((h) => h.value)).toEqual([179, 185]);
  });

  it('publishes each new 2023 cell once', async () => {
    const { added } = editionsCompared();
    for (const key of added.filter((k) => k.endsWith('|2023')).slice(0, 60)) {
      const [geo, indicator, period] = key.split('|') as [string, string, string];
      expect(await cellHistory(database.db, { geo, indicator, period }), key).toHaveLength(1);
    }
  });

  it('answers asOf before the 2025 load byte for byte as before it', async () => {
    const asOf = new Date(Date.parse(firstLater) - 1).toISOString();
    const app = testApp(database.db);
    for (const q of QUERIES) {
      const now = (await request(app).get(q)).text;
      expect(now, q).not.toBe(before.get(q));
      const then = (await request(app).get(`${q}&asOf=${asOf}`)).text;
      // JSON answers echo the asOf asked for in meta; CSV answers carry no asOf column.
      expect(then.replace(`"asOf":"${asOf}"`, '"asOf":null'), q).toBe(before.get(q));
    }
  });
});
