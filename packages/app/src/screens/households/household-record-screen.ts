import { formatMoney, type HouseholdRecord, type Locale, type Money, type VoteLine } from '@linli/core';
import { css, html, type TemplateResult } from 'lit';
import { a4Page } from '../print/a4-page.js';
import { ReplicaScreen } from '../replica-screen.js';
import { ScreenElement } from '../screen-element.js';
import { t } from './households.strings.js';

const money = (fen: number, l: Locale) => formatMoney(fen as Money, l);
const area = (hundredths: number) =>
  `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;

const statusWord = {
  open: 'statusOpen',
  closed: 'statusClosed',
  draft: 'statusDraft',
  cancelled: 'statusCancelled',
} as const;

/** A table of `rows` under heading `title`, or `empty` in its place when there are none. */
function table(
  title: string,
  empty: string,
  head: readonly string[],
  rows: readonly (readonly (string | TemplateResult)[])[],
): TemplateResult {
  return html`<section>
    <h2>${title}</h2>
    ${
      rows.length === 0
        ? html`<p>${empty}</p>`
        : html`<div class="scroll" role="region" tabindex="0" aria-label=${title}><table>
          <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
          <tbody>${rows.map((r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
        </table></div>`
    }
  </section>`;
}

/**
 * `/c/:community/organizer/households/:unit`: one household's whole record — owners over time,
 * residents in and out, the motions it was on the roll of (how it voted only on a public motion; a
 * secret ballot's choice is never shown), its dues per fund with each monthly bill, its duty turns
 * and the roles its residents hold. Printable on A4, black on white, without the page's controls.
 */
export class HouseholdRecordScreen extends ReplicaScreen {
  static override styles = [
    ScreenElement.styles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.35em 0.5em;
        border-bottom: 1px solid var(--linli-color-border);
        vertical-align: top;
      }
      td {
        font-variant-numeric: tabular-nums;
      }
      /* Dates and sums read whole: 2026-10-02, never 2026- / 10-02. */
      td:not(:first-child) {
        white-space: nowrap;
      }
      .scroll {
        overflow-x: auto;
      }
      @media print {
        :host {
          color: #000;
          background: #fff;
          font-size: 11pt;
        }
        a {
          display: none;
        }
        th,
        td {
          border-bottom: 1px solid #000;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    a4Page();
  }

  protected override render(): TemplateResult {
    const l = this.locale;
    const unitId = this.context.params.unit ?? '';
    const gov = this.replica.governance;
    const back = html`<p class="no-print"><a href="/c/${encodeURIComponent(this.community)}/organizer/households">${t(l, 'back')}</a></p>`;
    if (!gov) return html`<h1 tabindex="-1">${t(l, 'title')}</h1>${back}${this.loadState(t(l, 'loading'))}`;
    const record = gov.householdRecord(unitId);
    if (!record)
      return html`<h1 tabindex="-1">${t(l, 'title')}</h1>${back}<p role="alert">${t(l, 'unknownUnit')}</p>`;
    const { unit } = record;
    return html`<h1 tabindex="-1">${t(l, 'recordTitle', { room: unit.room })}</h1>
      ${back}
      <p class="no-print"><button type="button" @click=${() => window.print()}>${t(l, 'print')}</button></p>
      <p class="unit">${t(l, 'unitLine', { building: unit.building, stairwell: unit.stairwell, room: unit.room, floor: String(unit.floor), area: area(unit.area) })}</p>
      ${this.renderPeople(record, l)}
      ${table(
        t(l, 'votes'),
        t(l, 'noVotes'),
        [t(l, 'motion'), t(l, 'status'), t(l, 'voted'), t(l, 'choice')],
        record.votes.map((v) => [
          v.title,
          t(l, statusWord[v.status]),
          this.votedText(v, l),
          this.choiceText(v, l),
        ]),
      )}
      ${this.renderDues(record, l)}
      ${table(
        t(l, 'turns'),
        t(l, 'noTurns'),
        [t(l, 'duty'), t(l, 'pastTurns'), t(l, 'lastTurn'), t(l, 'nextTurn')],
        record.turns.map((d) => [d.dutyName, String(d.past.length), d.past.at(-1) ?? '—', d.next ?? '—']),
      )}
      ${table(
        t(l, 'roles'),
        t(l, 'noRoles'),
        [t(l, 'role'), t(l, 'name'), t(l, 'term'), t(l, 'status')],
        record.roles.map((r) => [
          r.roleName[l],
          record.residents.find((p) => p.id === r.residentId)?.name ?? t(l, 'unnamed'),
          `${r.from} – ${r.until}`,
          t(l, r.active ? 'active' : 'ended'),
        ]),
      )}`;
  }

  private renderPeople(record: HouseholdRecord, l: Locale): TemplateResult {
    return html`${table(
      t(l, 'ownershipHistory'),
      t(l, 'none'),
      [t(l, 'owners'), t(l, 'from'), t(l, 'until')],
      record.ownership.map((p) => [
        p.owners.map((o) => o.name).join(t(l, 'and')),
        p.from,
        p.until ?? t(l, 'now'),
      ]),
    )}
    ${table(
      t(l, 'residents'),
      t(l, 'none'),
      [t(l, 'name'), t(l, 'bornIn'), t(l, 'movedIn'), t(l, 'moveOutDate')],
      record.residents.map((r) => [
        r.name ?? t(l, 'unnamed'),
        r.birthYear ? String(r.birthYear) : '—',
        r.movedIn,
        r.movedOut ?? '—',
      ]),
    )}`;
  }

  private renderDues(record: HouseholdRecord, l: Locale): TemplateResult {
    const bills = record.dues.flatMap((d) => d.bills.map((b) => [b.chargeName, b.month, money(b.amount, l)]));
    return html`${table(
      t(l, 'dues'),
      t(l, 'noDues'),
      [t(l, 'fund'), t(l, 'share'), t(l, 'paid'), t(l, 'owed')],
      record.dues.map((d) => [d.fundName, money(d.share, l), money(d.paid, l), money(d.owed, l)]),
    )}
    ${bills.length ? table(t(l, 'bills'), '', [t(l, 'charge'), t(l, 'month'), t(l, 'amount')], bills) : ''}`;
  }

  private votedText(v: VoteLine, l: Locale): string {
    if (v.voted === null) return t(l, 'hidden');
    return t(l, v.voted ? 'yesVoted' : 'notVoted');
  }

  private choiceText(v: VoteLine, l: Locale): string {
    if (v.secrecy === 'secret') return t(l, 'secretBallot');
    return v.choice?.[l] ?? '—';
  }
}

if (!customElements.get('linli-household-record-screen'))
  customElements.define('linli-household-record-screen', HouseholdRecordScreen);
