import type { Motion, MotionStatus } from '@linli/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { ReplicaController } from '../../api/replica-controller.js';
import { translator } from '../../shell/strings.js';
import { ScreenElement } from '../screen-element.js';
import { motionsStrings } from './motions.strings.js';
import { localTime, timeLeft } from './time-left.js';

const t = translator(motionsStrings);

/** The groups, in the order an organizer needs them: what to finish, what runs, what is done. */
const groups: readonly MotionStatus[] = ['draft', 'open', 'closed', 'cancelled'];

/** The href of a motion's own page (the motion page screen). */
export const motionHref = (community: string, motion: string): string =>
  `/c/${encodeURIComponent(community)}/organizer/motions/${encodeURIComponent(motion)}`;

/** The href of the community's motions list. */
export const motionsHref = (community: string): string =>
  `/c/${encodeURIComponent(community)}/organizer/motions`;

/**
 * `/c/:community/organizer/motions`: every motion of the community, read from the organizer's live
 * replica and grouped by status (drafts, voting now with the time left, closed with the result,
 * cancelled), each linking to its page; and the way to the wizard. New events re-render it.
 */
export class MotionsScreen extends ScreenElement {
  static override styles = [
    ScreenElement.styles,
    css`
      ul.motions {
        list-style: none;
        padding: 0;
        margin: 0 0 1em;
        display: grid;
        gap: 0.75em;
      }
      ul.motions li {
        margin: 0;
      }
      /* Larger, not bold: most CJK system fonts have no bold, so only the digits would be. */
      ul.motions a {
        font-size: 1.15em;
      }
    `,
  ];

  readonly #replica = new ReplicaController(this);

  private get community(): string {
    return this.context.params.community ?? '';
  }

  protected override willUpdate(): void {
    this.#replica.watch(this.community, this.context.sessions.token(this.community));
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const status = this.#replica.status;
    const newHref = `${motionsHref(this.community)}/new`;
    return html`<p><a href=${`/c/${encodeURIComponent(this.community)}/organizer`}>${t(l, 'toHome')}</a></p>
      <h1>${t(l, 'title')}</h1>
      <p><a class="action primary" href=${newHref}>${t(l, 'newMotion')}</a></p>
      ${
        status.kind === 'loading'
          ? html`<p role="status">${t(l, 'loading')}</p>`
          : status.kind === 'failed'
            ? html`<p class="alert" role="alert">${status.error.message[l]}</p>
              <button type="button" @click=${() => this.#retry()}>${t(l, 'retry')}</button>`
            : this.#lists(status.governance.motions.value)
      }`;
  }

  #retry(): void {
    this.#replica.retry(this.community, this.context.sessions.token(this.community));
  }

  #lists(motions: readonly Motion[]): TemplateResult {
    const l = this.locale;
    if (motions.length === 0) return html`<p>${t(l, 'empty')}</p>`;
    return html`${groups.map((group) => {
      const inGroup = motions.filter((m) => m.status === group);
      return html`<section aria-labelledby="h-${group}">
        <h2 id="h-${group}">${t(l, group)}</h2>
        ${
          inGroup.length === 0
            ? html`<p class="hint">${t(l, 'none')}</p>`
            : html`<ul class="motions">
              ${inGroup.map((m) => this.#item(m))}
            </ul>`
        }
      </section>`;
    })}`;
  }

  #item(m: Motion): TemplateResult {
    const l = this.locale;
    return html`<li class="card">
      <a href=${motionHref(this.community, m.id)}>${m.title}</a>
      <p class="hint">${this.#when(m)}</p>
      ${m.result ? html`<p>${t(l, `outcome_${m.result.outcome}`)}</p>` : nothing}
    </li>`;
  }

  #when(m: Motion): string {
    const l = this.locale;
    if (m.status === 'closed' && m.closedAt) return t(l, 'closedAt', { when: localTime(m.closedAt, l) });
    const closes = t(l, 'closesAt', { when: localTime(m.closesAt, l) });
    if (m.status !== 'open') return closes;
    const left = timeLeft(m.closesAt, Date.now(), l);
    return `${closes} · ${left === undefined ? t(l, 'passedDeadline') : t(l, 'left', { time: left })}`;
  }
}

if (!customElements.get('linli-motions-screen')) customElements.define('linli-motions-screen', MotionsScreen);
