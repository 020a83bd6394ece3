import { describe, expect, it } from 'vitest';
import { renderLineChart, segments, type TrendSeries } from '../../client/charts/line-chart';
import { renderRangeStrip } from '../../client/charts/range-strip';
import { filterAlerts } from '../../client/views/alerts/state';
import type { Alert } from '../../server/shared/api/analytics';

describe('range strip of an alert', () => {
  it('draws the expected range, its centre, the year before and the alert year on one scale', async () => {
    // SE robbery 2021: 8,812 → 7,301 against 8,728–9,314 (the quasi-Poisson range of 2014–2020).
    const svg = renderRangeStrip(
      {
        lower: 8728.2,
        upper: 9313.7,
        fitted: 9020.9,
        previous: 8812,
        value: 7301,
        previousLabel: '2020',
        valueLabel: '2021',
      },
      { title: 'Robbery, Sweden: 2021 against the expected range' },
    );
    expect(svg).toContain('<desc>Expected 8728.2–9313.7; 2020 8812; 2021 7301.</desc>');
    expect((svg.match(/<circle/g) ?? []).length).toBe(2);
    await expect(svg).toMatchFileSnapshot('__snapshots__/range-strip.svg');
  });
});

describe('line chart breaks with a reason', () => {
  const eu: TrendSeries = {
    geo: 'EU27_2020',
    label: 'EU27',
    aggregate: true,
    points: [
      { year: 2018, value: 30.1, flags: '' },
      { year: 2019, value: 29.5, flags: '' },
      { year: 2020, value: 24.2, flags: 'd', breakReason: 'population source changes' },
      { year: 2021, value: 23.9, flags: 'd' },
    ],
  };

  it('starts a new piece at a stated reason and shows the reason at that point', async () => {
    expect(segments(eu.points).map((run) => run.map((p) => p.year))).toEqual([
      [2018, 2019],
      [2020, 2021],
    ]);
    const svg = renderLineChart([eu], { title: 'Robbery per 100k', yLabel: 'per 100,000' });
    expect(svg).toContain(
      '<g class="break-marker" data-year="2020"><title>Break before 2020: EU27: population source changes</title>',
    );
    await expect(svg).toMatchFileSnapshot('__snapshots__/line-chart-break-reason.svg');
  });
});

describe('line chart gaps', () => {
  it('never joins two values across a year that is absent from the points', () => {
    const points = [
      { year: 2015, value: 1, flags: '' },
      { year: 2016, value: 2, flags: '' },
      { year: 2018, value: 3, flags: '' },
    ];
    expect(segments(points).map((run) => run.map((p) => p.year))).toEqual([[2015, 2016], [2018]]);
  });
});

describe('alert filters', () => {
  const alert = (indicator: string, geo: string, theme: string, strength: Alert['strength']) =>
    ({ indicator, geo, theme, strength }) as Alert;
  const alerts = [
    alert('ICCS0401', 'SE', 'violent_crime', 'very strong'),
    alert('ICCS0701', 'IE', 'economic_crime', 'strong'),
    alert('ICCS0601', 'MT', 'drugs', 'moderate'),
  ];

  it('filter by theme, indicator, country and strength (at least), keeping the order', () => {
    expect(filterAlerts(alerts, { theme: '', indicator: '', geo: '', strength: '' })).toHaveLength(3);
    expect(filterAlerts(alerts, { theme: 'drugs', indicator: '', geo: '', strength: '' }).map((a) => a.geo)).toEqual([
      'MT',
    ]);
    expect(filterAlerts(alerts, { theme: '', indicator: 'ICCS0701', geo: '', strength: '' }).map((a) => a.geo)).toEqual(
      ['IE'],
    );
    expect(filterAlerts(alerts, { theme: '', indicator: '', geo: 'SE', strength: '' }).map((a) => a.geo)).toEqual([
      'SE',
    ]);
    expect(filterAlerts(alerts, { theme: '', indicator: '', geo: '', strength: 'strong' }).map((a) => a.geo)).toEqual([
      'SE',
      'IE',
    ]);
  });
});
