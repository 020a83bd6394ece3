import { h, uniqueId } from './dom';
import { t } from '../i18n/i18n';

/** A labelled group of radio buttons (count/rate, linear/log ...). */
export function radioGroup<T extends string>(options: {
  legend: string;
  name: string;
  choices: { value: T; label: string }[];
  selected: T;
  onChange: (value: T) => void;
}): HTMLElement {
  const inputs = options.choices.map((choice) => {
    const id = uniqueId(options.name);
    const input = h('input', {
      type: 'radio',
      id,
      name: uniqueId(options.name),
      value: choice.value,
      checked: choice.value === options.selected,
    });
    input.addEventListener('change', () => input.checked && options.onChange(choice.value));
    return h('span', { class: 'radio' }, input, h('label', { for: id, text: choice.label }));
  });
  const group = h('fieldset', { class: 'field radios' }, h('legend', { text: options.legend }), ...inputs);
  // One name for the whole group so arrow keys move between the radios.
  const shared = uniqueId(options.name);
  for (const input of group.querySelectorAll('input')) input.name = shared;
  return group;
}

/** A labelled select. */
export function selectField(options: {
  label: string;
  choices: { value: string; label: string }[];
  selected: string;
  onChange: (value: string) => void;
}): HTMLElement {
  const id = uniqueId('select');
  const select = h(
    'select',
    { id },
    ...options.choices.map((c) =>
      h('option', { value: c.value, selected: c.value === options.selected, text: c.label }),
    ),
  );
  select.addEventListener('change', () => options.onChange(select.value));
  return h('div', { class: 'field' }, h('label', { for: id, text: options.label }), select);
}

export interface YearSlider {
  element: HTMLElement;
  set: (year: number) => void;
  stop: () => void;
}

/** A year slider with a play button that steps through the years (and stops at the last). */
export function yearSlider(options: {
  years: number[];
  selected: number;
  onChange: (year: number, playing: boolean) => void;
}): YearSlider {
  const id = uniqueId('year');
  const years = options.years;
  const input = h('input', {
    id,
    type: 'range',
    min: 0,
    max: Math.max(0, years.length - 1),
    step: 1,
    value: Math.max(0, years.indexOf(options.selected)),
  });
  const output = h('output', { for: id, class: 'year-value', text: String(options.selected) });
  const play = h('button', { type: 'button', class: 'play', 'aria-pressed': 'false', text: t('component.play') });
  let timer: ReturnType<typeof setInterval> | null = null;
  const yearAt = () => years[Number(input.value)] ?? options.selected;
  const show = () => {
    output.textContent = String(yearAt());
    input.setAttribute('aria-valuetext', String(yearAt()));
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    play.textContent = t('component.play');
    play.setAttribute('aria-pressed', 'false');
  };
  input.addEventListener('input', () => {
    show();
    options.onChange(yearAt(), false);
  });
  play.addEventListener('click', () => {
    if (timer) return stop();
    if (Number(input.value) >= years.length - 1) input.value = '0';
    play.textContent = t('component.pause');
    play.setAttribute('aria-pressed', 'true');
    show();
    options.onChange(yearAt(), true);
    timer = setInterval(() => {
      if (Number(input.value) >= years.length - 1) return stop();
      input.value = String(Number(input.value) + 1);
      show();
      options.onChange(yearAt(), true);
    }, 900);
  });
  show();
  return {
    element: h(
      'div',
      { class: 'field year-slider' },
      h('label', { for: id, text: t('component.year') }),
      h('div', { class: 'inline' }, input, output, play),
    ),
    set: (year) => {
      const index = years.indexOf(year);
      if (index >= 0) input.value = String(index);
      show();
    },
    stop,
  };
}
