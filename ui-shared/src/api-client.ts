/**
 * The one typed client every UI calls the HTTP API through, derived from the endpoint definitions
 * in server/protocol/endpoints.ts: the endpoint's name picks method and path, and its path
 * parameters, body, query and the `data` of the answer are typed from the definition — a wrong
 * name, a missing parameter or a misspelt body field does not compile.
 */
import type { BodyOf, OutputOf, ParamsOf, QueryOf } from '../../server/protocol/endpoint';
import { fillPath } from '../../server/protocol/endpoint';
import type { EndpointName, Endpoints } from '../../server/protocol/endpoints';
import type { Ack } from '../../server/protocol/errors';
import { ROUTES } from '../../server/protocol/routes';

export type RequestFn = <T>(method: string, path: string, body?: unknown, token?: string | null) => Promise<Ack<T>>;
/** A file the server answered (a CSV export): its bytes and the name its Content-Disposition gives. */
export interface DownloadedFile {
  blob: Blob;
  filename: string | null;
}
/** Fetches a file rather than JSON (ui-shared/src/http.ts `requestFile` in the browser). */
export type FileRequestFn = (method: string, path: string, token?: string | null) => Promise<Ack<DownloadedFile>>;

type Optional<K extends string, V> = [V] extends [undefined] ? { [P in K]?: never } : { [P in K]: V };
type ParamArgs<D> = [keyof ParamsOf<D>] extends [never] ? { params?: never } : { params: ParamsOf<D> };
type QueryArgs<D> = [QueryOf<D>] extends [undefined] ? { query?: never } : {} extends QueryOf<D> ? { query?: QueryOf<D> } : { query: QueryOf<D> };

/** What a call takes: `{ params, body, query }`, each only when the endpoint has one. */
export type CallArgs<D> = ParamArgs<D> & Optional<'body', BodyOf<D>> & QueryArgs<D>;
export type CallResult<N extends EndpointName> = OutputOf<Endpoints[N]>;
/** The request body an endpoint takes, for UIs that build it before they call. */
export type CallBody<N extends EndpointName> = BodyOf<Endpoints[N]>;
/** The query an endpoint takes, for UIs that build it before they call. */
export type CallQuery<N extends EndpointName> = QueryOf<Endpoints[N]>;

type ArgsOf<N extends EndpointName> = CallArgs<Endpoints[N]>;
/** Endpoints that take no arguments may be called with none. */
type Rest<N extends EndpointName> = {} extends ArgsOf<N> ? [args?: ArgsOf<N>] : [args: ArgsOf<N>];

/**
 * A call decided on now and sent later (a page that says which endpoint lists its rows, an action
 * a button will take): the endpoint and its typed arguments, with the answer's type carried along.
 */
export interface PreparedCall<T> {
  readonly name: EndpointName;
  readonly args: unknown;
  readonly output?: T;
}

export function prepare<N extends EndpointName>(name: N, ...args: Rest<N>): PreparedCall<CallResult<N>> {
  return { name, args: args[0] };
}

export interface ApiClient {
  call<N extends EndpointName>(name: N, ...args: Rest<N>): Promise<Ack<CallResult<N>>>;
  /** Sends a call made with `prepare`. */
  send<T>(prepared: PreparedCall<T>): Promise<Ack<T>>;
  /** Sends a prepared call and takes the answer as a file (a CSV export with `format: 'csv'`). */
  file(prepared: PreparedCall<unknown>): Promise<Ack<DownloadedFile>>;
  /** The URL a prepared call goes to. */
  urlOf(prepared: PreparedCall<unknown>): string;
  /** The URL of a GET endpoint (a CSV download link, say). */
  url<N extends EndpointName>(name: N, ...args: Rest<N>): string;
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) q.set(k, Array.isArray(v) ? v.join(',') : String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

const noFiles: FileRequestFn = async () => ({ ok: false, error: { code: 'internal_error', message: 'no file transport' } });

/**
 * `token` is read on every call, so a client made once follows sign-in and sign-out; `requestFile`
 * is the transport for `file()` (only clients that download files need one).
 */
export function createApiClient(request: RequestFn, token: () => string | null | undefined = () => undefined, requestFile: FileRequestFn = noFiles): ApiClient {
  const url = (name: EndpointName, args?: { params?: Record<string, string>; query?: Record<string, unknown> }) =>
    fillPath(ROUTES[name].path, args?.params ?? {}) + queryString(args?.query);
  const send = <T>(name: EndpointName, args: unknown): Promise<Ack<T>> => {
    const a = args as { params?: Record<string, string>; body?: unknown; query?: Record<string, unknown> } | undefined;
    return request<T>(ROUTES[name].method, url(name, a), a?.body, token());
  };
  return {
    call: (name, ...rest) => send(name, rest[0]),
    send: (prepared) => send(prepared.name, prepared.args),
    file: (prepared) => requestFile(ROUTES[prepared.name].method, url(prepared.name, prepared.args as never), token()),
    urlOf: (prepared) => url(prepared.name, prepared.args as never),
    url: (name, ...rest) => url(name, rest[0] as never),
  };
}
