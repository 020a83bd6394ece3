import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { contactPoint } from '../submissions/actors';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ each: true });

const csv = (...lines: string[]) => ['geo,indicator,period,value,flags,note', ...lines].join('\n');

/** FR's homicides as readers see them: the contact point's national figure first, else Eurostat's. */
async function frHomicide(period: string): Promise<number> {
  const rows = await ctx.db
    .selectFrom('observations')
    .select(['source', 'value'])
    .where('indicator', '=', 'ICCS0101')
    .where('geo', '=', 'FR')
    .where('period', '=', period)
    .execute();
  const seen = rows.find((r) => r.source === 'national') ?? rows[0];
  return Number(seen!.value);
}

async function confirmations() {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['actor', 'action', 'target', 'detail'])
    .where('action', '=', 'submission.confirm-changes')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail ?? 'null') }));
}

describe('changes beyond threshold against published data', () => {
  it('need an explicit confirmation to commit, and the confirmation is audited with who and which cells', async () => {
    // crim_off_cat publishes FR's 975 homicides for 2008; ICCS0101's threshold is 100 %.
    expect(await frHomicide('2008')).toBe(975);
    expect(await frHomicide('2009')).toBe(804);
    const app = ctx.as(contactPoint('FR'));
    const answer = await request(app)
      .post('/api/submissions?geo=FR')
      .type('text/csv')
      .send(csv('FR,ICCS0101,2008,2100,,', 'FR,ICCS0101,2009,810,,'));
    expect(answer.body.status).toBe('validated');
    // The year-on-year check (implausible-change) speaks too: 2009's 810 against the file's 2,100.
    const confirm = answer.body.report.entries.filter((e: { code: string }) => e.code === 'change-needs-confirmation');
    expect(confirm).toEqual([
      expect.objectContaining({ code: 'change-needs-confirmation', severity: 'warning', row: 2, column: 'value' }),
    ]);
    expect(confirm[0].message).toContain('975 published, 2,100 in the file (+115.4 %)');
    expect(answer.body.confirmation).toEqual({
      count: 1,
      cells: [
        {
          geo: 'FR',
          indicator: 'ICCS0101',
          period: '2008',
          published: 975,
          value: 2100,
          change: 115.4,
          threshold: 100,
        },
      ],
    });
    const id = answer.body.submissionId as number;

    const refused = await request(app).post(`/api/submissions/${id}/commit`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'confirmation-needed', details: { cells: ['ICCS0101/FR/2008'] } });
    expect(refused.body.error.message).toContain('changes 1 cell beyond');
    const wrong = await request(app)
      .post(`/api/submissions/${id}/commit`)
      .send({ confirm: ['ICCS0101/FR/2009'] });
    expect(wrong.status).toBe(409);
    expect(await frHomicide('2008')).toBe(975);
    expect(await confirmations()).toEqual([]);

    const done = await request(app)
      .post(`/api/submissions/${id}/commit`)
      .send({ confirm: ['ICCS0101/FR/2008'] });
    expect(done.status).toBe(200);
    expect(done.body.revisionsAdded).toBe(2);
    expect(await frHomicide('2008')).toBe(2100);
    expect(await confirmations()).toEqual([
      {
        actor: 'cp-fr@example.eu',
        action: 'submission.confirm-changes',
        target: `submission/${id}`,
        detail: { count: 1, cells: [{ cell: 'ICCS0101/FR/2008', published: 975, value: 2100 }] },
      },
    ]);
  });

  it('`confirm: true` confirms them all; a change within the threshold needs none', async () => {
    const app = ctx.as(contactPoint('FR'));
    const within = await request(app)
      .post('/api/submissions?geo=FR')
      .type('text/csv')
      .send(csv('FR,ICCS0101,2009,900,,'));
    expect(within.body.confirmation).toBeNull();
    expect((await request(app).post(`/api/submissions/${within.body.submissionId}/commit`)).status).toBe(200);

    const beyond = await request(app)
      .post('/api/submissions?geo=FR')
      .type('text/csv')
      .send(csv('FR,ICCS0101,2010,3000,,', 'FR,ICCS0101,2011,3000,,'));
    expect(beyond.body.confirmation.count).toBe(2);
    const id = beyond.body.submissionId as number;
    const shown = await request(app).get(`/api/submissions/${id}`);
    expect(shown.body.confirmation.count).toBe(2);
    const done = await request(app).post(`/api/submissions/${id}/commit`).send({ confirm: true });
    expect(done.status).toBe(200);
    const [entry] = await confirmations();
    expect(entry!.detail.cells.map((c: { cell: string }) => c.cell)).toEqual(['ICCS0101/FR/2010', 'ICCS0101/FR/2011']);
  });

  it('a bad confirm is a 400 naming the field', async () => {
    const app = ctx.as(contactPoint('FR'));
    const answer = await request(app)
      .post('/api/submissions?geo=FR')
      .type('text/csv')
      .send(csv('FR,ICCS0101,2010,3000,,'));
    const bad = await request(app).post(`/api/submissions/${answer.body.submissionId}/commit`).send({ confirm: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('confirm');
  });
});
