import { h } from './dom';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value shown; numbers sort numerically. */
  value: (row: Row) => string | number | null;
  format?: (row: Row) => string;
  numeric?: boolean;
  /** Renders the cell's content as a node (a link, a badge). */
  cell?: (row: Row) => Node;
}

export interface TableSpec<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  sortBy?: string;
  descending?: boolean;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

export function sortRows<Row>(rows: Row[], column: Column<Row>, descending: boolean): Row[] {
  return [...rows].sort((x, y) => {
    const order = compare(column.value(x), column.value(y));
    const nullLast = column.value(x) === null || column.value(y) === null;
    return descending && !nullLast ? -order : order;
  });
}

/** An accessible sortable table: header buttons toggle the order and aria-sort tells screen readers. */
export function sortableTable<Row>(spec: TableSpec<Row>): HTMLElement {
  const wrapper = h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': spec.caption });
  let sortKey = spec.sortBy ?? spec.columns[0]?.key ?? '';
  let descending = spec.descending ?? false;
  const draw = () => {
    const column = spec.columns.find((c) => c.key === sortKey) ?? spec.columns[0]!;
    const head = h(
      'tr',
      {},
      ...spec.columns.map((c) => {
        const sorted = c.key === sortKey;
        const button = h(
          'button',
          { type: 'button', class: 'sort', 'data-key': c.key },
          c.label,
          h('span', { 'aria-hidden': 'true', text: sorted ? (descending ? ' ▼' : ' ▲') : ' ⇅' }),
        );
        button.addEventListener('click', () => {
          descending = sortKey === c.key ? !descending : c.numeric === true;
          sortKey = c.key;
          draw();
          (wrapper.querySelector(`button[data-key="${c.key}"]`) as HTMLElement | null)?.focus();
        });
        return h(
          'th',
          {
            scope: 'col',
            class: c.numeric ? 'num' : null,
            'aria-sort': sorted ? (descending ? 'descending' : 'ascending') : null,
          },
          button,
        );
      }),
    );
    const body = sortRows(spec.rows, column, descending).map((row) =>
      h(
        'tr',
        {},
        ...spec.columns.map((c, i) => {
          const content = c.cell ? c.cell(row) : c.format ? c.format(row) : String(c.value(row) ?? '—');
          return i === 0 ? h('th', { scope: 'row' }, content) : h('td', { class: c.numeric ? 'num' : null }, content);
        }),
      ),
    );
    wrapper.replaceChildren(
      h('table', {}, h('caption', { text: spec.caption }), h('thead', {}, head), h('tbody', {}, ...body)),
    );
  };
  draw();
  return wrapper;
}

/** The rows of a table spec as CSV text (what the Table tab shows, in its order). */
export function tableCsv<Row>(spec: TableSpec<Row>): string {
  const quote = (text: string) => {
    const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [spec.columns.map((c) => quote(c.label)).join(',')];
  for (const row of spec.rows) lines.push(spec.columns.map((c) => quote(String(c.value(row) ?? ''))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
