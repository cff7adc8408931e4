/** What a handler of an endpoint definition receives and returns. */
import type { Actor } from '../app/actor';
import type { AppDeps } from '../app/deps';
import type { EndpointName, Endpoints } from '../protocol/endpoints';
import type { OutputOf, ParamsOf, ParsedBodyOf, ParsedQueryOf } from '../protocol/endpoint';
import type { AppContext } from './context';

export interface EndpointRequest<D> {
  /** Already authorised for the endpoint's action (and its hall, when the path names one). */
  actor: Actor | null;
  token: string | null;
  params: ParamsOf<D>;
  body: ParsedBodyOf<D>;
  query: ParsedQueryOf<D>;
  ctx: AppContext;
}

/** A reply that is not `{ data }` JSON (a CSV download). */
export class RawReply {
  constructor(
    readonly contentType: string,
    readonly body: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export type EndpointHandler<D> = (deps: AppDeps, req: EndpointRequest<D>) => Promise<OutputOf<D> | RawReply> | OutputOf<D> | RawReply;

export type EndpointHandlers<K extends EndpointName = EndpointName> = { [N in K]: EndpointHandler<Endpoints[N]> };

/** The caller, when the policy lets only signed-in callers in (every grant but `public`). */
export function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new Error('an endpoint without a public grant was reached without an actor');
  return actor;
}
