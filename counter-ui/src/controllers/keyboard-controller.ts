/** Binds the workstation shortcuts to the window while the host is connected. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createKeyGate, type ActionId } from '../stores/shortcuts';

export interface KeyboardOptions {
  /** Shortcuts act only while this is true (the desk is showing). */
  enabled(): boolean;
  dialogOpen(): boolean;
  run(action: ActionId): void;
}

export class KeyboardController implements ReactiveController {
  private readonly gate;

  constructor(
    host: ReactiveControllerHost,
    private readonly opts: KeyboardOptions,
  ) {
    this.gate = createKeyGate(opts.dialogOpen);
    host.addController(this);
  }

  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (!this.opts.enabled()) return;
    const decision = this.gate.down(e);
    if (decision.kind === 'ignore') return;
    e.preventDefault(); // F1 help, F5 reload, F7 caret browsing …: ours while the desk is open
    if (decision.kind === 'run') this.opts.run(decision.action);
  };

  private readonly onKeyUp = (e: KeyboardEvent) => this.gate.up(e);
  private readonly onBlur = () => this.gate.reset();

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown);
    window.addEventListener('keyup', this.onKeyUp);
    window.addEventListener('blur', this.onBlur);
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown);
    window.removeEventListener('keyup', this.onKeyUp);
    window.removeEventListener('blur', this.onBlur);
  }
}
