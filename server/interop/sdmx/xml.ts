import { randomUUID } from 'node:crypto';
import { AGENCY } from './artefacts';

export const NS = {
  message: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message',
  structure: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure',
  common: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common',
  generic: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/generic',
  structureSpecific: 'http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text and attribute values escaped; characters XML 1.0 forbids are dropped rather than sent. */
export function esc(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern removes or escapes
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function name(text: string, element = 'com:Name'): string {
  return `<${element} xml:lang="en">${esc(text)}</${element}>`;
}

/** The message header every SDMX-ML message starts with; `structure` adds the data messages' part. */
export function header(prepared: string, structure = ''): string {
  return (
    `<mes:Header><mes:ID>IREF-${randomUUID()}</mes:ID><mes:Test>false</mes:Test>` +
    `<mes:Prepared>${prepared}</mes:Prepared>` +
    `<mes:Sender id="${AGENCY}"/>${structure}</mes:Header>`
  );
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
