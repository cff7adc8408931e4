/**
 * How an HTTP endpoint is defined once, for the server's router, the UIs' typed client and the
 * OpenAPI document alike: method, path, input schemas, output type and the policy action.
 */
import type { z } from 'zod';
import type { Action } from './permissions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `'/api/halls/:hallId/zones/:zoneId'` → `'hallId' | 'zoneId'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

/**
 * Path parameters are uuids unless named here (a malformed uuid names nothing: 404).
 * `text` parameters are handed to the use case as they are.
 */
export type ParamKind = 'uuid' | 'text';

export interface EndpointDef<O = unknown> {
  method: HttpMethod;
  path: string;
  action: Action;
  summary: string;
  tag: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** 201 for creations; 200 otherwise. */
  status?: 200 | 201;
  params?: Record<string, ParamKind>;
  /**
   * The path parameter that says which hall the call acts in, checked against the policy before
   * the input is read: `hallId` directly, or a record the server looks up.
   */
  hallFrom?: 'hallId' | 'ticketId' | 'deviceId' | 'printJobId' | 'caseId' | 'reviewId';
  /** Per-client-address limit for public endpoints. */
  rateLimit?: 'public-read' | 'public-write' | 'booking' | 'phone-code' | 'setup' | 'evaluation-qr';
  /** Answers before body parsing and sign-in: a token is not even looked at (health for monitors). */
  bare?: boolean;
  /** Also answers `text/csv` when the query says `format=csv`. */
  csv?: boolean;
  /** Type only: what `data` holds in a 2xx answer. Never read at run time. */
  readonly output?: O;
}

/** Defines an endpoint; the output type is given explicitly: `endpoint<HallView[]>()({ … })`. */
export const endpoint =
  <O>() =>
  <const D extends Omit<EndpointDef<O>, 'output'>>(def: D): D & { readonly output?: O } =>
    def as D & { readonly output?: O };

export type OutputOf<D> = D extends { readonly output?: infer O } ? O : never;
export type BodyOf<D> = D extends { body: infer S extends z.ZodType } ? z.input<S> : undefined;
export type QueryOf<D> = D extends { query: infer S extends z.ZodType } ? z.input<S> : undefined;
export type ParsedBodyOf<D> = D extends { body: infer S extends z.ZodType } ? z.output<S> : undefined;
export type ParsedQueryOf<D> = D extends { query: infer S extends z.ZodType } ? z.output<S> : undefined;
export type ParamsOf<D> = D extends { path: infer P extends string } ? PathParams<P> : never;

/** `'/api/halls/:hallId'` + `{ hallId: 'x' }` → `'/api/halls/x'` (each value URI-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
