/** Keeps a native <dialog> in the host's shadow root open exactly while `isOpen()` says so. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ModalController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly isOpen: () => boolean,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.isOpen() && !dialog.open) dialog.showModal();
    else if (!this.isOpen() && dialog.open) dialog.close();
  }

  hostDisconnected(): void {
    this.host.renderRoot.querySelector('dialog')?.close();
  }
}
