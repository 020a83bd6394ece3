import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app/compose';
import type { Db } from '../../server/db/database';

/** The app on a real port of 127.0.0.1, for clients that make their own HTTP requests. */
export async function listening(db: Db): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = createApp({ db, clientDir: '/nonexistent' }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
