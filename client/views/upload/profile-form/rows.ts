import { h } from '../../../components/dom';

/**
 * A list of repeated rows (mappings, filters) with "add" and per-row "remove" buttons. Each row is a
 * fieldset whose legend numbers it, so a screen reader says which mapping a control belongs to.
 */
export interface RowList<Row> {
  element: HTMLElement;
  rows(): Row[];
  /** Replaces the rows; `fill` puts one saved entry's values into a new row. */
  reset<Entry>(entries: Entry[], fill: (row: Row, entry: Entry) => void): void;
  add(): Row;
}

export function rowList<Row extends { element: HTMLElement }>(options: {
  legend: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  make: () => Row;
  changed: () => void;
}): RowList<Row> {
  const rows: Row[] = [];
  const list = h('div', { class: 'profile-rows' });
  const renumber = () =>
    rows.forEach((row, i) => {
      const set = row.element.parentElement as HTMLFieldSetElement;
      set.querySelector('legend')!.textContent = options.legend(i + 1);
      set.querySelector<HTMLButtonElement>('button.remove-row')!.textContent = options.removeLabel(i + 1);
    });
  const add = (): Row => {
    const row = options.make();
    const remove = h('button', { type: 'button', class: 'remove-row' });
    const set = h('fieldset', { class: 'profile-row' }, h('legend'), row.element, remove);
    remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      set.remove();
      renumber();
      options.changed();
    });
    rows.push(row);
    list.append(set);
    renumber();
    return row;
  };
  const addButton = h('button', { type: 'button', text: options.addLabel });
  addButton.addEventListener('click', () => {
    const row = add();
    row.element.querySelector<HTMLElement>('input, select, textarea')?.focus();
  });
  return {
    element: h('div', {}, list, addButton),
    rows: () => [...rows],
    add,
    reset: (entries, fill) => {
      rows.splice(0);
      list.replaceChildren();
      for (const entry of entries) fill(add(), entry);
    },
  };
}
