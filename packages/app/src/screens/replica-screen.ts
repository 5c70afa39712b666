import { html, type PropertyValues, type TemplateResult } from 'lit';
import { focusHeadingOnArrival, ReplicaController } from './motion/replica-controller.js';
import { ScreenElement } from './screen-element.js';

/**
 * An organizer screen drawn from the community's live replica (`organizerReplica`): it follows the
 * community its path names with the session's token, and moves focus to its heading when it arrives.
 */
export abstract class ReplicaScreen extends ScreenElement {
  protected readonly replica = new ReplicaController(this);

  /** The community the path names. */
  protected get community(): string {
    return this.context.params.community ?? '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context'))
      this.replica.follow(this.community, this.context.sessions.token(this.community));
  }

  protected override updated(): void {
    focusHeadingOnArrival(this);
  }

  /** While the replica loads: the load's refusal in the page's language, or `loading`. */
  protected loadState(loading: string): TemplateResult {
    const problem = this.replica.error;
    return problem
      ? html`<p class="alert" role="alert">${problem.message[this.locale]}</p>`
      : html`<p role="status">${loading}</p>`;
  }
}
