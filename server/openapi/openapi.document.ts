import { z } from 'zod';
import type { AnyRoute } from '../http/route';

type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
  security?: Record<string, string[]>[];
  'x-access': string;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

/** The request side of a zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). */
function inputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function outputSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(schema: z.ZodType | undefined, where: 'query' | 'path'): OpenApiParameter[] {
  if (!schema) return [];
  const json = inputSchema(schema);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

export function describeAccess(route: AnyRoute): string {
  const access = route.access;
  if (access.kind === 'public') return 'public';
  if (access.kind === 'roles') return `signed in with role ${access.roles.join(' or ')}`;
  return `signed in with role ${access.roles.join(' or ')}, for the geos the request touches`;
}

const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
};

function operationOf(route: AnyRoute): OpenApiOperation {
  const params = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  const responses: OpenApiOperation['responses'] = {
    '200': {
      description: 'OK',
      content: { 'application/json': { schema: route.response ? outputSchema(route.response) : {} } },
    },
    '400': { description: 'Invalid request: the message names the parameter and how to fix it', content: errorContent },
  };
  if (params.some((p) => p.name === 'format')) responses['200']!.content!['text/csv'] = { schema: { type: 'string' } };
  if (params.some((p) => p.name === 'asOf'))
    responses['304'] = { description: 'Not modified: the If-None-Match ETag is current' };
  if (route.access.kind !== 'public') {
    responses['401'] = { description: 'Not signed in', content: errorContent };
    responses['403'] = { description: 'Signed in without the access this route needs', content: errorContent };
  }
  if (route.params) responses['404'] = { description: 'Not found', content: errorContent };
  return {
    operationId: `${route.method}${route.path.replace(/[/:{}-]+(\w)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}`,
    summary: route.summary,
    tags: [route.tag],
    parameters: params,
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchema(route.body) } } } }
      : {}),
    responses,
    ...(route.access.kind === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
    'x-access': describeAccess(route),
  };
}

/** Express ":code" paths in OpenAPI's "{code}" form. */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

/** The API description, generated from the route list and the zod schemas that validate requests. */
export function buildOpenApiDocument(routes: readonly AnyRoute[], version: string): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Crime Prevention Observatory API',
      version,
      description:
        'Core indicators of crime and crime prevention in Europe, with per-100k rates, comparisons, trends, emerging-trend alerts and vintages (asOf). Figures carry Eurostat observation flags.',
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'observatory_session' },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token' },
      },
    },
  };
}
