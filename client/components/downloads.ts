import { t } from '../i18n/i18n';

/** Client-side downloads of what a chart shows: CSV of its table, its SVG, and a PNG rendering. */

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveCsv(csv: string, fileName: string): void {
  saveBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), fileName);
}

const XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A chart as drawn on screen, without its interaction-only parts (the hidden crosshair), and its size. */
export function chartSvg(svg: SVGSVGElement): { svg: string; width: number; height: number } {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const node of copy.querySelectorAll('[visibility="hidden"]')) node.remove();
  const box = svg.viewBox.baseVal;
  return {
    svg: new XMLSerializer().serializeToString(copy),
    width: box?.width || svg.clientWidth || 640,
    height: box?.height || svg.clientHeight || 400,
  };
}

export function saveSvg(svg: string, fileName: string): void {
  saveBlob(new Blob([XML_PROLOG + svg], { type: 'image/svg+xml' }), fileName);
}

/** Draws an SVG document on a white canvas at twice its size. */
export async function savePng(svg: string, size: { width: number; height: number }, fileName: string): Promise<void> {
  const { width, height } = size;
  const url = URL.createObjectURL(new Blob([XML_PROLOG + svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.width = width;
    image.height = height;
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error(t('component.png-draw-failed')));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error(t('component.png-encode-failed'));
    saveBlob(blob, fileName);
  } finally {
    URL.revokeObjectURL(url);
  }
}
