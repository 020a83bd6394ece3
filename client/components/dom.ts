/** Small element builder: text always goes through textContent, never innerHTML. */

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tagName: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tagName);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') element.className = String(value);
    else if (key === 'text') element.textContent = String(value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's content with SVG text built by a chart module (the charts escape all text). */
export function setSvg(target: Element, svg: string): void {
  target.innerHTML = svg;
}

let uniqueCounter = 0;
export function uniqueId(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = message;
}

export function errorBox(message: string): HTMLElement {
  return h('p', { class: 'error', role: 'alert', text: message });
}

/** Keeps keyboard focus on the "same" control when a view re-renders its controls. */
export function focusKey(element: Element | null): string | null {
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  const label =
    (element as HTMLInputElement).labels?.[0]?.textContent ??
    element.getAttribute('aria-label') ??
    element.textContent ??
    '';
  return `${element.tagName}|${element.getAttribute('type') ?? ''}|${label.trim()}|${(element as HTMLInputElement).value ?? ''}`;
}

export function restoreFocus(container: HTMLElement, key: string | null): void {
  if (!key) return;
  for (const candidate of container.querySelectorAll<HTMLElement>('input, select, button, a[href], [tabindex]')) {
    if (focusKey(candidate) === key) {
      candidate.focus();
      return;
    }
  }
}
