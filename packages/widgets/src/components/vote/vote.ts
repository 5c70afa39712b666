import {
  type Ballot,
  explainTally,
  type LinliError,
  type Locale,
  type Motion,
  QUEUED_ERROR,
  type ReadModels,
  type Tally,
  voterNamed,
} from '@linli/core';
import { type CSSResultGroup, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { LinliBallotCastDetail } from '../../events.js';
import { baseStyles, controlStyles } from '../../internal/base-styles.js';
import { liveParts } from '../../internal/governance-controller.js';
import { LinliElement } from '../../internal/linli-element.js';
import { motionStatusKey } from '../../internal/motion-status.js';
import { SessionVoterController } from '../../internal/session-voter.js';
import { styleProperty } from '../../internal/style-property.js';
import { renderDotBallot } from './dot-ballot.js';
import { RankedBallot } from './ranked-ballot.js';
import { t } from './vote.strings.js';
import { voteStyles } from './vote.styles.js';
import { type Draft, draftOf, fieldsOf } from './vote-draft.js';
import { renderPlain, roomLabel } from './vote-plain.js';

/**
 * @tagname linli-vote
 * @summary A motion and its ballot: cast or change a vote of any kind, and watch the live tally with
 * one bar per legal threshold and a plain-language explanation.
 *
 * @fires {CustomEvent<LinliBallotCastDetail>} linli-ballot-cast - A ballot was recorded: `detail` is `{ motionId, voterId }`.
 *
 * @csspart motion - The card around everything.
 * @csspart title - The motion's title.
 * @csspart body - The motion's text (e.g. a convention).
 * @csspart status - Status, deadline and outcome.
 * @csspart badge - A status or outcome badge.
 * @csspart form - The ballot form.
 * @csspart submit - The cast/change button.
 * @csspart ranking - The ranked-choice list; `rank` one row, `grip` its drag handle, `rank-label` its place and option, `rank-moves` its Up/Down buttons,
 *   `rank-said` the last move as said aloud.
 * @csspart error - A localized error from the core.
 * @csspart tally - The results area.
 * @csspart withheld - A secret motion's note that weights which could name voters are not published.
 * @csspart check - One threshold check.
 * @csspart bar - A check's bar; `bar-fill` its value, `bar-threshold` the required mark.
 * @csspart summary - The one-line explanation, announced politely when it changes.
 *
 * @cssproperty --linli-color-primary - Primary button colour.
 * @cssproperty --linli-color-progress - Bar colour when a check is met.
 * @cssproperty --linli-color-progress-short - Bar colour when a check is not met.
 * @cssproperty --linli-font-scale - Multiplier for every size (large-text mode).
 */
export class LinliVote extends LinliElement {
  static override styles: CSSResultGroup = [baseStyles, controlStyles, voteStyles];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    motion: { type: String },
    voter: { type: String },
    proxy: { type: String },
    holder: { type: String },
    now: { attribute: false },
    draft: { state: true },
    error: { state: true },
    confirmed: { state: true },
  };

  /** The motion id. */
  declare motion: string;
  /** The voter id of whoever uses this element (an owner head key, a unit id or a resident id). */
  declare voter: string;
  /** A proxy id, when voting on someone's behalf (sent with the ballot, never shown). */
  declare proxy: string;
  /** The proxy holder's name as the 委托书 gives it, shown with the room voted for. */
  declare holder: string;
  /** The current time for the countdown (defaults to the system clock). */
  declare now: Date | undefined;
  declare private draft: Draft | undefined;
  declare private error: LinliError | undefined;
  /** A ballot was recorded from this form and nothing changed since: the confirmation shows. */
  declare private confirmed: boolean;

  private draftFor = '';
  /** Who votes when a household signed in for `endpoint` and no `voter` is given. */
  private readonly seat = new SessionVoterController(this);
  /** The ranked ballot's list: drag, buttons and what each move says. */
  private readonly ranked = new RankedBallot(this);

  constructor() {
    super();
    this.motion = '';
    this.voter = '';
    this.proxy = '';
    this.holder = '';
    this.confirmed = false;
  }

  protected override renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const m = gov.motions.value.find((x) => x.id === this.motion);
    if (!m) return html`<p part="status" role="status">${t(locale, 'unknownMotion')}</p>`;
    const tally = gov.tally(m.id);
    const voter = this.voter ? voterNamed(m, this.voter) : undefined;
    const mine = voter ? gov.ballots(m.id).find((b) => b.voterId === voter.id) : undefined;
    // The form shows the household's live ballot ticked; a new revision (its own or another member's)
    // refills it, and a change in progress stays until then.
    const draftKey = `${m.id}|${voter?.id ?? ''}|${mine?.revision ?? 0}`;
    if (this.draftFor !== draftKey) {
      this.draftFor = draftKey;
      this.draft = draftOf(m, mine);
    }
    return html`<article part="motion" aria-labelledby="title">
      <h2 part="title" id="title">${m.title}</h2>
      ${this.renderStatus(m, tally, locale)}
      <div part="plain">${renderPlain(gov, m, tally, locale)} ${this.renderMine(gov, m, tally, locale)}</div>
      ${m.body && !m.result?.adoptedText ? html`<p part="body">${m.body}</p>` : nothing}
      ${this.renderBallot(gov, m, tally, locale)}
      ${tally ? this.renderTally(gov, m, tally, locale) : nothing}
    </article>`;
  }

  /** "您已投：同意 ✓ 可在12月20日18:00前修改": the household's own ballot, and whether it may still change it. */
  private renderMine(
    gov: ReadModels,
    m: Motion,
    tally: Tally | undefined,
    locale: Locale,
  ): TemplateResult | typeof nothing {
    if (!this.voter) return nothing;
    const voter = voterNamed(m, this.voter);
    if (!voter) return nothing;
    const mine = gov.ballots(m.id).find((b) => b.voterId === voter.id);
    const hasVoted = mine !== undefined || gov.voted(m.id).includes(voter.id);
    if (!hasVoted) return nothing;
    const open = m.status === 'open' && !tally?.final;
    const until = new Intl.DateTimeFormat(locale, {
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Shanghai',
    }).format(Date.parse(m.closesAt));
    const change = !open
      ? ''
      : m.allowChange
        ? t(locale, 'canChangeUntil', { time: until })
        : t(locale, 'cannotChange');
    return html`<p part="my-ballot">
      <span part="my-choice">${
        mine ? t(locale, 'youVotedFor', { choice: this.describe(m, mine, locale) }) : t(locale, 'youVoted')
      }</span>
      ${change ? html`<span part="my-change">${change}</span>` : nothing}
    </p>`;
  }

  private renderStatus(m: Motion, tally: Tally | undefined, locale: Locale): TemplateResult {
    const date = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    });
    const closes = Date.parse(m.closesAt);
    const now = (this.now ?? new Date()).getTime();
    const final = tally?.final ?? m.status === 'closed';
    const status = motionStatusKey(m, tally);
    const left = Math.max(0, closes - now);
    const outcome = tally?.outcome;
    const outcomeKey =
      outcome === 'passed'
        ? 'outcomePassed'
        : outcome === 'failed'
          ? 'outcomeFailed'
          : outcome === 'tied'
            ? 'outcomeTied'
            : null;
    return html`<p part="status">
      <span part="badge status-badge">${t(locale, status)}</span>
      <span>${
        // A motion closed early says when it did close, not when it was due to.
        final
          ? t(locale, 'closedAt', { time: date.format(m.closedAt ? Date.parse(m.closedAt) : closes) })
          : t(locale, 'closesAt', { time: date.format(closes) })
      }</span>
      ${
        !final && m.status === 'open'
          ? html`<span>${t(locale, 'remaining', { d: Math.floor(left / 86_400_000), h: Math.floor((left % 86_400_000) / 3_600_000) })}</span>`
          : nothing
      }
      ${outcomeKey && m.kind === 'proposal' && (final || tally?.decidedEarly) ? html`<span part="badge outcome">${t(locale, outcomeKey)}</span>` : nothing}
      ${tally?.decidedEarly ? html`<span part="badge">${t(locale, 'decidedEarly')}</span>` : nothing}
    </p>`;
  }

  private renderBallot(
    gov: ReadModels,
    m: Motion,
    tally: Tally | undefined,
    locale: Locale,
  ): TemplateResult | typeof nothing {
    if (m.status === 'draft') return html`<p>${t(locale, 'notOpen')}</p>`;
    // A cancelled motion takes no ballot; its badge says why there is no form.
    if (m.status === 'cancelled') return nothing;
    if (tally?.final) return html`<p>${t(locale, 'votingClosed')}</p>`;
    if (!this.voter) return this.renderSignIn(locale);
    // A co-owner may sign in under their own id: the roll names the unit's voter by its key.
    const voter = voterNamed(m, this.voter);
    if (!voter) return html`<p role="status">${t(locale, 'notEligible')}</p>`;
    const mine = gov.ballots(m.id).find((b) => b.voterId === voter.id);
    const hasVoted = mine !== undefined || gov.voted(m.id).includes(voter.id);
    // Whom the proxy votes for, by room, and who holds it, by name: never the ids behind them.
    const rooms = voter.unitIds.map((u) => roomLabel(gov, u, locale)).join(locale === 'zh-CN' ? '、' : ', ');
    const proxyNote = this.proxy
      ? html`<p part="proxy">${
          this.holder
            ? t(locale, 'asProxyHolder', { room: rooms, holder: this.holder })
            : t(locale, 'asProxy', { room: rooms })
        }</p>`
      : nothing;
    return html`${proxyNote}
      ${this.renderQueued(gov, m, locale)}
      ${
        !hasVoted || m.allowChange
          ? html`<form part="form" @submit=${this.onSubmit}>
            ${this.renderChoices(m, locale)}
            ${this.error ? html`<p part="error" role="alert">${this.error.message[locale]}</p>` : nothing}
            <button part="submit" type="submit" data-primary>${t(locale, hasVoted ? 'change' : 'cast')}</button>
          </form>`
          : nothing
      }
      <p part="confirmation" role="status">${
        this.confirmed
          ? mine
            ? t(locale, 'recorded', { choice: this.describe(m, mine, locale) })
            : t(locale, 'recordedPlain')
          : nothing
      }</p>`;
  }

  /**
   * Bound to a server with no `voter`: the household signs in right here (unless the page has its own
   * `<linli-sign-in>` for the endpoint), and then votes as the
   * server says it does (see {@link SessionVoterController}); a household with no ballot on the
   * motion is told so.
   */
  private renderSignIn(locale: Locale): TemplateResult | typeof nothing {
    if (!this.endpoint) return nothing;
    // A `<linli-sign-in>` the page placed itself for this endpoint is the one sign-in: not repeated here.
    const placed = document.querySelector(`linli-sign-in[endpoint="${CSS.escape(this.endpoint)}"]`);
    if (!this.seat.signedIn && !placed)
      return html`<linli-sign-in endpoint=${this.endpoint} lang=${locale} ?large-text=${this.largeText}></linli-sign-in>`;
    return this.seat.seat === 'none' ? html`<p role="status">${t(locale, 'notEligible')}</p>` : nothing;
  }

  /**
   * This voter's ballot on `m` that waits in the live view's queue ("saved, sent when back online"),
   * or the refusal the server gave it when it was finally sent.
   */
  private renderQueued(gov: ReadModels, m: Motion, locale: Locale): TemplateResult | typeof nothing {
    const live = liveParts(gov);
    if (!live) return nothing;
    const mineOnM = (command: unknown) => {
      const c = command as { type?: unknown; motionId?: unknown; voterId?: unknown };
      return c.type === 'ballot.cast' && c.motionId === m.id && c.voterId === this.voter;
    };
    if (live.pending.value.some((entry) => mineOnM(entry.command)))
      return html`<p part="queued" role="status">${QUEUED_ERROR.message[locale]}</p>`;
    const refused = [...live.refused.value].reverse().find((entry) => mineOnM(entry.command));
    return refused && !this.error
      ? html`<p part="error" role="alert">${refused.error.message[locale]}</p>`
      : nothing;
  }

  private renderChoices(m: Motion, locale: Locale): TemplateResult {
    const draft = this.draft as Draft;
    const name = `ballot-${m.id}`;
    switch (draft.kind) {
      case 'proposal': {
        const answers: ('yes' | 'no' | 'abstain' | 'block')[] = [
          'yes',
          'no',
          'abstain',
          ...(m.allowBlock ? (['block'] as const) : []),
        ];
        return html`<fieldset>
          <legend>${m.title}</legend>
          ${answers.map(
            (a) => html`<label class="choice"
              ><input type="radio" name=${name} value=${a} .checked=${draft.vote === a} @change=${() => this.setDraft({ kind: 'proposal', vote: a })} />
              ${t(locale, a)}</label
            >`,
          )}
        </fieldset>`;
      }
      case 'single':
        return html`<fieldset>
          <legend>${m.title}</legend>
          ${m.options.map(
            (o) => html`<label class="choice"
              ><input type="radio" name=${name} value=${o.id} .checked=${draft.option === o.id} @change=${() => this.setDraft({ kind: 'single', option: o.id })} />
              ${o.label}</label
            >`,
          )}
        </fieldset>`;
      case 'approval': {
        const min = m.minChoices ?? 1;
        const max = m.maxChoices ?? m.options.length;
        return html`<fieldset>
          <legend>${m.title} — ${t(locale, 'chooseBetween', { min, max })}</legend>
          ${m.options.map(
            (o) => html`<label class="choice"
              ><input
                type="checkbox"
                value=${o.id}
                .checked=${draft.options.has(o.id)}
                @change=${(e: Event) => {
                  const next = new Set(draft.options);
                  if ((e.target as HTMLInputElement).checked) next.add(o.id);
                  else next.delete(o.id);
                  this.setDraft({ kind: 'approval', options: next });
                }}
              />
              ${o.label}</label
            >`,
          )}
        </fieldset>`;
      }
      case 'score':
        return html`<fieldset>
          <legend>${m.title}</legend>
          ${m.options.map(
            (o) => html`<label class="choice"
              >${o.label}
              <select
                aria-label=${t(locale, 'score', { option: o.label })}
                @change=${(e: Event) => {
                  const next = new Map(draft.scores);
                  next.set(o.id, Number((e.target as HTMLSelectElement).value));
                  this.setDraft({ kind: 'score', scores: next });
                }}
              >
                ${[0, 1, 2, 3, 4, 5].map((n) => html`<option value=${n} ?selected=${draft.scores.get(o.id) === n}>${n}</option>`)}
              </select></label
            >`,
          )}
        </fieldset>`;
      case 'ranked':
        return html`<fieldset>
          <legend>${m.title}</legend>
          ${this.ranked.render(m, draft.ranking, locale, (ranking) => this.setDraft({ kind: 'ranked', ranking }))}
        </fieldset>`;
      case 'dot':
        return renderDotBallot(m, draft, locale, (next) => this.setDraft(next));
    }
  }

  private renderTally(
    gov: ReadModels,
    m: Motion,
    tally: Tally,
    locale: Locale,
  ): TemplateResult | typeof nothing {
    // Units are named as residents name them: "102室" / "Room 102".
    const explained = explainTally(m, tally, (id, loc) => roomLabel(gov, id, loc));
    const checks = explained.lines.filter((l) => l.kind === 'check');
    const withheld = tally.withheld ?? [];
    const turnout = html`<p part="turnout">${t(locale, 'turnout', { voted: tally.votedVoters, eligible: tally.eligibleVoters })}</p>`;
    // The legal detail (each check with its exact fraction, areas to the hundredth) is one tap away.
    // With no condition to meet, the turnout is the plain top's (see renderPlain); there is no detail.
    if (tally.checks.length === 0 && tally.consent.length === 0 && !m.rule.noBlock) return nothing;
    return html`${turnout}<details part="detail">
      <summary part="detail-toggle">${t(locale, 'details')}</summary>
      <section part="tally" aria-label=${t(locale, 'results')}>
      ${withheld.length > 0 ? html`<p part="withheld">${t(locale, 'secretWithheld')}</p>` : nothing}
      ${tally.checks.map((c, i) => {
        // A secret motion's withheld weights are zeros, not figures: say only whether the check is met.
        if (withheld.includes(c.check.dimension)) {
          const what = c.check.kind === 'participation' ? 'withheldParticipation' : 'withheldApproval';
          return html`<div part="check">
            <div>${t(locale, what, {
              weight: t(locale, c.check.dimension === 'area' ? 'weightArea' : 'weightCustom'),
              state: t(locale, c.met ? 'checkMet' : 'checkNotMet'),
            })}</div>
          </div>`;
        }
        const pct = (v: number) => (c.base > 0 ? Math.min(100, (v / c.base) * 100) : 0);
        return html`<div part="check">
          <div>${checks[i]?.text[locale]}</div>
          <div part="bar" aria-hidden="true">
            <div part="bar-fill" data-met=${String(c.met)} ${styleProperty('width', `${pct(c.actual)}%`)}></div>
            <div part="bar-threshold" ${styleProperty('left', `${pct(c.required)}%`)}></div>
          </div>
        </div>`;
      })}
      ${explained.lines
        .filter((l) => l.kind === 'consent' || l.kind === 'block')
        .map((l) => html`<p>${l.text[locale]}</p>`)}
      <p part="legal-summary">${explained.summary[locale]}</p>
    </section></details>`;
  }

  private describe(m: Motion, ballot: Ballot, locale: Locale): string {
    const label = (i: number) => m.options[i]?.label ?? String(i);
    const c = ballot.choice;
    switch (c.kind) {
      case 'proposal':
        return t(locale, c.vote);
      case 'single':
        return label(c.option);
      case 'approval':
        return c.options.map(label).join(locale === 'zh-CN' ? '、' : ', ');
      case 'score':
        return c.scores.map((s, i) => `${label(i)} ${s}`).join(locale === 'zh-CN' ? '、' : ', ');
      case 'ranked':
        return c.ranking.map(label).join(' > ');
      case 'dot':
        return c.points.map((p, i) => `${label(i)} ${p}`).join(locale === 'zh-CN' ? '、' : ', ');
    }
  }

  private setDraft(draft: Draft): void {
    this.draft = draft;
    this.error = undefined;
    this.confirmed = false;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const gov = this.governance;
    const draft = this.draft;
    if (!gov || !draft) return;
    const base = {
      type: 'ballot.cast',
      motionId: this.motion,
      voterId: this.voter,
      ...(this.proxy ? { proxyId: this.proxy } : {}),
    };
    const fields = fieldsOf(draft);
    const result = await gov.execute({ ...base, ...fields });
    if (!result.ok) {
      // Queued is no refusal: the live view's queue says so (see `renderQueued`) until it is sent.
      this.error = result.error.code === QUEUED_ERROR.code ? undefined : result.error;
      return;
    }
    this.error = undefined;
    this.confirmed = true;
    this.dispatchEvent(
      new CustomEvent<LinliBallotCastDetail>('linli-ballot-cast', {
        detail: { motionId: this.motion, voterId: this.voter },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
