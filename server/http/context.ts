import type { RouterContext } from '@koa/router';
import type { Actor } from '../app/actor';

export interface AppState {
  actor: Actor | null;
  token: string | null;
}

export type AppContext = RouterContext<AppState>;
