import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** zod methods whose last argument may be a message a person reads (and ctx.addIssue's `message`). */
const CHECK = /\.(min|max|length|regex|refine|email|url|int|gte|lte|gt|lt|string|enum|addIssue)\(/g;

export interface SchemaMessage {
  file: string;
  /** The message as the schema writes it; a template's `${what}` reads `{what}`. */
  text: string;
}

/** The end of a quoted string or template starting at `start`, and its text (`${x}` as `{x}`). */
function readQuoted(source: string, start: number): { end: number; text: string } {
  const quote = source[start]!;
  let text = '';
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\') {
      text += source[i + 1];
      i += 2;
    } else if (quote === '`' && source.startsWith('${', i)) {
      const close = source.indexOf('}', i);
      text += `{${source.slice(i + 2, close).replace(/\W/g, '')}}`;
      i = close + 1;
    } else text += source[i++];
  }
  return { end: i + 1, text };
}

/** The top-level arguments of the call whose "(" is at `open`, as source slices. */
function callArguments(source: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = open + 1;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === "'" || c === '"' || c === '`') {
      i = readQuoted(source, i).end - 1;
    } else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      depth--;
      if (depth === 0) {
        args.push(source.slice(from, i));
        return args;
      }
    } else if (c === ',' && depth === 1) {
      args.push(source.slice(from, i));
      from = i + 1;
    }
  }
  return args;
}

function messageOf(argument: string): string | null {
  const trimmed = argument.trim();
  if (/^['"`]/.test(trimmed)) {
    const quoted = readQuoted(trimmed, 0);
    return quoted.end === trimmed.length ? quoted.text : null;
  }
  const property = /(?:^|[\s{,])(?:message|error):\s*(['"`])/.exec(trimmed);
  return property ? readQuoted(trimmed, property.index + property[0].length - 1).text : null;
}

/** Every custom message written in a zod schema or issue in the server's code (migrations aside). */
export function schemaMessages(root: string): SchemaMessage[] {
  const found: SchemaMessage[] = [];
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return name === 'migrations' ? [] : files(full);
      // Configuration is read by the operator's shell, not answered to a request: it stays English.
      return name.endsWith('.ts') && !full.includes(`${path.sep}config${path.sep}`) ? [full] : [];
    });
  for (const file of files(root)) {
    const source = readFileSync(file, 'utf8');
    if (!source.includes("from 'zod'")) continue;
    for (const match of source.matchAll(CHECK)) {
      const args = callArguments(source, match.index + match[0].length - 1).filter((a) => a.trim() !== '');
      const last = args[args.length - 1];
      // A lone string of min/max/regex/enum… is a value; a message comes after one, or in an options object.
      if (!last || (args.length < 2 && !/^\s*\{/.test(last))) continue;
      const text = messageOf(last);
      if (text && /[a-z]{3}/.test(text)) found.push({ file: path.relative(root, file), text });
    }
  }
  return found;
}
