import type { AccountLine, BillDue, FundAccount, Locale, ShareBasisLine } from '@linli/core';
import { html, nothing, type TemplateResult } from 'lit';
import { area, coefficient, day, money, month, percent } from './format.js';
import { t } from './resident-home.strings.js';

const BASIS = {
  equal: 'basisEqual',
  area: 'basisArea',
  floorCoefficients: 'basisFloorCoefficients',
  elevator: 'basisElevator',
  combined: 'basisCombined',
} as const;

/** Why a household that pays nothing pays nothing: the exemption's reason first, else its weight. */
function whyNothing(account: FundAccount, l: Locale): TemplateResult {
  const exempt = account.schemes.find((s) => s.exempt !== undefined);
  if (exempt) return html`<p class="exempt">${t(l, 'exempt', { reason: exempt.exempt ?? '' })}</p>`;
  const zero = account.schemes.find((s) => s.coefficient === 0);
  if (zero)
    return html`<p class="exempt">${t(l, 'zeroCoefficient', { scheme: zero.schemeName, floor: String(zero.floor) })}</p>`;
  return html`<p class="exempt">${t(l, 'nothingToPay', { scheme: account.schemes[0]?.schemeName ?? '' })}</p>`;
}

function subsidyText(s: ShareBasisLine, l: Locale): string | undefined {
  const subsidy = s.subsidy;
  if (!subsidy) return undefined;
  if (subsidy.kind === 'fixed') return t(l, 'subsidyFixed', { amount: money(subsidy.amount, l) });
  const p = percent(subsidy.basisPoints);
  return subsidy.cap === undefined
    ? t(l, 'subsidyPercent', { percent: p })
    : t(l, 'subsidyPercentCap', { percent: p, cap: money(subsidy.cap, l) });
}

/** How one scheme treated the household, line by line, in plain words. */
function schemeLines(s: ShareBasisLine, l: Locale): TemplateResult {
  const lines = [
    t(l, 'scheme', { name: s.schemeName }),
    t(l, BASIS[s.basis]),
    t(l, 'ourFigures', { floor: String(s.floor), area: area(s.area) }),
    s.coefficient === null ? undefined : t(l, 'coefficient', { value: coefficient(s.coefficient) }),
    subsidyText(s, l),
    s.exempt === undefined ? undefined : t(l, 'exempt', { reason: s.exempt }),
    s.fixed ? t(l, 'fixed', { amount: money(s.fixed.amount, l), reason: s.fixed.reason }) : undefined,
    s.adjustment
      ? t(l, 'adjustment', { amount: money(s.adjustment.amount, l), reason: s.adjustment.reason })
      : undefined,
    s.cap === undefined ? undefined : t(l, 'cap', { amount: money(s.cap, l) }),
    t(l, 'schemeShare', { amount: money(s.share, l) }),
    s.due === null ? undefined : t(l, 'due', { date: day(s.due, l) }),
  ].filter((line): line is string => line !== undefined);
  return html`<ul class="plain">${lines.map((line) => html`<li>${line}</li>`)}</ul>`;
}

function billsOf(bills: readonly BillDue[], l: Locale): TemplateResult | typeof nothing {
  const first = bills[0];
  if (!first) return nothing;
  const split = first.split === 'area' ? 'splitArea' : 'splitEqual';
  return html`<h4>${t(l, 'bills')}</h4>
    <p>${t(l, split, { name: first.chargeName, amount: money(first.monthlyAmount, l) })}</p>
    <ul class="plain">
      ${bills.map(
        (b) =>
          html`<li>${t(l, 'billLine', { month: month(b.month, l), name: b.chargeName, amount: money(b.amount, l), due: day(b.due, l) })}</li>`,
      )}
    </ul>`;
}

function paymentLine(p: AccountLine, l: Locale): TemplateResult {
  const what = t(l, p.kind === 'refund' ? 'refund' : 'payment', {
    date: day(p.date, l),
    amount: money(p.amount, l),
  });
  const details = [
    p.method === undefined ? undefined : t(l, p.method),
    p.receiptNo === undefined ? undefined : t(l, 'receiptNo', { no: p.receiptNo }),
  ].filter((d): d is string => d !== undefined);
  const mark =
    p.reverses !== undefined ? t(l, 'reversal', { note: p.note ?? '' }) : p.reversed ? t(l, 'reversed') : '';
  return html`<li data-entry=${p.entryId}>${what} ${details.length ? html`<br />${details.join(' · ')}` : nothing}${mark}</li>`;
}

/** The balance line: what is still owed, a credit, or paid in full. */
function balanceOf(a: FundAccount, l: Locale): TemplateResult {
  const owed =
    a.balance > 0
      ? html`<div><dt>${t(l, 'stillOwed')}</dt><dd class="owed">${money(a.balance, l)}</dd></div>`
      : a.balance < 0
        ? html`<div><dt>${t(l, 'credit')}</dt><dd>${money(-a.balance, l)}</dd></div>`
        : html`<div><dt>${t(l, 'stillOwed')}</dt><dd>${t(l, 'settled')}</dd></div>`;
  return owed;
}

/** The part of what it owes that is past due, beside the figures. */
function overdueOf(a: FundAccount, l: Locale): TemplateResult | typeof nothing {
  return a.overdue > 0
    ? html`<p class="overdue">${t(l, 'overdue', { amount: money(a.overdue, l) })}</p>`
    : nothing;
}

/** One fund's card: the household's share and why, what it paid with receipt numbers, what is due. */
export function fundCard(a: FundAccount, l: Locale): TemplateResult {
  return html`<section class="card fund" data-fund=${a.fundId} aria-labelledby="fund-${a.fundId}">
    <h3 id="fund-${a.fundId}">${a.fundName}</h3>
    ${
      a.pays
        ? html`<dl class="figures">
            <div><dt>${t(l, 'share')}</dt><dd>${money(a.share, l)}</dd></div>
            <div><dt>${t(l, 'paid')}</dt><dd>${money(a.paid, l)}</dd></div>
            ${a.refunded > 0 ? html`<div><dt>${t(l, 'refunded')}</dt><dd>${money(a.refunded, l)}</dd></div>` : nothing}
            ${balanceOf(a, l)}
          </dl>
          ${overdueOf(a, l)}`
        : whyNothing(a, l)
    }
    ${
      a.schemes.length > 0
        ? html`<details>
            <summary>${t(l, 'how')}</summary>
            ${a.schemes.map((s) => schemeLines(s, l))}
          </details>`
        : nothing
    }
    ${billsOf(a.bills, l)}
    ${
      a.pays
        ? html`<h4>${t(l, 'payments')}</h4>
          ${
            a.payments.length === 0
              ? html`<p>${t(l, 'noPayments')}</p>`
              : html`<ul class="plain payments">${a.payments.map((p) => paymentLine(p, l))}</ul>`
          }`
        : nothing
    }
  </section>`;
}
