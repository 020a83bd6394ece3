import { describe, expect, it } from 'vitest';
import { firstRunAdvice } from '../../server/accounts/first-run';
import { runUserCommand } from '../../server/accounts/user.cli';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp({ empty: true });

describe('the first start', () => {
  it('tells the operator how to create the first account, and stops once one exists', async () => {
    const advice = await firstRunAdvice(ctx.db);
    expect(advice).toContain('No account exists yet');
    expect(advice).toContain('npm run user -- create --email you@example.eu --role secretariat');
    await runUserCommand(ctx.db, ['create', '--email', 'first@observatory.eu', '--role', 'secretariat', '--link'], {
      env: { PUBLIC_URL: 'http://localhost:3000' },
      print: () => {},
    });
    expect(await firstRunAdvice(ctx.db)).toBeNull();
  });
});
