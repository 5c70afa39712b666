import {
  type Announcement,
  draftArrearsReminder,
  draftMotionReminder,
  type Governance,
  type Locale,
  localDateOf,
  type NoticeDraft,
  type NoticeReads,
  type NoticeScope,
  summarizeLedger,
} from '@linli/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type CommandAnswer, CommandScreen, type PendingCommand } from '../command-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './announcements.strings.js';
import { scopeLabel, scopeOptions } from './scope.js';

/** What `GET /c/:id/announcements/reads` answers. */
interface ReadsAnswer {
  readonly showReaders: boolean;
  readonly reads: readonly NoticeReads[];
}

const field = (form: HTMLFormElement, name: string): string => String(new FormData(form).get(name) ?? '');

/** A scope as the `<select>` writes it (`community`, `building:b96`, `stairwell:s1`). */
function scopeOf(value: string): NoticeScope {
  const [kind, id = ''] = value.split(':');
  return kind === 'building' || kind === 'stairwell' ? { kind, id } : { kind: 'community' };
}

const scopeValue = (scope: NoticeScope): string =>
  scope.kind === 'community' ? 'community' : `${scope.kind}:${scope.id}`;

/**
 * `/c/:community/organizer/announcements`: post a notice (title, plain-text body, scope, last day, a
 * photo or PDF uploaded first), draft a reminder for an open vote or a fund's arrears into that form,
 * and see every notice with how many households read it (which ones only where the community allows),
 * a print link, and withdrawal behind a confirmation. A refusal shows the core's typed error where
 * the action was, and nothing changes.
 */
export class AnnouncementsScreen extends CommandScreen {
  static override properties: PropertyDeclarations = {
    ...CommandScreen.properties,
    reads: { state: true },
    draft: { state: true },
  };
  static override styles = [
    ScreenElement.styles,
    css`
      ul.notices {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 1em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
        align-items: center;
      }
      form {
        display: grid;
        gap: 0.5em;
      }
      textarea {
        min-height: 8em;
      }
      h3 {
        margin: 0;
      }
      .body {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare reads: ReadsAnswer | undefined;
  /** A drafted reminder filling the post form, until posted. */
  declare draft: NoticeDraft | undefined;
  private readsFor = '';

  constructor() {
    super();
    this.reads = undefined;
    this.draft = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadReads();
  }

  /** Asks the server for every notice's read count (organizers only); kept beside the replica. */
  private async loadReads(): Promise<void> {
    this.readsFor = this.community;
    const answer = await this.context.api.request<ReadsAnswer>(
      `/c/${encodeURIComponent(this.community)}/announcements/reads`,
    );
    if (answer.ok) this.reads = answer.value;
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const heading = html`<h1 tabindex="-1">${t(l, 'title')}</h1>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    if (this.readsFor !== this.community) void this.loadReads();
    const notices = gov.read((s) => [...s.announcements.announcements.values()].reverse());
    return html`${heading}
      <p class="done" role="status">${this.done ?? ''}</p>
      ${this.renderPostForm(gov, l)} ${this.renderReminder(gov, l)}
      <section class="card" aria-labelledby="list-h">
        <h2 id="list-h">${t(l, 'list')}</h2>
        ${this.renderPolicy(l)}
        ${
          notices.length === 0
            ? html`<p>${t(l, 'none')}</p>`
            : html`<ul class="notices">${notices.map((n) => this.renderNotice(gov, n, l))}</ul>`
        }
      </section>`;
  }

  private renderPostForm(gov: Governance, l: Locale): TemplateResult {
    const draft = this.draft;
    const options = gov.read((s) => scopeOptions(s.community, l));
    const chosen = draft ? scopeValue(draft.scope) : 'community';
    return html`<section class="card" aria-labelledby="post-h">
      <h2 id="post-h">${t(l, 'post')}</h2>
      <form @submit=${(e: Event) => this.post(e)} aria-labelledby="post-h">
        <div class="field">
          <label for="n-title">${t(l, 'noticeTitle')}</label>
          <input id="n-title" name="title" type="text" autocomplete="off" .value=${draft?.title ?? ''} />
        </div>
        <div class="field">
          <label for="n-body">${t(l, 'body')}</label>
          <textarea id="n-body" name="body" rows="6" .value=${draft?.body ?? ''}></textarea>
        </div>
        <div class="field">
          <label for="n-scope">${t(l, 'scope')}</label>
          <select id="n-scope" name="scope">
            ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === chosen}>${o.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="n-expires">${t(l, 'expires')}</label>
          <input id="n-expires" name="expiresOn" type="date" .value=${draft?.expiresOn ?? ''} />
        </div>
        <div class="field">
          <label for="n-file">${t(l, 'file')}</label>
          <input id="n-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />
        </div>
        <div class="actions"><button type="submit" class="primary" id="post" ?disabled=${this.busy}>${t(l, 'post')}</button></div>
      </form>
      ${this.renderError('post', l)}
    </section>`;
  }

  /** Uploads the chosen file (if any), then posts the notice naming it. */
  private async post(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const l = this.locale;
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    const expiresOn = field(form, 'expiresOn');
    this.busy = true;
    this.error = undefined;
    this.done = undefined;
    let attachments: unknown[] | undefined;
    if (file) {
      this.done = t(l, 'uploading');
      const uploaded = await this.context.api.request<{ sha256: string; size: number; type: string }>(
        `/c/${encodeURIComponent(this.community)}/attachments`,
        { method: 'POST', body: file },
      );
      if (!uploaded.ok) return this.refuse('post', uploaded.error);
      attachments = [{ ...uploaded.value, name: file.name }];
    }
    const command = {
      type: 'announcement.post',
      title: field(form, 'title'),
      body: field(form, 'body'),
      scope: scopeOf(field(form, 'scope')),
      ...(expiresOn ? { expiresOn } : {}),
      ...(attachments ? { attachments } : {}),
    };
    if (await this.send('post', command)) {
      form.reset();
      this.draft = undefined;
      this.done = t(l, 'posted');
    }
  }

  private renderReminder(gov: Governance, l: Locale): TemplateResult {
    const { motions, funds } = gov.read((s) => ({
      motions: [...s.voting.motions.values()].map((m) => m.motion).filter((m) => m.status === 'open'),
      funds: [...s.funds.funds.values()],
    }));
    const submit = (e: Event) => {
      e.preventDefault();
      const [kind, id = ''] = field(e.target as HTMLFormElement, 'what').split(':');
      const drafted = kind === 'motion' ? this.motionDraft(gov, id, l) : this.fundDraft(gov, id, l);
      if (!drafted.ok) return void this.refuse('remind', drafted.error);
      this.error = undefined;
      this.draft = drafted.value;
      this.done = t(l, 'drafted');
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#n-title')?.focus());
    };
    return html`<section class="card" aria-labelledby="remind-h">
      <h2 id="remind-h">${t(l, 'remind')}</h2>
      <p class="hint">${t(l, 'remindHint')}</p>
      <form @submit=${submit} aria-labelledby="remind-h">
        <div class="field">
          <label for="remind-what">${t(l, 'remindOf')}</label>
          <select id="remind-what" name="what" required>
            <option value="">${t(l, 'pick')}</option>
            ${motions.map((m) => html`<option value="motion:${m.id}">${t(l, 'motion', { title: m.title })}</option>`)}
            ${funds.map((f) => html`<option value="fund:${f.id}">${t(l, 'fund', { name: f.name })}</option>`)}
          </select>
        </div>
        <div class="actions"><button type="submit" id="draft">${t(l, 'remind')}</button></div>
      </form>
      ${this.renderError('remind', l)}
    </section>`;
  }

  private motionDraft(gov: Governance, motionId: string, l: Locale) {
    const motion = gov.motions.value.find((m) => m.id === motionId);
    const tally = gov.tally(motionId);
    if (!motion || !tally)
      return draftMotionReminder({ status: 'draft' } as never, { eligibleVoters: 0, votedVoters: 0 });
    return draftMotionReminder(motion, tally, { locale: l });
  }

  private fundDraft(gov: Governance, fundId: string, l: Locale) {
    return gov.read((s) => {
      const fund = s.funds.funds.get(fundId);
      const summary = summarizeLedger(s.funds.entries.get(fundId) ?? [], localDateOf(new Date()));
      return draftArrearsReminder(s.community, { name: fund?.name ?? fundId }, summary, { locale: l });
    });
  }

  private renderPolicy(l: Locale): TemplateResult | typeof nothing {
    const reads = this.reads;
    if (!reads) return nothing;
    const key = 'policy';
    const next = !reads.showReaders;
    return html`<p>${t(l, reads.showReaders ? 'showingReaders' : 'countsOnly')}</p>
      ${
        this.renderConfirm(key, l) ??
        html`<div class="actions"><button type="button" id="readers-policy" @click=${() =>
          this.ask(key, {
            command: { type: 'announcement.setReadersPolicy', showReaders: next },
            text: t(l, next ? 'confirmReaders' : 'confirmCounts'),
          })}>${t(l, next ? 'allowReaders' : 'countsOnlyAction')}</button></div>`
      }
      ${this.renderError(key, l)}`;
  }

  private renderNotice(gov: Governance, notice: Announcement, l: Locale): TemplateResult {
    const today = localDateOf(new Date());
    const reads = this.reads?.reads.find((r) => r.announcementId === notice.id);
    const state = notice.withdrawn
      ? t(l, 'withdrawnState', { reason: notice.withdrawn.reason })
      : notice.expiresOn !== undefined && notice.expiresOn < today
        ? t(l, 'expired')
        : t(l, 'active');
    const scope = gov.read((s) => scopeLabel(s.community, notice.scope, l));
    const print = `/c/${encodeURIComponent(this.community)}/organizer/announcements/${encodeURIComponent(notice.id)}/print`;
    return html`<li class="card" data-notice=${notice.id}>
      <h3>${notice.title}</h3>
      <p>${state} · ${scope} · ${t(l, 'postedOn', { date: notice.postedOn })}${
        notice.expiresOn ? html` ${t(l, 'until', { date: notice.expiresOn })}` : nothing
      }</p>
      <p class="body">${notice.body}</p>
      ${reads ? html`<p class="reads"><strong>${t(l, 'reads', { read: String(reads.read), households: String(reads.households) })}</strong></p>` : nothing}
      ${
        reads?.readers && reads.readers.length > 0
          ? html`<p class="readers">${t(l, 'readers', { rooms: reads.readers.map((r) => r.room).join('、') })}</p>`
          : nothing
      }
      <div class="actions"><a href=${print} id="print-${notice.id}">${t(l, 'print')}</a></div>
      ${notice.withdrawn ? nothing : this.renderWithdraw(notice, l)}
    </li>`;
  }

  private renderWithdraw(notice: Announcement, l: Locale): TemplateResult {
    const key = `withdraw/${notice.id}`;
    const confirm = this.renderConfirm(key, l);
    if (confirm) return html`${confirm}${this.renderError(key, l)}`;
    const submit = (e: Event) => {
      e.preventDefault();
      this.ask(key, {
        command: {
          type: 'announcement.withdraw',
          announcementId: notice.id,
          reason: field(e.target as HTMLFormElement, 'reason').trim(),
        },
        text: t(l, 'confirmWithdraw', { title: notice.title }),
      });
    };
    return html`<details ?open=${this.error?.key === key}>
        <summary id="open-withdraw-${notice.id}">${t(l, 'withdraw')}…</summary>
        <form @submit=${submit} aria-label="${t(l, 'withdraw')} ${notice.title}">
          <div class="field">
            <label for="reason-${notice.id}">${t(l, 'reason')}</label>
            <input id="reason-${notice.id}" name="reason" type="text" autocomplete="off" />
          </div>
          <div class="actions"><button type="submit" id="withdraw-${notice.id}">${t(l, 'withdraw')}</button></div>
        </form>
      </details>
      ${this.renderError(key, l)}`;
  }

  protected override async recorded(pending: PendingCommand): Promise<void> {
    this.done = pending.key === 'policy' ? undefined : t(this.locale, 'withdrawn');
  }

  /** Every accepted command may change a count or the policy: the reads are asked for again. */
  protected override async send(
    key: string,
    command: Record<string, unknown>,
  ): Promise<CommandAnswer | undefined> {
    const accepted = await super.send(key, command);
    if (accepted) await this.loadReads();
    return accepted;
  }
}

if (!customElements.get('linli-announcements-screen'))
  customElements.define('linli-announcements-screen', AnnouncementsScreen);
