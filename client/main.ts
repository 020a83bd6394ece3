import type { IndicatorRow } from '../server/indicators/indicator.table';

async function showCatalogue(target: HTMLElement): Promise<void> {
  const response = await fetch('/api/indicators');
  const { data } = (await response.json()) as { data: IndicatorRow[] };
  const table = document.createElement('table');
  table.innerHTML = '<caption>Indicators in the common core set</caption><thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Unit</th><th scope="col">Theme</th></tr></thead>';
  const body = table.createTBody();
  for (const indicator of data) {
    const row = body.insertRow();
    for (const text of [indicator.code, indicator.name, indicator.unit, indicator.theme]) row.insertCell().textContent = text;
  }
  target.replaceChildren(table);
}

const target = document.getElementById('catalogue');
if (target) showCatalogue(target).catch(() => (target.textContent = 'The indicator catalogue could not be loaded.'));
