/**
 * The command map (server/protocol/commands.ts) types both sides. The `@ts-expect-error` lines are
 * checked by `npm run typecheck` (tsconfig includes tests): each must fail to compile, or the
 * typecheck fails with "unused @ts-expect-error". The run-time part checks that the server's
 * handler map and the map agree, and that the sender really emits what it was given.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { COMMANDS, type CommandEvent, type CommandResultOf } from '../../server/protocol/commands';
import type { Ack } from '../../server/protocol/errors';
import { commandHandlers, type CommandHandlers } from '../../server/socket/command-handlers';
import { createCommandSender, type CommandSender } from '../../ui-shared/src/commands';

/** Type-only: never called. */
function compileChecks(sender: CommandSender, handlers: CommandHandlers) {
  const id = '00000000-0000-4000-8000-000000000000';
  void sender.send('ticket:call-next', { counterId: id });
  void sender.send('counter:pause', { counterId: id, reason: '会议' });
  void sender.send('case:find', { counterId: id, caseNumber: '202603050001' });
  // @ts-expect-error an event that is not a command
  void sender.send('ticket:teleport', { counterId: id });
  // @ts-expect-error a subscription is not sent through the command sender (it takes no commandId)
  void sender.send('hall:subscribe', { hallId: id });
  // @ts-expect-error a payload without its required field
  void sender.send('ticket:call', { counterId: id });
  // @ts-expect-error a field of the wrong type
  void sender.send('ticket:call-next', { counterId: 42 });
  // @ts-expect-error a field the command's input does not have
  void sender.send('counter:take', { counterId: id, hallId: id });
  // @ts-expect-error the wrong reason type on pause
  void sender.send('counter:pause', { counterId: id, reason: 3 });

  // The ack is typed by the command's result.
  const ack: Promise<Ack<CommandResultOf<'case:find'>>> = sender.send('case:find', { counterId: id, ticketId: id });
  void ack.then((a) => {
    if (a.ok) void a.data.cases;
    // @ts-expect-error a result field no command returns
    if (a.ok) void a.data.teleported;
  });

  // A handler map with a command missing does not compile.
  const { 'ticket:call': _dropped, ...rest } = handlers;
  // @ts-expect-error 'ticket:call' has no handler
  const incomplete: CommandHandlers = rest;
  void incomplete;
}
void compileChecks;

const t = suite('command map: sender and handlers typed by server/protocol/commands.ts');

t('the server has exactly one handler per command of the map', () => {
  assert.equal(Object.keys(commandHandlers).sort(), Object.keys(COMMANDS).sort());
});

t('the sender emits the event and payload it was given, with a fresh commandId', async () => {
  const emitted: { event: string; payload: Record<string, unknown> }[] = [];
  const socket = {
    connected: true,
    timeout: () => ({
      emit(event: string, payload: unknown, cb: (err: Error | null, ack: unknown) => void) {
        emitted.push({ event, payload: payload as Record<string, unknown> });
        cb(null, { ok: true, data: {} });
      },
    }),
  };
  const sender = createCommandSender(socket);
  const event: CommandEvent = 'ticket:call-next';
  const r = await sender.send(event, { counterId: 'c1' });
  assert.equal(r, { ok: true, data: {} });
  assert.is(emitted.length, 1);
  assert.is(emitted[0]!.event, 'ticket:call-next');
  assert.is(emitted[0]!.payload.counterId, 'c1');
  assert.type(emitted[0]!.payload.commandId, 'string');
});

t.run();
