import pg from 'pg';

/** A throwaway database on the server DATABASE_URL points at, dropped after the run. */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_ingest_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      // Not WITH (FORCE): that also tries to terminate autovacuum workers analysing the new tables,
      // which only a superuser may. A plain DROP cancels autovacuum itself; the pipeline's own
      // connections are closed by now.
      await client.query(`drop database if exists ${name}`);
      await client.end();
    },
  };
}
