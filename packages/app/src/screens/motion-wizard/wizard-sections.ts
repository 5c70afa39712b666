import type {
  Basis,
  CommunityState,
  ElectoratePreview,
  LinliError,
  Locale,
  MotionKind,
  RankedMethod,
  RoleDefinition,
  Scope,
} from '@linli/core';
import { type Area, formatArea, ruleSource } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { translator } from '../../shell/strings.js';
import { isAbout } from '../screen-element.js';
import { wizardStrings } from './wizard.strings.js';
import { rulesFor, type TemplateId, templateIds, type WizardDraft } from './wizard-draft.js';

const t = translator(wizardStrings);

/** What each section draws from and how it changes the draft. */
export interface Form {
  readonly draft: WizardDraft;
  readonly locale: Locale;
  readonly error: LinliError | undefined;
  readonly community: CommunityState;
  readonly roles: readonly RoleDefinition[];
  /** The template's words for its options ("Offer 1"…), shown as placeholder hints in empty fields. */
  readonly optionHints: readonly string[];
  readonly set: (change: Partial<WizardDraft>) => void;
}

/** The first segment of an error path each field shows beside itself; anything else shows above submit. */
export const fieldKeys = [
  'title',
  'body',
  'kind',
  'method',
  'seats',
  'options',
  'scope',
  'basis',
  'rule',
  'mustConsent',
  'secrecy',
  'allowChange',
  'proxyCap',
  'tieBreak',
  'opensAt',
  'closesAt',
  'funding',
] as const;

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
const checked = (e: Event) => (e.target as HTMLInputElement).checked;

/** The refusal beside field `key`, with its id for `aria-describedby`. */
export function fieldError(f: Form, key: string): TemplateResult | typeof nothing {
  return isAbout(f.error, [key])
    ? html`<p class="error" id="err-${key}">${f.error?.message[f.locale]}</p>`
    : nothing;
}

const invalid = (f: Form, key: string) => (isAbout(f.error, [key]) ? 'true' : 'false');
const describedBy = (f: Form, key: string) => (isAbout(f.error, [key]) ? `err-${key}` : nothing);

/** Step 1: the templates, as radio buttons with a line each on what they pre-fill. */
export function templatePicker(f: Form, pick: (id: TemplateId) => void): TemplateResult {
  const l = f.locale;
  return html`<fieldset class="templates">
    <legend>${t(l, 'step1')}</legend>
    ${templateIds.map(
      (id) => html`<label class="choice template">
        <input
          type="radio"
          name="template"
          value=${id}
          .checked=${f.draft.template === id}
          @change=${() => pick(id)}
        />
        <span><strong>${t(l, `tpl_${id}`)}</strong><br /><span class="hint">${t(l, `tpl_${id}_hint`)}</span></span>
      </label>`,
    )}
  </fieldset>`;
}

/** How the election template sets up the standard roles when the community has none yet. */
export interface StandardRoles {
  readonly define: (buildingId: string, termMonths: number) => void;
  readonly error: LinliError | undefined;
  readonly busy: boolean;
}

/** The election template's role: which of the community's roles, its seats and its term. */
export function roleField(
  f: Form,
  pickRole: (roleId: string) => void,
  standard: StandardRoles,
): TemplateResult {
  const l = f.locale;
  if (f.roles.length === 0) return standardRolesForm(f, standard);
  const role = f.roles.find((r) => r.id === f.draft.roleId);
  return html`<div class="field">
    <label for="role">${t(l, 'role')}</label>
    <select id="role" @change=${(e: Event) => pickRole(value(e))}>
      ${f.roles.map(
        (r) =>
          html`<option value=${r.id} ?selected=${r.id === f.draft.roleId}>
            ${r.name[l]} · ${f.community.buildings.get(r.buildingId)?.name ?? r.buildingId}
          </option>`,
      )}
    </select>
    ${
      role
        ? html`<p class="hint" id="role-terms">
          ${t(l, 'seats', { n: String(role.seats) })} · ${t(l, 'term', { n: String(role.termMonths) })}
        </p>`
        : nothing
    }
  </div>`;
}

/** No roles yet: the six of 一长五大 for a chosen building and term, set up in one step (`role.defineStandard`). */
function standardRolesForm(f: Form, standard: StandardRoles): TemplateResult {
  const l = f.locale;
  const buildings = [...f.community.buildings.values()];
  const problem = standard.error;
  const define = (e: Event) => {
    const root = (e.currentTarget as Element).getRootNode() as Document | ShadowRoot;
    const building = root.querySelector<HTMLSelectElement>('#standard-building')?.value ?? '';
    const months = Number(root.querySelector<HTMLInputElement>('#standard-term')?.value ?? '');
    standard.define(building, months);
  };
  return html`<div class="card" role="group" aria-labelledby="standard-h">
    <p id="standard-h">${t(l, 'noRoles')}</p>
    <div class="field">
      <label for="standard-building">${t(l, 'standardBuilding')}</label>
      <select id="standard-building">
        ${buildings.map((b) => html`<option value=${b.id}>${b.name}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="standard-term">${t(l, 'standardTerm')}</label>
      <input id="standard-term" type="number" inputmode="numeric" min="1" max="120" value="36"
        aria-invalid=${problem ? 'true' : 'false'} aria-describedby=${problem ? 'standard-error' : nothing} />
    </div>
    ${problem ? html`<p class="error" id="standard-error" role="alert">${problem.message[l]}</p>` : nothing}
    <div class="row actions">
      <button type="button" id="define-standard" ?disabled=${standard.busy} @click=${define}>
        ${t(l, 'defineStandard')}
      </button>
    </div>
  </div>`;
}

/** Title and body. */
export function textFields(f: Form): TemplateResult {
  const l = f.locale;
  return html`<div class="field">
      <label for="title">${t(l, 'motionTitle')}</label>
      <input
        id="title"
        type="text"
        .value=${f.draft.title}
        aria-invalid=${invalid(f, 'title')}
        aria-describedby=${describedBy(f, 'title')}
        @input=${(e: Event) => f.set({ title: value(e) })}
      />
      ${fieldError(f, 'title')}
    </div>
    <div class="field">
      <label for="body">${t(l, 'body')}</label>
      <textarea
        id="body"
        rows="6"
        .value=${f.draft.body}
        aria-invalid=${invalid(f, 'body')}
        aria-describedby=${describedBy(f, 'body')}
        @input=${(e: Event) => f.set({ body: value(e) })}
      ></textarea>
      ${fieldError(f, 'body')}
    </div>`;
}

const kinds = ['proposal', 'single', 'approval', 'score', 'ranked'] as const satisfies readonly MotionKind[];
const methods: readonly RankedMethod[] = ['schulze', 'irv', 'rankedPairs', 'stv'];
const methodNames: Readonly<Record<RankedMethod, string>> = {
  schulze: 'Schulze',
  irv: 'IRV',
  rankedPairs: 'Ranked Pairs',
  stv: 'STV',
};

/** How people vote: the kind, and for ranked votes the counting method and seats. */
export function kindField(f: Form): TemplateResult {
  const l = f.locale;
  const d = f.draft;
  return html`<div class="field">
      <label for="kind">${t(l, 'kind')}</label>
      <select id="kind" aria-describedby=${describedBy(f, 'kind')} @change=${(e: Event) => f.set({ kind: value(e) as MotionKind })}>
        ${kinds.map((k) => html`<option value=${k} ?selected=${d.kind === k}>${t(l, `kind_${k}`)}</option>`)}
      </select>
      ${fieldError(f, 'kind')}
    </div>
    ${
      d.kind === 'ranked'
        ? html`<div class="field">
          <label for="method">${t(l, 'kind_ranked')}</label>
          <select id="method" @change=${(e: Event) => f.set({ method: value(e) as RankedMethod })}>
            ${methods.map((m) => html`<option value=${m} ?selected=${(d.method ?? 'schulze') === m}>${methodNames[m]}</option>`)}
          </select>
          ${fieldError(f, 'method')} ${fieldError(f, 'seats')}
        </div>`
        : nothing
    }`;
}

/** The options of a choice motion: edit, add, remove, move up and down. */
export function optionsField(f: Form): TemplateResult | typeof nothing {
  const l = f.locale;
  const options = f.draft.options;
  if (f.draft.kind === 'proposal') return nothing;
  const move = (i: number, by: number) => {
    const next = [...options];
    const [moved] = next.splice(i, 1);
    if (moved) next.splice(i + by, 0, moved);
    f.set({ options: next });
  };
  const add = () => {
    let n = options.length + 1;
    while (options.some((o) => o.id === `o${n}`)) n++;
    f.set({ options: [...options, { id: `o${n}`, label: '' }] });
  };
  return html`<fieldset aria-describedby=${describedBy(f, 'options')}>
    <legend>${t(l, 'options')}</legend>
    <ol class="options">
      ${options.map((o, i) => {
        const n = String(i + 1);
        return html`<li>
          <input
            type="text"
            aria-label=${t(l, 'optionLabel', { n })}
            placeholder=${f.optionHints[i] ?? t(l, 'optionLabel', { n })}
            .value=${o.label}
            aria-invalid=${isAbout(f.error, ['options', i]) ? 'true' : 'false'}
            @input=${(e: Event) => f.set({ options: options.map((x, j) => (j === i ? { ...x, label: value(e) } : x)) })}
          />
          <span class="row">
            <button type="button" aria-label=${t(l, 'upOption', { n })} ?disabled=${i === 0} @click=${() => move(i, -1)}>${t(l, 'up')}</button>
            <button type="button" aria-label=${t(l, 'downOption', { n })} ?disabled=${i === options.length - 1} @click=${() => move(i, 1)}>${t(l, 'down')}</button>
            <button type="button" aria-label=${t(l, 'removeOption', { n })} @click=${() => f.set({ options: options.filter((_, j) => j !== i) })}>${t(l, 'remove')}</button>
          </span>
        </li>`;
      })}
    </ol>
    <button type="button" @click=${add}>${t(l, 'addOption')}</button>
    ${fieldError(f, 'options')}
  </fieldset>`;
}

/** A unit as the organizer knows it: building, stairwell and room. */
export function unitName(community: CommunityState, unitId: string, locale: Locale): string {
  const unit = community.units.get(unitId);
  if (!unit) return unitId;
  const stairwell = community.stairwells.get(unit.stairwellId);
  const building = stairwell ? community.buildings.get(stairwell.buildingId) : undefined;
  return [building?.name, stairwell?.name, t(locale, 'room', { room: unit.room })].filter(Boolean).join(' ');
}

/** The scope: community, a building, a stairwell, or chosen units. */
export function scopeField(f: Form, changeScope: (scope: Scope) => void): TemplateResult {
  const l = f.locale;
  const s = f.draft.scope;
  const buildings = [...f.community.buildings.values()];
  const stairwells = [...f.community.stairwells.values()];
  const units = [...f.community.units.values()];
  const to = (kind: Scope['kind']): Scope => {
    if (kind === 'building') return { kind, id: buildings[0]?.id ?? '' };
    if (kind === 'stairwell') return { kind, id: stairwells[0]?.id ?? '' };
    if (kind === 'units') return { kind, ids: [] };
    return { kind: 'community' };
  };
  return html`<fieldset aria-describedby=${describedBy(f, 'scope')}>
    <legend>${t(l, 'scope')}</legend>
    ${(['community', 'building', 'stairwell', 'units'] as const).map(
      (kind) => html`<label class="choice">
        <input type="radio" name="scope" .checked=${s.kind === kind} @change=${() => changeScope(to(kind))} />
        ${t(l, `scope_${kind}`)}
      </label>`,
    )}
    ${
      s.kind === 'building'
        ? html`<div class="field">
          <label for="scope-building">${t(l, 'building')}</label>
          <select id="scope-building" @change=${(e: Event) => changeScope({ kind: 'building', id: value(e) })}>
            ${buildings.map((b) => html`<option value=${b.id} ?selected=${s.id === b.id}>${b.name}</option>`)}
          </select>
        </div>`
        : s.kind === 'stairwell'
          ? html`<div class="field">
            <label for="scope-stairwell">${t(l, 'stairwell')}</label>
            <select id="scope-stairwell" @change=${(e: Event) => changeScope({ kind: 'stairwell', id: value(e) })}>
              ${stairwells.map(
                (w) =>
                  html`<option value=${w.id} ?selected=${s.id === w.id}>
                    ${f.community.buildings.get(w.buildingId)?.name ?? ''} ${w.name}
                  </option>`,
              )}
            </select>
          </div>`
          : s.kind === 'units'
            ? html`<div class="units">
              ${units.map(
                (u) => html`<label class="choice">
                  <input
                    type="checkbox"
                    .checked=${s.ids.includes(u.id)}
                    @change=${(e: Event) =>
                      changeScope({
                        kind: 'units',
                        ids: checked(e) ? [...s.ids, u.id] : s.ids.filter((id) => id !== u.id),
                      })}
                  />
                  ${unitName(f.community, u.id, l)}
                </label>`,
              )}
            </div>`
            : nothing
    }
    ${fieldError(f, 'scope')}
  </fieldset>`;
}

/** Who votes, and the rule for passing from the presets the core accepts for this kind and basis. */
export function basisAndRule(f: Form): TemplateResult {
  const l = f.locale;
  const d = f.draft;
  const rules = rulesFor(d);
  const chosen = rules.find((r) => r.id === d.rule);
  return html`<fieldset>
    <legend>${t(l, 'voters')}</legend>
    <div class="field">
      <label for="basis">${t(l, 'basis')}</label>
      <select id="basis" @change=${(e: Event) => f.set({ basis: value(e) as Basis })}>
        ${(['owners', 'households', 'residents'] as const).map(
          (b) => html`<option value=${b} ?selected=${d.basis === b}>${t(l, `basis_${b}`)}</option>`,
        )}
      </select>
      ${fieldError(f, 'basis')}
    </div>
    <div class="field">
      <label for="rule">${t(l, 'rule')}</label>
      <select
        id="rule"
        aria-invalid=${invalid(f, 'rule')}
        aria-describedby=${describedBy(f, 'rule')}
        @change=${(e: Event) => f.set({ rule: value(e) })}
      >
        ${rules.map((r) => html`<option value=${r.id} ?selected=${d.rule === r.id}>${r.name[l]}</option>`)}
      </select>
      ${
        // A select cannot wrap: its long name, cut off on a phone in large text, is repeated here in full.
        chosen ? html`<p class="hint">${chosen.name[l]}<br />${ruleSource(chosen, l)}</p>` : nothing
      } ${fieldError(f, 'rule')}
    </div>
  </fieldset>`;
}

/** Owners' matters: the units whose owners must consent, among the units of the scope. */
export function mustConsentField(f: Form, inScope: readonly string[]): TemplateResult | typeof nothing {
  const l = f.locale;
  const d = f.draft;
  // Consent is a yes; a pick-one, approval, score or ranked ballot has none to give.
  if (d.basis !== 'owners' || d.kind !== 'proposal') return nothing;
  return html`<fieldset aria-describedby=${describedBy(f, 'mustConsent')}>
    <legend>${t(l, 'mustConsent')}</legend>
    <p class="hint">${t(l, 'mustConsentHint')}</p>
    <div class="units">
      ${inScope.map(
        (id) => html`<label class="choice">
          <input
            type="checkbox"
            .checked=${d.mustConsent.includes(id)}
            @change=${(e: Event) =>
              f.set({
                mustConsent: checked(e) ? [...d.mustConsent, id] : d.mustConsent.filter((u) => u !== id),
              })}
          />
          ${unitName(f.community, id, l)}
        </label>`,
      )}
    </div>
    ${fieldError(f, 'mustConsent')}
  </fieldset>`;
}

/**
 * Why there are fewer votes than homes when nobody is left out: one owner (or one group of co-owners)
 * of several homes is one head under Art. 278, with the homes' areas added — said per such voter, so
 * the organizer does not take the gap for a missing household.
 */
export function multiHomeNotes(community: CommunityState, preview: ElectoratePreview, l: Locale): string[] {
  return preview.voters
    .filter((v) => v.unitIds.length > 1)
    .map((v) =>
      t(l, 'multiHome', {
        units: v.unitIds.map((id) => unitName(community, id, l)).join(l === 'zh-CN' ? '、' : ', '),
        area: formatArea(v.area as Area, l),
      }),
    );
}

/** The electorate the core computes for the draft right now: heads, area, who is left out and why. */
export function electoratePanel(f: Form, preview: ElectoratePreview, secretRefused: boolean): TemplateResult {
  const l = f.locale;
  const heads = String(preview.heads);
  const sum =
    f.draft.basis === 'residents'
      ? t(l, 'electorateHeads', { heads })
      : t(l, 'electorateSum', { heads, area: formatArea(preview.area as Area, l) });
  return html`<section class="card electorate" aria-labelledby="electorate-h">
    <h2 id="electorate-h">${t(l, 'electorate')}</h2>
    <p aria-live="polite"><strong>${sum}</strong></p>
    <p class="hint">${t(l, 'electorateUnits', { n: String(preview.unitsInScope) })}</p>
    ${multiHomeNotes(f.community, preview, l).map((note) => html`<p class="hint">${note}</p>`)}
    ${
      preview.excluded.length === 0
        ? html`<p>${t(l, 'excludedNone')}</p>`
        : html`<p>${t(l, 'excluded')}</p>
          <ul>
            ${preview.excluded.map(
              (x) => html`<li>${t(l, `why_${x.reason}`, { unit: unitName(f.community, x.unitId, l) })}</li>`,
            )}
          </ul>`
    }
    ${preview.heads === 0 ? html`<p class="error">${t(l, 'electorateEmpty')}</p>` : nothing}
    ${secretRefused && preview.heads > 0 ? html`<p class="error">${t(l, 'secretTooSmall')}</p>` : nothing}
  </section>`;
}

/** Opening and closing times, secrecy, vote changes, the proxy cap and the tie rule. */
export function settingsFields(f: Form): TemplateResult {
  const l = f.locale;
  const d = f.draft;
  const time = (key: 'opensAt' | 'closesAt') => html`<div class="field">
    <label for=${key}>${t(l, key)}</label>
    <input
      id=${key}
      type="datetime-local"
      .value=${d[key]}
      aria-invalid=${invalid(f, key)}
      aria-describedby=${describedBy(f, key)}
      @input=${(e: Event) => f.set({ [key]: value(e) })}
    />
    ${fieldError(f, key)}
  </div>`;
  return html`<fieldset>
    <legend>${t(l, 'settings')}</legend>
    ${time('opensAt')} ${time('closesAt')}
    <fieldset aria-describedby=${describedBy(f, 'secrecy')}>
      <legend>${t(l, 'secrecy')}</legend>
      ${(['public', 'secret'] as const).map(
        (s) => html`<label class="choice">
          <input type="radio" name="secrecy" .checked=${d.secrecy === s} @change=${() => f.set({ secrecy: s })} />
          ${t(l, `secrecy_${s}`)}
        </label>`,
      )}
      ${fieldError(f, 'secrecy')}
    </fieldset>
    <label class="choice">
      <input type="checkbox" .checked=${d.allowChange} @change=${(e: Event) => f.set({ allowChange: checked(e) })} />
      ${t(l, 'allowChange')}
    </label>
    ${
      d.kind === 'proposal'
        ? html`<label class="choice">
          <input type="checkbox" id="residentAmendments" .checked=${d.residentAmendments === true}
            @change=${(e: Event) => f.set({ residentAmendments: checked(e) })} />
          ${t(l, 'residentAmendments')}
        </label>`
        : nothing
    }
    <div class="field">
      <label for="proxyCap">${t(l, 'proxyCap')}</label>
      <input
        id="proxyCap"
        type="number"
        inputmode="numeric"
        min="0"
        max="1000"
        .value=${String(d.proxyCap)}
        aria-invalid=${invalid(f, 'proxyCap')}
        aria-describedby=${describedBy(f, 'proxyCap')}
        @input=${(e: Event) => f.set({ proxyCap: Number(value(e)) })}
      />
      ${fieldError(f, 'proxyCap')}
    </div>
    <div class="field">
      <label for="tieBreak">${t(l, 'tieBreak')}</label>
      <select id="tieBreak" @change=${(e: Event) => f.set({ tieBreak: value(e) as 'report' | 'lottery' })}>
        ${(['report', 'lottery'] as const).map(
          (x) => html`<option value=${x} ?selected=${d.tieBreak === x}>${t(l, `tie_${x}`)}</option>`,
        )}
      </select>
    </div>
  </fieldset>`;
}
