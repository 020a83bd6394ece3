import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { segments, type TrendPoint } from './line-chart';
import { CATEGORICAL } from './palette';
import { roundPath, svgDocument, tag } from './svg';

/** A word-sized trend: breaks in series still split the line. */
export function renderSparkline(
  points: TrendPoint[],
  options: { title: string; width?: number; height?: number },
): string {
  const width = options.width ?? 120;
  const height = options.height ?? 28;
  const runs = segments(points);
  const shown = runs.flat();
  const [x0 = 0, x1 = 1] = extent(shown, (p) => p.year);
  const [y0 = 0, y1 = 1] = extent(shown, (p) => p.value!);
  const x = scaleLinear()
    .domain([x0, x1 === x0 ? x0 + 1 : x1])
    .range([3, width - 3]);
  const y = scaleLinear()
    .domain([y0, y1 === y0 ? y0 + 1 : y1])
    .range([height - 3, 3]);
  const draw = line<TrendPoint>()
    .x((p) => x(p.year))
    .y((p) => y(p.value!));
  const last = shown.at(-1);
  const body =
    runs
      .map((run) => tag('path', { d: roundPath(draw(run)), fill: 'none', stroke: CATEGORICAL[0], 'stroke-width': 1.5 }))
      .join('') + (last ? tag('circle', { cx: x(last.year), cy: y(last.value!), r: 2.5, fill: CATEGORICAL[1] }) : '');
  return svgDocument({ width, height }, { title: options.title, className: 'chart sparkline' }, body);
}
