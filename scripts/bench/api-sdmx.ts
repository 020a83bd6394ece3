import { readFileSync } from 'node:fs';
import type { BenchCatalogue } from './api-database';

/**
 * The interoperability part of bench:api: an SDMX-CSV series query (one indicator, one geo, every
 * year: the shape of a trend) and a JSON-stat query (one indicator, one year, a group's members: the
 * shape of a comparison), and one SDMX-ML answer of 1,000,000 observations streamed.
 */
function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

export function sdmxPaths(catalogue: BenchCatalogue) {
  const flow = '/sdmx/2.1/data/CPO,CRIME,1.0';
  return {
    sdmxCsv: () => `${flow}/A.${pick(catalogue.indicators)}.${pick(catalogue.geos)}/all/?format=csv`,
    jsonStat: () => {
      const period = pick(catalogue.periods);
      const key = `A.${pick(catalogue.indicators)}.${catalogue.groupMembers.join('+')}`;
      return `${flow}/${key}/all/?startPeriod=${period}&endPeriod=${period}&format=jsonstat`;
    },
    /** 100 indicators × 400 geos × 25 years = 1,000,000 observations. */
    million: `${flow}/A.${catalogue.indicators.slice(0, 100).join('+')}./all/`,
  };
}

/**
 * RSS counts the database file's pages that SQLite reads through mmap (RssFile: shared, evictable);
 * RssAnon is the process's own memory (JS heap, buffers), which holding an answer would grow.
 */
function memoryOf(pid: number): { rss: number; peak: number; anon: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, peak: kb('VmHWM') * 1024, anon: kb('RssAnon') * 1024 };
}

/**
 * Streams the million-observation SDMX-ML answer from a one-process server, counting what arrives
 * without keeping it, and samples the server's resident memory meanwhile. VmHWM is the peak RSS.
 */
export async function measureStream(base: string, pid: number, path: string) {
  const before = memoryOf(pid);
  let sampledPeak = before.rss;
  let anonPeak = before.anon;
  const sampler = setInterval(() => {
    const now = memoryOf(pid);
    sampledPeak = Math.max(sampledPeak, now.rss);
    anonPeak = Math.max(anonPeak, now.anon);
  }, 50);
  const started = performance.now();
  const res = await fetch(`${base}${path}`);
  let bytes = 0;
  let observations = 0;
  let tail = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body!) {
    bytes += chunk.length;
    const text = tail + decoder.decode(chunk, { stream: true });
    observations += text.split('</generic:Obs>').length - 1;
    tail = text.slice(-20);
    if (tail.includes('</generic:Obs>')) tail = tail.slice(tail.lastIndexOf('</generic:Obs>') + 1);
  }
  clearInterval(sampler);
  const after = memoryOf(pid);
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes,
    observations,
    seconds: (performance.now() - started) / 1000,
    before,
    after,
    sampledPeak,
    anonPeak,
  };
}
