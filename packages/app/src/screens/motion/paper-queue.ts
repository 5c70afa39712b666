import type { Ballot, Locale, Motion } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { nameOf, type OrganizerPerson, organizerIdOf } from '../../api/organizers.js';
import { t } from './paper.strings.js';
import { describeChoice } from './paper-marks.js';

/** A paper waiting for its second check, as the queue lists it. */
export interface QueuedPaper {
  readonly ballot: Omit<Ballot, 'revision'>;
  readonly room: string;
}

/** What the queue needs from the page. */
export interface QueueProps {
  readonly motion: Pick<Motion, 'options'>;
  readonly queue: readonly QueuedPaper[];
  /** The signed-in organizer's id: their own papers wait for someone else. */
  readonly me: string | undefined;
  readonly people: readonly OrganizerPerson[];
  readonly busy: boolean;
  readonly locale: Locale;
  readonly act: (paper: QueuedPaper, how: 'confirm' | 'reject') => void;
  /** The holder's name of a proxy ballot's proxy, so the checker sees who signed. */
  readonly holderOf: (proxyId: string | undefined) => string | undefined;
}

/**
 * "Waiting for a second check": the papers entered on a two-person motion and not yet counted, with
 * room, marks, ballot number and who entered them. Another organizer's paper gets confirm and reject;
 * one's own says it waits for someone else (and can be rejected, as an undo).
 */
export function paperQueue(p: QueueProps): TemplateResult {
  const l = p.locale;
  return html`<section aria-labelledby="queue-h" id="queue">
    <h2 id="queue-h">${t(l, 'queue', { n: String(p.queue.length) })}</h2>
    ${
      p.queue.some((q) => p.me !== undefined && organizerIdOf(q.ballot.castBy) === p.me)
        ? html`<p class="hint">${t(l, 'waitsForOther')}</p>`
        : nothing
    }
    ${
      p.queue.length === 0
        ? html`<p>${t(l, 'queueEmpty')}</p>`
        : html`<ul class="plain">
          ${p.queue.map((q, i) => {
            const by = q.ballot.castBy;
            const mine = p.me !== undefined && organizerIdOf(by) === p.me;
            const who = mine ? t(l, 'byYou') : (nameOf(by, p.people) ?? organizerIdOf(by));
            const ref = q.ballot.paper?.reference ?? '';
            const what = t(l, 'queued', {
              room: q.room,
              choice: describeChoice(q.ballot.choice, p.motion, l),
              ref,
              who,
            });
            const holder = p.holderOf(q.ballot.proxyId);
            const line = holder === undefined ? what : what + t(l, 'byProxy', { holder });
            return html`<li>
              <span id=${`queued-${i}`}>${line}</span>
              <div class="row">
                ${
                  mine
                    ? nothing
                    : html`<button type="button" class="primary" data-ref=${ref} data-act="confirm"
                      aria-describedby=${`queued-${i}`} ?disabled=${p.busy}
                      @click=${() => p.act(q, 'confirm')}>${t(l, 'confirm')}</button>`
                }
                <button type="button" data-ref=${ref} data-act="reject"
                  aria-describedby=${`queued-${i}`} ?disabled=${p.busy}
                  @click=${() => p.act(q, 'reject')}>${t(l, 'reject')}</button>
              </div>
            </li>`;
          })}
        </ul>`
    }
  </section>`;
}
