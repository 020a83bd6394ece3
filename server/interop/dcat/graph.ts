/** An RDF graph small enough to write by hand, written as Turtle or JSON-LD from the same triples. */
export type Term =
  | { kind: 'iri'; value: string }
  | { kind: 'literal'; value: string; lang?: string; datatype?: string };

export interface Triple {
  subject: string;
  predicate: string;
  object: Term;
}

export const PREFIXES: Record<string, string> = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export const iri = (value: string): Term => ({ kind: 'iri', value });
export const text = (value: string): Term => ({ kind: 'literal', value, lang: 'en' });
export const typed = (value: string, datatype: string): Term => ({
  kind: 'literal',
  value,
  datatype: expand(datatype),
});
export const plain = (value: string): Term => ({ kind: 'literal', value });

/** "dct:title" → the full IRI; a full IRI stays as it is. */
export function expand(name: string): string {
  const [prefix, local] = name.split(/:(.*)/s);
  return prefix && local !== undefined && PREFIXES[prefix] && !name.includes('//') ? PREFIXES[prefix] + local : name;
}

/** Collects triples; subjects and predicates may be written with the prefixes above. */
export class Graph {
  readonly triples: Triple[] = [];

  add(subject: string, predicate: string, ...objects: Term[]): this {
    for (const object of objects) this.triples.push({ subject: expand(subject), predicate: expand(predicate), object });
    return this;
  }

  type(subject: string, ...classes: string[]): this {
    return this.add(subject, 'rdf:type', ...classes.map((c) => iri(expand(c))));
  }
}

function turtleString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

function turtleIri(value: string): string {
  const percent = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  return `<${value.replace(/[<>"{}|^`\\\s]/g, percent)}>`;
}

function turtleTerm(term: Term): string {
  if (term.kind === 'iri') return turtleIri(term.value);
  if (term.lang) return `${turtleString(term.value)}@${term.lang}`;
  return term.datatype ? `${turtleString(term.value)}^^${turtleIri(term.datatype)}` : turtleString(term.value);
}

function bySubject(graph: Graph): Map<string, Triple[]> {
  const subjects = new Map<string, Triple[]>();
  for (const t of graph.triples) subjects.set(t.subject, [...(subjects.get(t.subject) ?? []), t]);
  return subjects;
}

const turtleLine = (t: Triple) => `  ${turtleIri(t.predicate)} ${turtleTerm(t.object)}`;

export function toTurtle(graph: Graph): string {
  const blocks = [...bySubject(graph)].map(
    ([subject, triples]) => `${turtleIri(subject)}\n${triples.map(turtleLine).join(' ;\n')} .`,
  );
  return `${blocks.join('\n\n')}\n`;
}

function jsonLdTerm(term: Term): object {
  if (term.kind === 'iri') return { '@id': term.value };
  if (term.lang) return { '@value': term.value, '@language': term.lang };
  return term.datatype ? { '@value': term.value, '@type': term.datatype } : { '@value': term.value };
}

/** Expanded JSON-LD (full IRIs, no context to resolve): any JSON-LD processor reads it as it is. */
export function toJsonLd(graph: Graph): string {
  const nodes = [...bySubject(graph)].map(([subject, triples]) => {
    const node: Record<string, unknown> = { '@id': subject };
    const types = triples.filter((t) => t.predicate === `${PREFIXES.rdf}type`).map((t) => t.object.value);
    if (types.length) node['@type'] = types;
    for (const t of triples) {
      if (t.predicate === `${PREFIXES.rdf}type`) continue;
      node[t.predicate] = [...((node[t.predicate] as object[] | undefined) ?? []), jsonLdTerm(t.object)];
    }
    return node;
  });
  return JSON.stringify({ '@graph': nodes }, null, 1);
}
