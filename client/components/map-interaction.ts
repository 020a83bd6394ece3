/**
 * Pointer and keyboard behaviour of a choropleth: a tooltip follows the pointer or the focused
 * geo, Escape hides it, and a click, Enter or Space opens the geo.
 */
export function attachMapInteraction(
  area: HTMLElement,
  tooltip: HTMLElement,
  handlers: { describe: (geo: string) => HTMLElement | null; open: (geo: string) => void },
): void {
  const geoOf = (event: Event) => (event.target as Element).closest?.('[data-geo]') ?? null;
  const show = (target: Element, clientX: number, clientY: number) => {
    const content = handlers.describe(target.getAttribute('data-geo') ?? '');
    if (!content) return;
    const box = area.getBoundingClientRect();
    tooltip.replaceChildren(content);
    tooltip.hidden = false;
    tooltip.style.left = `${Math.max(0, clientX - box.left + 12)}px`;
    tooltip.style.top = `${Math.max(0, clientY - box.top + 12)}px`;
  };
  const hide = () => (tooltip.hidden = true);
  area.addEventListener('pointermove', (event) => {
    const geo = geoOf(event);
    if (geo) show(geo, event.clientX, event.clientY);
    else hide();
  });
  area.addEventListener('pointerleave', hide);
  area.addEventListener('focusin', (event) => {
    const geo = geoOf(event);
    if (!geo) return;
    const box = geo.getBoundingClientRect();
    show(geo, box.left + box.width / 2, box.top + box.height / 2);
  });
  area.addEventListener('focusout', hide);
  const open = (event: Event) => {
    const geo = geoOf(event)?.getAttribute('data-geo');
    if (geo) handlers.open(geo);
  };
  area.addEventListener('click', open);
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(event);
    }
    if (event.key === 'Escape') hide();
  });
}
