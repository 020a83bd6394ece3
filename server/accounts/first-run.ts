import type { Db } from '../db/database';

/**
 * What `npm start` says when nobody can sign in yet: there is no default account, so the first
 * secretariat is made from the shell. Null once any account exists.
 */
export async function firstRunAdvice(db: Db): Promise<string | null> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  if (Number(count) > 0) return null;
  return [
    'No account exists yet: the dashboard is public, but nobody can sign in to upload or administer.',
    'Create the first secretariat account (its password is asked for, or read from OBSERVATORY_PASSWORD):',
    '  npm run user -- create --email you@example.eu --role secretariat',
    'Then sign in at /sign-in. `npm run user -- --help` lists every account command.',
  ].join('\n');
}
