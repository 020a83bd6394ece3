import Papa from 'papaparse';

export interface WorldBankCell {
  iso3: string;
  period: string;
  value: number;
}

/** Reads a World Bank WDI bulk CSV: preamble lines, then "Country Name","Country Code",...,"1960",... */
export function readWorldBankCsv(text: string): WorldBankCell[] {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const headerAt = rows.findIndex((r) => r[0] === 'Country Name');
  if (headerAt < 0) throw new Error('World Bank CSV: no "Country Name" header row');
  const header = rows[headerAt]!;
  const cells: WorldBankCell[] = [];
  for (const row of rows.slice(headerAt + 1)) {
    header.forEach((col, i) => {
      if (!/^\d{4}$/.test(col) || !row[i]) return;
      cells.push({ iso3: row[1]!, period: col, value: Number(row[i]) });
    });
  }
  return cells;
}
