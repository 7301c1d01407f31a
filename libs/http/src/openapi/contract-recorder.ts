import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { OpenAPIBackend, type Operation } from 'openapi-backend';

/** Set (to a folder) to check every exchange against the service's own OpenAPI document (ADR 0046). */
export const CONTRACT_LOG_VAR = 'OPENAPI_CONTRACT_LOG';
export const VIOLATIONS_FILE = 'violations.ndjson';
export const EXCHANGES_PREFIX = 'exchanges-';

export interface ContractViolation {
  service: string;
  kind: 'document' | 'undocumented-operation' | 'request' | 'undocumented-status' | 'undocumented-media-type' | 'response-body';
  method?: string;
  path?: string;
  operationId?: string;
  status?: number;
  errors: unknown[];
}

/** What one recorder saw: exchanges checked per operation and status. */
export interface ExchangeCounts {
  service: string;
  checked: number;
  byOperation: Record<string, number>;
}

/** Served but not in the document on purpose (probes, metrics, the document itself). */
const UNDOCUMENTED = /^\/(?:health(?:\/|$)|metrics$|api\/docs(?:\/|-json|$))/;
const MAX_CAPTURED_BYTES = 4 * 1024 * 1024;

/**
 * Checks the traffic of a service against its OpenAPI document and records every violation
 * (it never changes an answer). A request counts only when it was accepted (2xx/3xx): refusing
 * a request the document forbids is right. A response counts always: its status must be
 * documented, its media type too, and a JSON body must match the schema of that status.
 */
export function contractRecorder(document: OpenAPIObject, directory: string, service: string): RequestHandler {
  mkdirSync(directory, { recursive: true });
  const record = (violation: ContractViolation): void => {
    try {
      appendFileSync(join(directory, VIOLATIONS_FILE), `${JSON.stringify(violation)}\n`);
    } catch {
      // as above: nobody reads this log any more
    }
  };
  const counts: ExchangeCounts = { service, checked: 0, byOperation: {} };
  const countsFile = join(directory, `${EXCHANGES_PREFIX}${service}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.json`);
  // Quick: validators are compiled on first use. Compiling them all (and checking the document
  // against the OpenAPI schema, which openapi-documents.spec.ts does) held a service's event loop
  // for seconds at start. The document's untyped properties are checked here, cheaply.
  const api = new OpenAPIBackend({
    definition: structuredClone(document) as never,
    strict: false,
    quick: true,
    validate: true,
    ajvOpts: { strict: false },
    // Formats (date-time, uuid…) are checked, not ignored with a warning per schema.
    customizeAjv: (ajv) => addFormats(ajv as never) as never,
  });
  const ready = api.init().then(() => {
    for (const problem of untypedSchemas(document)) record({ service, kind: 'document', errors: [problem] });
  });
  const responses = new ResponseSchemas();
  let flush: NodeJS.Timeout | undefined;
  const saveCounts = (): void => {
    flush ??= setTimeout(() => {
      flush = undefined;
      try {
        writeFileSync(countsFile, JSON.stringify(counts));
      } catch {
        // the run that asked for the log is over and took its folder with it
      }
    }, 200).unref();
  };

  const check = (request: Request, response: Response, body: Buffer, complete: boolean): void => {
    const status = response.statusCode;
    const where = { service, method: request.method, path: request.originalUrl.split('?')[0]! };
    const operation = api.router.matchOperation({ method: request.method, path: where.path, query: request.query as never, headers: request.headers as never, body: request.body }) as Operation | undefined;
    if (!operation) {
      // An unknown route, or a method it does not have, is not an operation of the document.
      if (status !== 404 && status !== 405) record({ ...where, kind: 'undocumented-operation', status, errors: [] });
      return;
    }
    const seen = { ...where, operationId: operation.operationId, status };
    counts.checked += 1;
    const key = `${operation.operationId} ${status}`;
    counts.byOperation[key] = (counts.byOperation[key] ?? 0) + 1;
    saveCounts();
    if (status < 400) {
      const result = api.validateRequest({ method: request.method, path: where.path, query: request.query as never, headers: request.headers as never, body: request.body }, operation.operationId);
      // OpenAPI does not forbid query parameters an operation does not declare (the services ignore
      // them, or refuse them with a 400 where a query DTO forbids unknown fields): not a violation.
      const errors = (result.errors ?? []).filter((error) => !(error.instancePath === '/query' && error.keyword === 'additionalProperties'));
      if (errors.length > 0) record({ ...seen, kind: 'request', errors });
    }
    const documented = operation.responses?.[String(status)] ?? operation.responses?.[`${Math.floor(status / 100)}XX`] ?? operation.responses?.['default'];
    if (!documented) {
      record({ ...seen, kind: 'undocumented-status', errors: [`status ${status} is not among ${Object.keys(operation.responses ?? {}).join(', ')}`] });
      return;
    }
    const content = (documented as { content?: Record<string, { schema?: object }> }).content;
    const mediaType = String(response.getHeader('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!content || body.length === 0 || request.method === 'HEAD') return;
    const described = content[mediaType];
    if (!described) {
      record({ ...seen, kind: 'undocumented-media-type', errors: [`${mediaType || 'no content type'} is not among ${Object.keys(content).join(', ')}`] });
      return;
    }
    if (!described.schema || !complete || !/[/+]json$/.test(mediaType)) return;
    const validate = responses.validatorFor(`${operation.operationId} ${status} ${mediaType}`, described.schema);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      record({ ...seen, kind: 'response-body', errors: ['the body is not JSON'] });
      return;
    }
    if (!validate(parsed)) record({ ...seen, kind: 'response-body', errors: validate.errors ?? [] });
  };

  return (request: Request, response: Response, next: NextFunction): void => {
    if (UNDOCUMENTED.test(request.path)) return next();
    const chunks: Buffer[] = [];
    let size = 0;
    const capture = (chunk: unknown, encoding?: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_CAPTURED_BYTES) return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      capture(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as Response['write'];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      capture(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as Response['end'];
    response.once('close', () => {
      const complete = response.writableFinished && size <= MAX_CAPTURED_BYTES;
      void ready.then(() => check(request, response, Buffer.concat(chunks), complete));
    });
    next();
  };
}

/** Compiled response schemas, by operation, status and media type (the document is dereferenced). */
class ResponseSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  validatorFor(key: string, schema: object): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(nullableAsClientsReadIt(schema) as object);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/**
 * OpenAPI 3.0's `nullable: true` read as openapi-typescript reads it (our generated clients:
 * `X | null`), where Ajv reads it otherwise: beside an `allOf` reference and no `type`
 * (@nestjs/swagger's form of "this object or null") Ajv refuses the schema, so it is checked as
 * `anyOf: [schema, null]`; beside an `enum`, Ajv would still refuse null, so null joins the enum.
 */
export function nullableAsClientsReadIt(schema: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (Array.isArray(schema)) return schema.map((item) => nullableAsClientsReadIt(item, seen));
  if (schema === null || typeof schema !== 'object') return schema;
  const known = seen.get(schema);
  if (known) return known;
  const copy: Record<string, unknown> = {};
  seen.set(schema, copy);
  for (const [key, value] of Object.entries(schema)) copy[key] = nullableAsClientsReadIt(value, seen);
  if (copy['nullable'] !== true) return copy;
  if (Array.isArray(copy['enum']) && !copy['enum'].includes(null)) copy['enum'] = [...copy['enum'], null];
  if (copy['type'] !== undefined) return copy;
  const { nullable: _nullable, ...rest } = copy;
  const anyOf = { anyOf: [rest, { type: 'null' }] };
  seen.set(schema, anyOf);
  return anyOf;
}

/**
 * Properties typed `object` that describe nothing: what @nestjs/swagger renders for a union such
 * as `string | null` without an explicit type. A client generated from it rejects correct answers.
 */
export function untypedSchemas(document: OpenAPIObject): string[] {
  const found: string[] = [];
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    for (const [property, value] of Object.entries((schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {})) {
      const described = value['properties'] || value['additionalProperties'] !== undefined || value['$ref'] || value['allOf'] || value['oneOf'] || value['anyOf'];
      if (value['type'] === 'object' && !described) found.push(`${name}.${property} is typed object but describes nothing (give its type explicitly)`);
    }
  }
  return found;
}
