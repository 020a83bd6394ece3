import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../server/submissions/read/cell';
import { insertSubmission } from '../../server/submissions/store/submission.repository';
import {
  cellAt,
  decodePart,
  encodePart,
  PartBuilder,
  StagedPartError,
} from '../../server/submissions/stage/staged-part';
import { type EncodedPart, RunBuilder, runsOf } from '../../server/submissions/stage/staged-run';
import { stagedCells, stagedFirstRows } from '../../server/submissions/stage/staged-merge';
import { storePart } from '../../server/submissions/stage/staged-store';
import { type PartSource, StagingFile } from '../../server/submissions/stage/staging-file';
import type { TestDatabase } from '../helpers/database';
import { useTestDatabases } from '../helpers/context';

const cell = (
  geo: string,
  indicator: string,
  period: string,
  value: number | null,
  sourceRow: number,
  extra: Partial<Cell> = {},
): Cell => ({
  geo,
  indicator,
  period,
  periodStart: `${period.slice(0, 4)}-01-01`,
  value,
  flags: value === null ? 'c' : '',
  note: null,
  sourceRow,
  ...extra,
});

function decodeAll(parts: EncodedPart[]): Cell[] {
  return parts.flatMap((p) => {
    const part = decodePart(p.bytes);
    return Array.from({ length: part.count }, (_, i) => cellAt(part, i));
  });
}

async function* batches(...groups: Cell[][]): AsyncGenerator<Cell[]> {
  yield* groups;
}

async function collect(parts: AsyncIterable<EncodedPart>): Promise<EncodedPart[]> {
  const out: EncodedPart[] = [];
  for await (const p of parts) out.push(p);
  return out;
}

describe('a run of staged cells', () => {
  it('encodes every field and decodes it back, sorted by indicator, geo, period and row', () => {
    const builder = new RunBuilder();
    const cells = [
      cell('DE', 'ICCS0401', '2019', 1.5, 2, { note: 'Schätzung §1', flags: 'pe' }),
      cell('AT', 'ICCS0401', '2020', null, 3),
      cell('AT', 'ICCS0101', '2019-Q1', 0, 4, { note: '' }),
      cell('AT', 'ICCS0101', '2019', -2e300, 5),
      cell('AT', 'ICCS0101', '2019', 7, 2_000_000_000),
    ];
    for (const c of cells) builder.add(c);
    const parts = [...builder.drain()];
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ run: 0, part: 0, cells: 5 });
    expect(decodeAll(parts)).toEqual([cells[3], cells[4], cells[2], cells[1], cells[0]]);
    expect(builder.pending).toBe(0);
  });

  it('splits a full run into parts and starts the next run, each run sorted on its own', async () => {
    const cells = Array.from({ length: 10 }, (_, i) =>
      cell(i % 2 ? 'AT' : 'BE', 'ICCS0101', String(2010 + (9 - i)), i, i + 2),
    );
    const parts = await collect(runsOf(batches(cells.slice(0, 3), cells.slice(3)), undefined, new RunBuilder(4)));
    expect(parts.map((p) => [p.run, p.part, p.cells])).toEqual([
      [0, 0, 4],
      [1, 0, 4],
      [2, 0, 2],
    ]);
    const runOf = (run: number) => decodeAll(parts.filter((p) => p.run === run)).map((c) => `${c.geo}${c.period}`);
    expect(runOf(0)).toEqual(['AT2016', 'AT2018', 'BE2017', 'BE2019']);
    expect(runOf(2)).toEqual(['AT2010', 'BE2011']);
  });

  it('widens string indexes to 32 bits when a part holds 65,535 strings or more', () => {
    const builder = new PartBuilder(70_000);
    for (let i = 0; i < 70_000; i++)
      builder.add(cell('AT', 'ICCS0101', '2019', i, i + 2, { note: `note ${i}`, flags: i % 2 ? 'p' : '' }));
    const bytes = encodePart(builder.columns());
    expect(new Int32Array(bytes.buffer, 0, 4)[3]).toBe(4);
    const part = decodePart(bytes);
    expect(cellAt(part, 69_999)).toMatchObject({ note: 'note 69999', value: 69_999, flags: 'p', sourceRow: 70_001 });
    expect(cellAt(part, 0)).toMatchObject({ note: 'note 0', flags: '' });
  });

  it('refuses bytes that are not a staged part', () => {
    expect(() => decodePart(new Uint8Array(32))).toThrow(StagedPartError);
  });
});

describe('staged runs read back', () => {
  const databases = useTestDatabases();
  let database: TestDatabase;

  async function stage(parts: EncodedPart[]): Promise<number> {
    const id = await insertSubmission(database.db, {
      geo: 'AT',
      submitted_by: 't',
      submitted_at: '2026-01-01',
      file_name: 'f.csv',
      sha256: 'x',
      byte_size: 1,
      format: 'canonical',
      rows_read: 1,
      cells_valid: 0,
      error_count: 0,
      warning_count: 0,
      status: 'validated',
      report: '{}',
      committed_at: null,
      profile: null,
    });
    for (const p of parts) await storePart(database.db, id, p);
    return id;
  }

  it('merges several runs into key order and groups a cell repeated across runs', async () => {
    database = await databases.seeded();
    const cells = [
      cell('AT', 'ICCS0101', '2019', 1, 2),
      cell('AT', 'ICCS0101', '2018', 2, 3),
      cell('AT', 'ICCS0101', '2019', 3, 4),
      cell('AT', 'ICCS0101', '2017', 4, 5),
      cell('AT', 'ICCS0101', '2019', 1, 6),
    ];
    const id = await stage(await collect(runsOf(batches(cells), undefined, new RunBuilder(2))));
    const groups = [];
    const heard: [number, number][] = [];
    for await (const batch of stagedCells(database.db, id, (first, row) =>
      heard.push([first.sourceRow, row.sourceRow]),
    ))
      groups.push(...batch);
    expect(groups.map((g) => [g.first.period, g.first.sourceRow, g.repeats])).toEqual([
      ['2017', 5, 0],
      ['2018', 3, 0],
      ['2019', 2, 2],
    ]);
    expect(heard).toEqual([
      [2, 4],
      [2, 6],
    ]);
    expect((await stagedFirstRows(database.db, id)).map((c) => c.value)).toEqual([4, 2, 1]);
  });

  it("gives the same cells from a preview's staging file as from its stored parts, and leaves no file", async () => {
    database = await databases.seeded();
    const cells = Array.from({ length: 40_000 }, (_, i) =>
      cell(i % 3 ? 'AT' : 'BE', 'ICCS0101', String(1950 + (i % 70)), i, i + 2),
    );
    const parts = await collect(runsOf(batches(cells)));
    expect(parts.length).toBeGreaterThan(1);
    const id = await stage(parts);
    const read = async (staged: number | PartSource) => {
      const out = [];
      for await (const batch of stagedCells(database.db, staged)) out.push(...batch);
      return out;
    };
    const stored = await read(id);
    expect(stored.length).toBe(140);
    expect(stored.reduce((n, c) => n + c.repeats, 0)).toBe(40_000 - 140);
    const folder = mkdtempSync(path.join(tmpdir(), 'observatory-staging-test-'));
    const staging = await StagingFile.create(folder);
    try {
      for (const part of parts) await staging.append(part);
      expect(staging.runs).toEqual([parts.length]);
      expect(await read(staging)).toEqual(stored);
    } finally {
      await staging.dispose();
    }
    expect(readdirSync(folder)).toEqual([]);
    rmSync(folder, { recursive: true });
  });

  it('reads a JSON part, the format the migration writes for rows staged before parts existed', async () => {
    database = await databases.seeded();
    const json = {
      cells: [
        ['AT', 'ICCS0101', '2019', '2019-01-01', 61, 'p', 'n', 2],
        ['AT', 'ICCS0101', '2020', '2020-01-01', null, 'c', null, 3],
      ],
    };
    const id = await stage([{ run: 0, part: 0, cells: 2, bytes: new Uint8Array(Buffer.from(JSON.stringify(json))) }]);
    expect(await stagedFirstRows(database.db, id)).toEqual([
      {
        geo: 'AT',
        indicator: 'ICCS0101',
        period: '2019',
        periodStart: '2019-01-01',
        value: 61,
        flags: 'p',
        note: 'n',
        sourceRow: 2,
      },
      {
        geo: 'AT',
        indicator: 'ICCS0101',
        period: '2020',
        periodStart: '2020-01-01',
        value: null,
        flags: 'c',
        note: null,
        sourceRow: 3,
      },
    ]);
  });
});
