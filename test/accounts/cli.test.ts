import { describe, expect, it } from 'vitest';
import { runUserCommand } from '../../server/accounts/user.cli';
import { verifyPassword } from '../../server/accounts/password';
import { useSeededApp } from '../helpers/context';

const ctx = useSeededApp();

async function run(
  args: string,
  env: NodeJS.ProcessEnv = {},
  askPassword?: (prompt: string) => Promise<string>,
): Promise<string[]> {
  const lines: string[] = [];
  await runUserCommand(ctx.db, args.split(' '), { env, askPassword, print: (line) => lines.push(line) });
  return lines;
}

const user = (email: string) =>
  ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

describe('npm run user', () => {
  it('creates the first secretariat with the password from OBSERVATORY_PASSWORD', async () => {
    const out = await run('create --email Admin@Observatory.eu --role secretariat', {
      OBSERVATORY_PASSWORD: 'first admin passphrase',
    });
    expect(out[0]).toMatch(/^Created secretariat admin@observatory\.eu \(user \d+\)\.$/);
    expect(await verifyPassword('first admin passphrase', (await user('admin@observatory.eu')).password_hash)).toBe(
      true,
    );
    const audit = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'system', actor_via: 'system', ip: 'cli' });
  });

  it('asks twice on a terminal and refuses when the answers differ', async () => {
    const answers = ['terminal passphrase', 'terminal passphrase typo'];
    await expect(
      run('create --email cp@politie.nl --role contact_point --geo NL', {}, async () => answers.shift()!),
    ).rejects.toThrow('differ');
    const same = ['terminal passphrase', 'terminal passphrase'];
    await run('create --email cp@politie.nl --role contact_point --geo nl,BE', {}, async () => same.shift()!);
    expect((await user('cp@politie.nl')).geos).toBe('BE,NL');
  });

  it('never creates an account without a password or a link: no terminal and no variable is an error', async () => {
    await expect(run('create --email nopass@observatory.eu --role curator')).rejects.toThrow('OBSERVATORY_PASSWORD');
    await expect(
      run('create --email weak@observatory.eu --role curator', { OBSERVATORY_PASSWORD: 'short' }),
    ).rejects.toThrow('at least 12');
    await expect(
      run('create --email x@observatory.eu --role wizard', { OBSERVATORY_PASSWORD: 'long enough words' }),
    ).rejects.toThrow('--role');
    const rows = await ctx.db
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['nopass@observatory.eu', 'weak@observatory.eu', 'x@observatory.eu'])
      .execute();
    expect(rows).toEqual([]);
  });

  it('prints an expiring one-time reset link, lists accounts and disables one', async () => {
    const [, link] = await run('reset-link --email cp@politie.nl --hours 2');
    expect(link).toMatch(/^http:\/\/localhost:3000\/reset-password#token=[\w-]{43}$/);
    const reset = await ctx.db
      .selectFrom('password_resets')
      .selectAll()
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Date.parse(reset.expires_at) - Date.parse(reset.created_at)).toBe(2 * 3_600_000);
    await run('disable --email cp@politie.nl');
    const list = await run('list');
    expect(list).toEqual([
      expect.stringMatching(/\tadmin@observatory\.eu\tsecretariat\t-\tactive$/),
      expect.stringMatching(/\tcp@politie\.nl\tcontact_point\tBE,NL\tdisabled$/),
    ]);
    await expect(run('disable --email nobody@observatory.eu')).rejects.toThrow('no account');
  });

  it('creates an account without a password when asked for a link', async () => {
    const out = await run('create --email curator@observatory.eu --role curator --link');
    expect(out[2]).toContain('/reset-password#token=');
    expect((await user('curator@observatory.eu')).password_hash).toBeNull();
  });
});

describe('npm run user -- --help', () => {
  it.each([['--help'], ['-h'], ['help'], ['']])('prints the usage for "%s" instead of a parse error', async (args) => {
    const out = await run(args === '' ? '' : args);
    expect(out.join('\n')).toMatch(/^Usage: npm run user -- <command> \[options\]/);
    expect(out.join('\n')).toContain('reset-link --email E');
  });

  it('names an unknown option and shows the usage, without node internals', async () => {
    const error = await run('create --mail a@b.eu').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/Unknown option '--mail'\.\nUsage: npm run user/);
    expect((error as Error).message).not.toMatch(/ERR_PARSE_ARGS|To specify a positional/);
  });
});
