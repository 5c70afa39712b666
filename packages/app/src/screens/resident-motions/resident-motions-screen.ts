import type { LinliError } from '@linli/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { residentLiveStatus } from '../live-status.js';
import { ScreenElement } from '../screen-element.js';
import { loadHouseholdMotions, type MotionForHousehold } from './household-motions.js';
import { ballotsToCast, groupOf, type MotionGroup } from './motion-groups.js';
import { outcomeText } from './motion-outcome.js';
import { t } from './resident-motions.strings.js';
import { residentMotionStyles } from './resident-motions.styles.js';
import { when } from './when.js';

const GROUPS: readonly MotionGroup[] = ['open', 'upcoming', 'closed'];

/**
 * A household's motions at `/c/:community/motions`: open, coming up and closed, each a large link to
 * its own page; an open one says when this household still has ballots to cast. Whether it voted —
 * on a secret motion too — is the household's own read (`/household/motions`), never the public view.
 */
export class ResidentMotionsScreen extends ScreenElement {
  static override styles = [ScreenElement.styles, residentMotionStyles];
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    items: { state: true },
    error: { state: true },
  };

  declare private items: readonly MotionForHousehold[] | undefined;
  declare private error: LinliError | undefined;
  private loadedFor = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context')) return;
    const community = this.context.params.community ?? '';
    const key = `${community}\u0000${this.context.session?.kind === 'household' ? this.context.session.unitId : ''}`;
    if (key !== this.loadedFor) {
      this.loadedFor = key;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.error = undefined;
    const answer = await loadHouseholdMotions(this.context.api, this.context.params.community ?? '');
    if (answer.ok) this.items = answer.value.items;
    else this.error = answer.error;
  }

  private renderItem(item: MotionForHousehold, group: MotionGroup): TemplateResult {
    const l = this.locale;
    const { motion, mine } = item;
    const href = `/c/${encodeURIComponent(this.context.params.community ?? '')}/motions/${encodeURIComponent(motion.id)}`;
    const toCast = ballotsToCast(mine);
    const status =
      group === 'upcoming'
        ? html`<span>${t(l, 'draft')}</span>${mine.amendAs.length > 0 ? html`<span>${t(l, 'amendable')}</span>` : nothing}`
        : group === 'open'
          ? html`<span>${t(l, 'closesAt', { time: when(motion.closesAt, l) })}</span>
              ${
                mine.seats.length === 0
                  ? html`<span>${t(l, 'notOnRoll')}</span>`
                  : toCast === 0
                    ? html`<span class="done">${t(l, 'allVoted')}</span>`
                    : html`<span class="todo" data-todo>${
                        mine.seats.length === 1
                          ? t(l, 'notVoted')
                          : t(l, 'someNotVoted', { n: String(toCast) })
                      }</span>`
              }`
          : html`<span>${outcomeText(item, l)}</span>
              ${motion.closedAt ? html`<span>${t(l, 'closedAt', { time: when(motion.closedAt, l) })}</span>` : nothing}`;
    return html`<li>
      <a class="motion" id=${`motion-${motion.id}`} href=${href}
        ><span class="name">${motion.title}</span><span class="meta">${status}</span></a
      >
    </li>`;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const head = html`<h1 id="title" tabindex="-1">${t(l, 'listTitle')}</h1>
      ${residentLiveStatus(this.context, l)}
      <p class="hint">${t(l, 'listHint')}</p>`;
    if (this.error)
      return html`${head}
        <p class="alert" role="alert">${this.error.message[l]}</p>
        <button type="button" @click=${() => this.load()}>${t(l, 'retry')}</button>`;
    const items = this.items;
    if (!items) return html`${head}<p role="status">${t(l, 'loading')}</p>`;
    return html`${head}
      ${GROUPS.map((group) => {
        const inGroup = items.filter((i) => groupOf(i.motion, i.tally) === group);
        return html`<h2 id=${`group-${group}`}>${t(l, group)}</h2>
          ${
            inGroup.length === 0
              ? html`<p>${t(l, 'none')}</p>`
              : html`<ul class="motions" aria-labelledby=${`group-${group}`}>
                  ${inGroup.map((i) => this.renderItem(i, group))}
                </ul>`
          }`;
      })}`;
  }
}

if (!customElements.get('linli-resident-motions-screen'))
  customElements.define('linli-resident-motions-screen', ResidentMotionsScreen);
