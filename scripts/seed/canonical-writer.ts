export interface SeedCell {
  geo: string;
  indicator: string;
  period: string;
  value: number;
  flags: string;
  note: string;
}

function quote(field: string): string {
  return /[",\n\r]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toCanonicalCsv(cells: SeedCell[]): string {
  const sorted = [...cells].sort((a, b) => a.indicator.localeCompare(b.indicator) || a.period.localeCompare(b.period));
  const lines = ['geo,indicator,period,value,flags,note'];
  for (const c of sorted) {
    lines.push([c.geo, c.indicator, c.period, String(c.value), c.flags, c.note].map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}
