/** One entry of the command handler map: its input schema and the use case it runs. */
import type { z } from 'zod';
import type { Actor } from '../app/actor';
import type { AppDeps } from '../app/deps';
import type { CommandResult } from '../protocol/events';

export interface Handler<S extends z.ZodType> {
  schema: S;
  run(deps: AppDeps, actor: Actor, input: z.output<S>): Promise<CommandResult>;
}

export const handler = <S extends z.ZodType>(schema: S, run: Handler<S>['run']): Handler<z.ZodType> =>
  ({ schema, run }) as unknown as Handler<z.ZodType>;
