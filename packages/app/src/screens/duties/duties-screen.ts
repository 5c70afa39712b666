import { type Duty, type Governance, type Locale, linliError, localDateOf, unitsIn } from '@linli/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { type CommandAnswer, CommandScreen, type PendingCommand } from '../command-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './duties.strings.js';
import { dutyFormStyles } from './duty.styles.js';
import {
  DUTY_TEMPLATES,
  type DutyTemplate,
  dutyPaths,
  scopeOf,
  templateRule,
  whenOf,
} from './duty-templates.js';

const CREATE = 'create';

const field = (form: HTMLFormElement, name: string): string =>
  String(new FormData(form).get(name) ?? '').trim();

/** The members choices: the community, each building, each stairwell (with its building's name). */
function scopeChoices(gov: Governance): { value: string; label: string }[] {
  return gov.read((s) => {
    const buildings = [...s.community.buildings.values()];
    const stairwells = [...s.community.stairwells.values()].map((w) => ({
      value: `stairwell:${w.id}`,
      label: `${s.community.buildings.get(w.buildingId)?.name ?? ''} ${w.name}`.trim(),
    }));
    return [...buildings.map((b) => ({ value: `building:${b.id}`, label: b.name })), ...stairwells];
  });
}

/** The units whose room is `typed` (or `楼名-室号`, for a room number two buildings share). */
function roomLookup(gov: Governance): (typed: string) => string[] {
  const byRoom = gov.read((s) => {
    const map = new Map<string, string[]>();
    for (const unit of s.community.units.values()) {
      const building = s.community.buildings.get(
        s.community.stairwells.get(unit.stairwellId)?.buildingId ?? '',
      );
      for (const key of [unit.room, `${building?.name ?? ''}-${unit.room}`])
        map.set(key, [...(map.get(key) ?? []), unit.id]);
    }
    return map;
  });
  return (typed) => byRoom.get(typed) ?? [];
}

/**
 * `/c/:community/organizer/duties`: the community's duty rotas, each linking to its screen, and the
 * form that creates one from a template (elevator cleaning every Monday 08:00, stairwell sweeping,
 * rubbish sorting watch): which households take turns (a building, a stairwell or typed rooms), how
 * turns are given, the 80+ exemption, holidays skipped or moved to the next workday, and whether
 * swaps need approval. Creating waits for a confirmation; the core's refusal shows below the form.
 */
export class DutiesScreen extends CommandScreen {
  static override styles = [
    ScreenElement.styles,
    dutyFormStyles,
    css`
    ul.duties {
      list-style: none;
      padding: 0;
      margin: 0 0 1em;
      display: grid;
      gap: 0.5em;
    }
  `,
  ];

  protected override render(): TemplateResult {
    const l = this.locale;
    const gov = this.replica.governance;
    const heading = html`<h1 tabindex="-1">${t(l, 'title')}</h1>`;
    if (!gov) return html`${heading}${this.loadState(t(l, 'loading'))}`;
    const duties = gov.read((s) => [...s.rotation.duties.values()]);
    return html`${heading}${this.renderDone()}
      <section aria-labelledby="list-h"><h2 id="list-h" class="visually-hidden">${t(l, 'title')}</h2>
        ${duties.length === 0 ? html`<p>${t(l, 'none')}</p>` : html`<ul class="duties">${duties.map((d) => this.renderDuty(d, l))}</ul>`}
      </section>
      <section class="card" aria-labelledby="create-h">
        <h2 id="create-h">${t(l, 'create')}</h2>
        ${this.renderCreate(gov, l)}${this.renderConfirm(CREATE, l) ?? nothing}${this.renderError(CREATE, l)}
      </section>`;
  }

  private renderDuty(duty: Duty, l: Locale): TemplateResult {
    const href = dutyPaths({ ...this.context.params, duty: duty.id }).duty;
    const when = whenOf({ ...duty, rule: duty.recurrence.rule }, l);
    return html`<li><a href=${href} id="duty-${duty.id}">${duty.name}（${when}）</a></li>`;
  }

  private renderCreate(gov: Governance, l: Locale): TemplateResult {
    const today = localDateOf(new Date());
    const choice = (name: string, value: string, label: string, checked: boolean) =>
      html`<label class="choice"><input type="radio" name=${name} value=${value} ?checked=${checked} />${label}</label>`;
    return html`<form id="create" @submit=${(e: Event) => this.submitCreate(e, gov)} aria-labelledby="create-h">
      <fieldset><legend>${t(l, 'template')}</legend>
        ${DUTY_TEMPLATES.map((x, i) => choice('template', x.key, `${t(l, x.key)}：${whenOf({ ...x, rule: templateRule(x) }, l)}`, i === 0))}
      </fieldset>
      <div class="field"><label for="name">${t(l, 'name')}</label>
        <input id="name" name="name" type="text" autocomplete="off" /></div>
      <div class="field"><label for="scope">${t(l, 'members')}</label>
        <select id="scope" name="scope">
          ${scopeChoices(gov).map((c, i) => html`<option value=${c.value} ?selected=${i === 0}>${c.label}</option>`)}
          <option value="community">${t(l, 'wholeCommunity')}</option>
          <option value="units">${t(l, 'rooms')}</option>
        </select></div>
      <div class="field"><label for="rooms">${t(l, 'roomsField')}</label>
        <input id="rooms" name="rooms" type="text" inputmode="numeric" autocomplete="off" /></div>
      <div class="field"><label for="policy">${t(l, 'policy')}</label>
        <select id="policy" name="policy">
          ${(['fixedOrder', 'leastServed', 'weighted'] as const).map((p) => html`<option value=${p}>${t(l, p)}</option>`)}
        </select></div>
      <label class="choice"><input type="checkbox" id="exempt" name="exempt" checked />${t(l, 'exempt80')}</label>
      <fieldset><legend>${t(l, 'holidays')}</legend>
        ${choice('holidays', 'skip', t(l, 'skip'), false)}
        ${choice('holidays', 'nextWorkday', t(l, 'nextWorkday'), true)}
        ${choice('holidays', 'ignore', t(l, 'ignore'), false)}
      </fieldset>
      <div class="field"><label for="start">${t(l, 'start')}</label>
        <input id="start" name="start" type="date" .value=${today} /></div>
      <label class="choice"><input type="checkbox" id="approval" name="approval" checked />${t(l, 'approval')}</label>
      <div class="row"><button type="submit" id="create-duty" class="primary">${t(l, 'create')}</button></div>
    </form>`;
  }

  private submitCreate(e: Event, gov: Governance): void {
    e.preventDefault();
    const l = this.locale;
    const form = e.target as HTMLFormElement;
    const template = DUTY_TEMPLATES.find((x) => x.key === field(form, 'template')) as DutyTemplate;
    const members = scopeOf(field(form, 'scope'), field(form, 'rooms'), roomLookup(gov));
    if (!members.ok) {
      this.refuse(
        CREATE,
        linliError('entity.not_found', ['scope'], { kind: 'unit', id: members.rooms.join(' ') || '—' }),
      );
      return;
    }
    const name = field(form, 'name') || t(l, template.key);
    const command = {
      type: 'duty.define',
      name,
      scope: members.scope,
      rrule: template.rrule,
      start: field(form, 'start'),
      time: template.time,
      durationMinutes: template.durationMinutes,
      policy: field(form, 'policy'),
      holidays: field(form, 'holidays'),
      swapNeedsApproval: form.querySelector<HTMLInputElement>('#approval')?.checked === true,
      ...(form.querySelector<HTMLInputElement>('#exempt')?.checked ? { exemptAge: 80 } : {}),
    };
    const count = gov.read((s) => unitsIn(s.community, members.scope).length);
    this.ask(CREATE, {
      command,
      text: t(l, 'confirmCreate', {
        name,
        when: whenOf({ ...template, rule: templateRule(template) }, l),
        count: String(count),
      }),
    });
  }

  /** Opens the rota just created. */
  protected override async recorded(_pending: PendingCommand, answer: CommandAnswer): Promise<void> {
    const defined = answer.events?.find((x) => x.type === 'duty.defined')?.payload as
      | { id?: string }
      | undefined;
    if (defined?.id) this.context.navigate(dutyPaths({ ...this.context.params, duty: defined.id }).duty);
  }
}

if (!customElements.get('linli-duties-screen')) customElements.define('linli-duties-screen', DutiesScreen);
