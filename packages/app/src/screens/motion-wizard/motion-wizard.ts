import {
  type Governance,
  type LinliError,
  type LoggedEvent,
  localDateOf,
  previewElectorate,
  previewSecrecy,
  type RoleDefinition,
  type Scope,
  unitsIn,
} from '@linli/core';
import { css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ReplicaController } from '../../api/replica-controller.js';
import { translator } from '../../shell/strings.js';
import { motionHref, motionsHref } from '../motions/motions-screen.js';
import { ScreenElement } from '../screen-element.js';
import { draftCommand } from './draft-command.js';
import { keepEnterFromSubmitting } from './enter-key.js';
import { fundStrings } from './fund.strings.js';
import { fundSection } from './fund-fields.js';
import { electionDraft, templateDraft } from './templates.js';
import { wizardStrings } from './wizard.strings.js';
import { checkDraft } from './wizard-checks.js';
import {
  fitRule,
  groundFloorUnits,
  type TemplateContext,
  type TemplateId,
  type WizardDraft,
} from './wizard-draft.js';
import {
  basisAndRule,
  electoratePanel,
  type Form,
  fieldKeys,
  kindField,
  mustConsentField,
  optionsField,
  roleField,
  scopeField,
  settingsFields,
  templatePicker,
  textFields,
} from './wizard-sections.js';

const t = translator(wizardStrings);
const fundWords = translator(fundStrings);

/** Where the wizard stands after "save": filling in, confirming the opening, sending. */
type Phase = 'form' | 'confirm' | 'sending';

/**
 * `/c/:community/organizer/motions/new`: the motion wizard. The organizer picks a template (which
 * pre-fills kind, basis, rule and options), then fills in the title and text, options, scope, rule and
 * settings, seeing the electorate the core computes from the live replica as they go. "Save" sends
 * `motion.draft`, and with "open at once" (after a confirmation saying what opening does)
 * `motion.open`; a refusal shows the core's typed error beside the field its path names and nothing
 * changes. Once drafted it goes to the motion's page.
 */
export class MotionWizard extends ScreenElement {
  static override properties: PropertyDeclarations = {
    ...ScreenElement.properties,
    draft: { state: true },
    error: { state: true },
    phase: { state: true },
    openNow: { state: true },
    drafted: { state: true },
    standard: { state: true },
  };
  static override styles = [
    ScreenElement.styles,
    css`
      form {
        max-width: 40em;
      }
      /* A date-time field's own minimum width passes a 360 px phone in large text: let it shrink. */
      .field > *,
      input[type='datetime-local'] {
        min-width: 0;
        max-width: 100%;
      }
      textarea[aria-invalid='true'] {
        border: 2px solid var(--linli-color-danger);
      }
      label.template {
        align-items: flex-start;
        padding: 0.3em 0;
      }
      label.template input {
        margin-top: 0.25em;
      }
      ol.options {
        padding-left: 1.5em;
        margin: 0 0 0.75em;
        display: grid;
        gap: 0.75em;
      }
      ol.options .row {
        margin-top: 0.4em;
      }
      /* No inner scroll box: on a phone its scrollbar is invisible and homes below it seem missing. */
      .units {
        display: grid;
        gap: 0.2em;
      }
      /* A rule's long name must show whole in large text on a phone: the select takes the full width. */
      select {
        box-sizing: border-box;
        width: 100%;
        max-width: 100%;
        min-width: 0;
        text-overflow: ellipsis;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75em;
      }
    `,
  ];

  declare draft: WizardDraft | undefined;
  declare error: LinliError | undefined;
  declare phase: Phase;
  declare openNow: boolean;
  /** A motion drafted whose opening was refused: its id, for the link to its page. */
  declare drafted: string | undefined;
  /** Setting up the standard roles from the election template: sending, or the core's refusal. */
  declare standard: { readonly busy: boolean; readonly error: LinliError | undefined };

  readonly #replica = new ReplicaController(this);

  constructor() {
    super();
    this.draft = undefined;
    this.error = undefined;
    this.phase = 'form';
    this.openNow = false;
    this.drafted = undefined;
    this.standard = { busy: false, error: undefined };
  }

  private get community(): string {
    return this.context.params.community ?? '';
  }

  protected override willUpdate(): void {
    this.#replica.watch(this.community, this.context.sessions.token(this.community));
    const status = this.#replica.status;
    if (status.kind === 'ready' && this.draft === undefined)
      this.draft = templateDraft('elevator', this.#templateContext(status.governance, 'elevator'));
  }

  #roles(gov: Governance): RoleDefinition[] {
    return gov.read((s) => [...s.roles.roles.values()]);
  }

  #templateContext(gov: Governance, template: TemplateId, roleId?: string): TemplateContext {
    const l = this.locale;
    const roles = this.#roles(gov);
    const role = roles.find((r) => r.id === roleId) ?? roles[0];
    const n = (key: 'w_offer' | 'w_design' | 'w_candidate') =>
      [1, 2, 3].map((i) => t(l, key, { n: String(i) }));
    const projects = [1, 2, 3, 4].map((i) => fundWords(l, 'w_project', { n: String(i) }));
    const words = {
      elevator: { title: t(l, 'w_elevator_title'), body: t(l, 'w_elevator_body'), options: [] },
      convention: { title: t(l, 'w_convention_title'), body: t(l, 'w_convention_body'), options: [] },
      offers: { title: t(l, 'w_offers_title'), body: '', options: n('w_offer') },
      design: { title: t(l, 'w_design_title'), body: '', options: n('w_design') },
      election: {
        title: t(l, 'w_election_title', { role: role?.name[l] ?? '' }),
        body: '',
        options: n('w_candidate'),
      },
      fund: { title: fundWords(l, 'w_fund_title'), body: fundWords(l, 'w_fund_body'), options: projects },
      custom: { title: '', body: '', options: [] },
    }[template];
    return { community: gov.read((s) => s.community), roles, now: Date.now(), words };
  }

  #pick(gov: Governance, template: TemplateId): void {
    this.error = undefined;
    this.draft = templateDraft(template, this.#templateContext(gov, template));
  }

  #pickRole(gov: Governance, roleId: string): void {
    const d = this.draft;
    if (!d) return;
    const ctx = this.#templateContext(gov, 'election', roleId);
    this.draft = { ...electionDraft(d, ctx, roleId), title: ctx.words.title };
  }

  /** Sets up 一长五大 for a building (`role.defineStandard`), then elects its head. */
  async #defineStandard(gov: Governance, buildingId: string, termMonths: number): Promise<void> {
    this.standard = { busy: true, error: undefined };
    const command = { type: 'role.defineStandard', buildingId, termMonths };
    const path = `/c/${encodeURIComponent(this.community)}/commands`;
    const answer = await this.context.api.send('POST', path, { command });
    if (!answer.ok) {
      this.standard = { busy: false, error: answer.error };
      return;
    }
    await gov.refresh().catch(() => undefined);
    this.standard = { busy: false, error: undefined };
    const first = this.#roles(gov).find((r) => r.buildingId === buildingId);
    if (first) this.#pickRole(gov, first.id);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#role')?.focus();
  }

  /** A change to the draft; the rule is re-fitted when the kind, method or basis changes. */
  #set(change: Partial<WizardDraft>): void {
    const d = this.draft;
    if (!d) return;
    let next: WizardDraft = { ...d, ...change };
    if (change.kind === 'ranked' && next.method === undefined) next = { ...next, method: 'schulze' };
    if (change.kind !== undefined && change.kind !== 'proposal' && next.options.length < 2)
      next = {
        ...next,
        options: [...next.options, { id: 'o1', label: '' }, { id: 'o2', label: '' }].slice(0, 2),
      };
    if (change.method === 'stv' && next.seats === undefined) next = { ...next, seats: 1 };
    if (next.basis !== 'owners' || next.kind !== 'proposal') next = { ...next, mustConsent: [] };
    this.draft = 'kind' in change || 'method' in change || 'basis' in change ? fitRule(next) : next;
  }

  /** A new scope; the elevator template re-picks the ground floor of the new scope. */
  #changeScope(gov: Governance, scope: Scope): void {
    const d = this.draft;
    if (!d) return;
    const community = gov.read((s) => s.community);
    const mustConsent =
      d.template === 'elevator'
        ? groundFloorUnits(community, scope)
        : d.mustConsent.filter((id) => unitsIn(community, scope).some((u) => u.id === id));
    this.draft = { ...d, scope, mustConsent };
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const status = this.#replica.status;
    return html`<p><a href=${motionsHref(this.community)}>${t(l, 'toMotions')}</a></p>
      <h1>${t(l, 'title')}</h1>
      ${
        status.kind === 'loading' || (status.kind === 'ready' && !this.draft)
          ? html`<p role="status">${t(l, 'loading')}</p>`
          : status.kind === 'failed'
            ? html`<p class="alert" role="alert">${status.error.message[l]}</p>
              <button type="button" @click=${() => this.#replica.retry(this.community, this.context.sessions.token(this.community))}>
                ${t(l, 'retry')}
              </button>`
            : this.#form(status.governance)
      }`;
  }

  #form(gov: Governance): TemplateResult {
    const l = this.locale;
    const d = this.draft as WizardDraft;
    const community = gov.read((s) => s.community);
    const form: Form = {
      draft: d,
      locale: l,
      error: this.error,
      community,
      roles: this.#roles(gov),
      optionHints: this.#templateContext(gov, d.template, d.roleId).words.options,
      set: (change) => this.#set(change),
    };
    const today = localDateOf(new Date());
    const preview = gov.read((s) => previewElectorate(s.community, d, today));
    const secretRefused =
      d.secrecy === 'secret' && gov.read((s) => previewSecrecy(s.community, d, today)).refused;
    const inScope = unitsIn(community, d.scope).map((u) => u.id);
    const general =
      this.error && !fieldKeys.some((key) => this.error?.path[0] === key) ? this.error : undefined;
    return html`<form novalidate @keydown=${keepEnterFromSubmitting} @submit=${(e: Event) => this.#submit(e, gov)}>
      ${templatePicker(form, (id) => this.#pick(gov, id))}
      <fieldset>
        <legend>${t(l, 'step2')}</legend>
        ${
          d.template === 'election'
            ? roleField(form, (id) => this.#pickRole(gov, id), {
                ...this.standard,
                define: (building, months) => void this.#defineStandard(gov, building, months),
              })
            : nothing
        }
        ${textFields(form)} ${kindField(form)} ${optionsField(form)}
      </fieldset>
      ${d.fund ? fundSection(form, d.fund, form.optionHints) : nothing}
      ${scopeField(form, (scope) => this.#changeScope(gov, scope))} ${basisAndRule(form)}
      ${mustConsentField(form, inScope)} ${electoratePanel(form, preview, secretRefused)} ${settingsFields(form)}
      <label class="choice">
        <input type="checkbox" .checked=${this.openNow} @change=${(e: Event) => {
          this.openNow = (e.target as HTMLInputElement).checked;
        }} />
        ${t(l, 'openNow')}
      </label>
      ${general ? html`<p class="alert" role="alert">${general.message[l]}</p>` : nothing}
      ${this.#drafted()}
      ${
        // Once drafted, saving again would draft a second motion: the draft's page takes it from here.
        this.drafted !== undefined
          ? nothing
          : this.phase === 'confirm'
            ? this.#confirm(gov, preview.heads)
            : this.#submitButton()
      }
    </form>`;
  }

  #submitButton(): TemplateResult {
    const l = this.locale;
    const sending = this.phase === 'sending';
    return html`<div class="actions">
      <button type="submit" class="primary" ?disabled=${sending}>
        ${sending ? t(l, 'sending') : this.openNow ? t(l, 'submitOpen') : t(l, 'submitDraft')}
      </button>
      <a class="action" href=${motionsHref(this.community)}>${t(l, 'cancel')}</a>
    </div>`;
  }

  #confirm(gov: Governance, heads: number): TemplateResult {
    const l = this.locale;
    return html`<section class="card" id="confirm" tabindex="-1" role="alertdialog" aria-labelledby="confirm-h" aria-describedby="confirm-p">
      <h2 id="confirm-h">${t(l, 'confirmTitle')}</h2>
      <p id="confirm-p">${t(l, 'confirmText', { heads: String(heads) })}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => void this.#send(gov)}>${t(l, 'confirmYes')}</button>
        <button type="button" @click=${() => this.#back()}>${t(l, 'confirmNo')}</button>
      </div>
    </section>`;
  }

  #drafted(): TemplateResult | typeof nothing {
    if (this.drafted === undefined) return nothing;
    return html`<p><a href=${motionHref(this.community, this.drafted)}>${t(this.locale, 'toMotion')}</a></p>`;
  }

  async #back(): Promise<void> {
    this.phase = 'form';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('button[type=submit]')?.focus();
  }

  async #submit(event: Event, gov: Governance): Promise<void> {
    event.preventDefault();
    if (this.phase !== 'form' || !this.draft) return;
    const refused = checkDraft(this.draft, Date.now());
    if (refused) return this.#refused(refused);
    this.error = undefined;
    if (!this.openNow) return this.#send(gov);
    this.phase = 'confirm';
    await this.updateComplete;
    // The whole confirmation, its buttons too, comes into view on a phone, not just its heading.
    const confirm = this.renderRoot.querySelector<HTMLElement>('#confirm');
    confirm?.focus({ preventScroll: true });
    confirm?.scrollIntoView({ block: 'nearest' });
  }

  async #send(gov: Governance): Promise<void> {
    const d = this.draft;
    if (!d) return;
    this.phase = 'sending';
    const path = `/c/${encodeURIComponent(this.community)}/commands`;
    const api = this.context.api;
    const drafted = await api.send<{ events: LoggedEvent[] }>('POST', path, { command: draftCommand(d) });
    if (!drafted.ok) return this.#refused(drafted.error);
    const motionId = (drafted.value.events[0]?.payload as { motionId?: string } | undefined)?.motionId ?? '';
    if (this.openNow) {
      const opened = await api.send('POST', path, { command: { type: 'motion.open', motionId } });
      if (!opened.ok) {
        this.drafted = motionId;
        return this.#refused({ ...opened.error, path: [] }, t(this.locale, 'draftedNotOpened'));
      }
    }
    await gov.refresh().catch(() => undefined);
    this.phase = 'form';
    this.context.navigate(motionHref(this.community, motionId));
  }

  /** Shows a refusal beside its field (or above "save") and moves focus there. */
  async #refused(error: LinliError, lead?: string): Promise<void> {
    this.error = lead
      ? {
          ...error,
          message: { 'zh-CN': `${lead}${error.message['zh-CN']}`, en: `${lead} ${error.message.en}` },
        }
      : error;
    this.phase = 'form';
    await this.updateComplete;
    // The field itself, else the message beside a group (options, scope…), else the message above Save.
    const target =
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      this.renderRoot.querySelector<HTMLElement>(`#err-${String(this.error.path[0])}`) ??
      this.renderRoot.querySelector<HTMLElement>('[role="alert"]');
    if (target && !target.hasAttribute('tabindex') && target.tagName === 'P') target.tabIndex = -1;
    target?.focus();
  }
}

if (!customElements.get('linli-motion-wizard')) customElements.define('linli-motion-wizard', MotionWizard);
