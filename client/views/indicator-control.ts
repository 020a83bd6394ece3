import { indicatorPicker } from '../components/indicator-picker';
import type { ViewContext } from './view-context';
import { type Catalogue, hasSource } from './view-parts';

/** The indicator picker of the chart views: the indicators with data, grouped by theme; a choice navigates. */
export function chartableIndicatorPicker(catalogue: Catalogue, selected: string, context: ViewContext): HTMLElement {
  return indicatorPicker({
    indicators: catalogue.indicators,
    themes: catalogue.themes,
    selected,
    filter: hasSource,
    onChange: (code) => context.navigate({ indicator: code }),
  });
}
