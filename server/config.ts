import { availableParallelism } from 'node:os';
import { z } from 'zod';

/** Server processes by default: one per core, at most four (each keeps its own caches). */
export const DEFAULT_WORKERS = Math.min(availableParallelism(), 4);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().min(1).default('./var/observatory.sqlite'),
  /** Server processes sharing the port (node:cluster); 1 runs the server in this process. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(DEFAULT_WORKERS),
});

export type Config = z.infer<typeof Env>;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
