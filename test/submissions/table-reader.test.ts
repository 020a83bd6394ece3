import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../server/submissions/read/cell';
import { type CellReadJob, freshReadState, validatedCells } from '../../server/submissions/read/cell-reader';
import { planReading } from '../../server/submissions/read/read-plan';
import { ReportBuilder } from '../../server/submissions/read/report';
import { readRawCells, type ReadScope } from '../../server/submissions/read/table-reader';

const HEADER = 'geo,indicator,period,value,flags,note';

const scope: ReadScope = {
  submissionGeo: 'AT',
  geos: new Set(['AT']),
  knownGeos: new Set(['AT', 'DE']),
  iso3: new Map(),
  iso2: new Map(),
};
const context: CellReadJob['context'] = {
  geos: new Set(['AT', 'DE']),
  indicators: new Map([['ICCS0101', { unit: 'count' }]]),
  submissionGeo: 'AT',
  scope: new Set(['AT']),
  now: new Date('2025-06-01'),
  read: scope,
};

async function validate(text: string) {
  const report = new ReportBuilder();
  const state = freshReadState();
  const job: CellReadJob = {
    sniffed: {
      encoding: 'utf-8',
      bomLength: 0,
      delimiter: ',',
      sample: [],
      binary: null,
      encodingNote: null,
      json: false,
    },
    named: null,
    profiles: [],
    context,
  };
  const cells: Cell[] = [];
  for await (const batch of validatedCells(Readable.from([text]), job, report, state)) cells.push(...batch);
  return { cells, report: report.build(), state };
}

describe('reading and validating a canonical file', () => {
  it("lists a chunk's unreadable rows before its cells' problems, as the report always has", async () => {
    const { cells, report, state } = await validate(
      [HEADER, 'AT,NOPE,2019,1,,', 'AT,ICCS0101,2019', 'AT,ICCS0101,2018,5,p,', 'AT,ICCS0101,1900,5,,'].join('\n'),
    );
    expect(report.entries.map((e) => [e.row, e.code])).toEqual([
      [3, 'wrong-column-count'],
      [2, 'unknown-indicator'],
      [5, 'period-out-of-range'],
    ]);
    expect(cells).toEqual([
      {
        geo: 'AT',
        indicator: 'ICCS0101',
        period: '2018',
        periodStart: '2018-01-01',
        value: 5,
        flags: 'p',
        note: null,
        sourceRow: 4,
      },
    ]);
    expect(state.rowsRead).toBe(4);
  });

  it('numbers rows across blank lines', async () => {
    const { cells } = await validate([HEADER, '', 'AT,ICCS0101,2018,5,,', '', '', 'AT,ICCS0101,2019,6,,'].join('\n'));
    expect(cells.map((c) => c.sourceRow)).toEqual([3, 6]);
  });
});

describe('raw cells', () => {
  it("are separate objects, each with its own row's fields", async () => {
    const report = new ReportBuilder();
    const read = {
      profile: null,
      plan: (header: string[]) => planReading(header, null, [], report),
      scope,
      report,
      skipped: { filtered: 0, unmapped: 0, otherGeo: 0, missing: 0 },
      rowsRead: { n: 0 },
      sample: [],
    };
    const cells = [];
    for await (const batch of readRawCells(
      Readable.from([[HEADER, 'AT,ICCS0101,2018,5,,', 'AT,ICCS0101,2019,6,e,x'].join('\n')]),
      ',',
      read,
    ))
      cells.push(...batch);
    expect(cells).toHaveLength(2);
    expect(cells[0]).not.toBe(cells[1]);
    expect(cells.map((c) => [c.row, c.period, c.value, c.flags, c.note])).toEqual([
      [2, '2018', '5', '', ''],
      [3, '2019', '6', 'e', 'x'],
    ]);
  });
});
