import { frequencyOf } from './series-block';
import { jsonStatDataset, type JsonStatDataset } from './jsonstat';
import type { SeriesBlock } from './series-block';
import type { CompareResponse, Denominator, Measure, TrendResponse, VersionMeta } from '../shared/api/analytics';
import type { ObservationsAnswer } from '../shared/api/observations';
import type { Catalogue } from './catalogue';
import { PER_100K_UNIT } from './rate';

/** A cell of a table-like answer: what becomes one JSON-stat value and its status. */
interface AnswerCell {
  indicator: string;
  geo: string;
  period: string;
  value: number | null;
  flags: string;
  unit: string;
  denominator: Denominator | null;
}

interface AnswerContext {
  label: string;
  measure: Measure;
  meta: VersionMeta;
  extension?: Record<string, unknown>;
}

/**
 * The cells of an answer as one JSON-stat dataset, through the same writer as the SDMX data endpoint's
 * JSON-stat: rates say "per 100,000 inhabitants" as their unit and carry the population used in `extension`.
 */
function answerDataset(cells: AnswerCell[], context: AnswerContext, catalogue: Catalogue): JsonStatDataset {
  const series = new Map<string, SeriesBlock>();
  for (const cell of cells) {
    const key = `${cell.indicator}|${cell.geo}`;
    let block = series.get(key);
    if (!block) {
      block = {
        freq: frequencyOf(cell.period),
        indicator: cell.indicator,
        geo: cell.geo,
        unit: cell.unit,
        observations: [],
      };
      series.set(key, block);
    }
    block.observations.push({ period: cell.period, value: cell.value, flags: cell.flags });
  }
  const rate = context.measure === 'rate';
  const unitLabels = Object.fromEntries(
    cells.filter((c) => c.unit === PER_100K_UNIT).map((c) => [c.indicator, 'Per 100,000 inhabitants']),
  );
  const population = rate
    ? cells.filter((c) => c.denominator).map((c) => ({ ...c.denominator!, for: { geo: c.geo, period: c.period } }))
    : undefined;
  return jsonStatDataset([...series.values()], {
    catalogue,
    label: context.label,
    dataVersion: context.meta.dataVersion,
    asOf: context.meta.asOf,
    unitLabels,
    extension: { measure: context.measure, ...(population ? { population } : {}), ...context.extension },
  });
}

export function observationsJsonStat(answer: ObservationsAnswer, catalogue: Catalogue): JsonStatDataset {
  return answerDataset(
    answer.data,
    { label: `Observations (${answer.measure})`, measure: answer.measure, meta: answer.meta },
    catalogue,
  );
}

export function compareJsonStat(answer: CompareResponse, catalogue: Catalogue): JsonStatDataset {
  const { indicator } = answer;
  const cells = answer.rows.map((r) => ({ ...r, indicator: indicator.code, unit: indicator.measureUnit }));
  return answerDataset(
    cells,
    {
      label: `${indicator.name}: members of ${answer.group}, ${answer.period} (${answer.measure})`,
      measure: answer.measure,
      meta: answer.meta,
      extension: { group: answer.group, aggregate: answer.aggregate, warnings: answer.warnings },
    },
    catalogue,
  );
}

export function trendJsonStat(answer: TrendResponse, catalogue: Catalogue): JsonStatDataset {
  const { indicator } = answer;
  const cells = answer.points.map((p) => ({
    ...p,
    indicator: indicator.code,
    geo: answer.geo,
    unit: indicator.measureUnit,
  }));
  return answerDataset(
    cells,
    {
      label: `${indicator.name}: ${answer.geo} (${answer.measure})`,
      measure: answer.measure,
      meta: answer.meta,
      extension: { segments: answer.segments, breaks: answer.breaks },
    },
    catalogue,
  );
}
