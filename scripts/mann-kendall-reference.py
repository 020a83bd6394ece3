"""SciPy reference values of the Mann-Kendall test for every real count series (test/analytics/fixtures).

Reads ../shared/data/eurostat-crim_off_cat/estat_crim_off_cat.tsv; for each offence x geo series with at
least 3 values, in year order, computes S, Var(S) with the tie correction, Z with continuity correction
and the two-sided p = 2 * scipy.stats.norm.sf(|Z|), plus the Theil-Sen slope (scipy.stats.theilslopes).
The test compares the observatory's statistics with these to 1e-9.

Run: python3 scripts/mann-kendall-reference.py  (needs scipy; written with scipy 1.17.1)
"""
import json
import math
import os
from collections import Counter

import scipy
from scipy.stats import norm, theilslopes

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'eurostat-crim_off_cat', 'estat_crim_off_cat.tsv')
if not os.path.exists(SOURCE):
    SOURCE = os.path.join(HERE, '..', '..', 'shared', 'data', 'eurostat-crim_off_cat', 'estat_crim_off_cat.tsv')
TARGET = os.path.join(HERE, '..', 'test', 'analytics', 'fixtures', 'mann-kendall-scipy.json')


def mann_kendall(ys):
    n = len(ys)
    s = sum((ys[j] > ys[i]) - (ys[j] < ys[i]) for i in range(n - 1) for j in range(i + 1, n))
    ties = sum(t * (t - 1) * (2 * t + 5) for t in Counter(ys).values() if t > 1)
    variance = (n * (n - 1) * (2 * n + 5) - ties) / 18
    z = (s - (s > 0) + (s < 0)) / math.sqrt(variance) if variance > 0 else 0.0
    p = min(1.0, 2 * norm.sf(abs(z))) if variance > 0 else 1.0
    return s, variance, z, p


def main():
    with open(SOURCE, encoding='utf-8') as f:
        header, *lines = f.read().strip().split('\n')
    years = [y.strip() for y in header.split('\t')[1:]]
    series = []
    for line in lines:
        key, *cells = line.split('\t')
        dims = key.split(',')
        points = []
        for year, raw in zip(years, cells):
            number = raw.strip().split(' ')[0]
            if number not in ('', ':'):
                points.append((int(year), float(number)))
        if len(points) < 3:
            continue
        xs = [x for x, _ in points]
        ys = [y for _, y in points]
        s, variance, z, p = mann_kendall(ys)
        # The counts themselves stay in ../shared/data: the test reads them there.
        series.append({'iccs': dims[1], 'geo': dims[3], 'n': len(ys), 's': s,
                       'variance': variance, 'z': z, 'p': p, 'theilSen': theilslopes(ys, xs)[0]})
    with open(TARGET, 'w', encoding='utf-8') as f:
        json.dump({'scipy': scipy.__version__, 'source': 'eurostat crim_off_cat, unit NR', 'series': series}, f)
        f.write('\n')
    print(f'{len(series)} series written to {os.path.relpath(TARGET)}')


if __name__ == '__main__':
    main()
