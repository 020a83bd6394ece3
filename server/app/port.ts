import { createServer } from 'node:net';

/** Exit code of a worker that could not listen: the primary stops instead of replacing it. */
export const EXIT_CANNOT_LISTEN = 78;

/** A reason the server cannot start that the operator can fix; main.ts prints its message alone. */
export class StartError extends Error {
  override name = 'StartError';
}

export function portInUse(port: number, host: string): StartError {
  return new StartError(
    `Port ${port} on ${host} is already in use. Stop the other server, or set PORT to a free port (e.g. PORT=3001).`,
  );
}

/** Listening errors as the operator should read them. */
export function listenError(
  error: NodeJS.ErrnoException,
  port: number,
  host: string,
): StartError | NodeJS.ErrnoException {
  if (error.code === 'EADDRINUSE') return portInUse(port, host);
  if (error.code === 'EACCES')
    return new StartError(`Port ${port} on ${host} needs privileges this process lacks. Set PORT above 1023.`);
  if (error.code === 'EADDRNOTAVAIL') return new StartError(`HOST=${host} is not an address of this machine.`);
  return error;
}

/** Checked before migrating and seeding, so a busy port is reported at once rather than after the seed. */
export function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port, host)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
