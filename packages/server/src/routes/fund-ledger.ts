import {
  type Clock,
  fundNotice,
  type LedgerExportInput,
  type Locale,
  ledgerCsv,
  linliError,
  localDateOf,
  resolveLocale,
} from '@linli/core';
import { ledgerXlsx } from '@linli/core/register';
import { type Context, Hono } from 'hono';
import { download } from '../http/download.js';
import type { AppEnv, SignedInEnv } from '../http/env.js';
import { Refusal } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';

/**
 * The language of an export: `?lang=` when given (`zh-CN`, `en`), else the first language the
 * browser asks for, else zh-CN (the primary audience).
 */
export function exportLocale(lang: string | undefined, acceptLanguage: string | undefined): Locale {
  if (lang) return resolveLocale(lang);
  const first = acceptLanguage?.split(',')[0]?.split(';')[0];
  return first ? resolveLocale(first) : 'zh-CN';
}

function exportInput(c: Context<AppEnv & SignedInEnv>, clock: Clock): LedgerExportInput {
  const fundId = c.req.param('fund') ?? '';
  const locale = exportLocale(c.req.query('lang'), c.req.header('accept-language'));
  const asOf = localDateOf(clock.now());
  const input = c.get('community').governance.read((s) => {
    const notice = fundNotice(s.community, s.funds, fundId, asOf);
    return (
      notice && {
        community: s.community,
        funds: s.funds,
        entries: s.funds.entries.get(fundId) ?? [],
        notice,
        locale,
      }
    );
  });
  if (!input) throw new Refusal(linliError('entity.not_found', ['fund'], { kind: 'fund', id: fundId }), 404);
  return input;
}

function ledgerDownload(
  c: Context<AppEnv & SignedInEnv>,
  input: LedgerExportInput,
  body: string | Uint8Array,
  ext: string,
  type: string,
) {
  const id = input.notice.fundId;
  return download(c, body, {
    ascii: `ledger-${id}-${input.notice.asOf}.${ext}`,
    localized: `${input.notice.name}-${input.locale === 'en' ? 'ledger' : '账目'}-${input.notice.asOf}.${ext}`,
    contentType: type,
  });
}

/**
 * A fund's books under `/c/:community`, the organizer's only (owners' rooms and payments are in them):
 * - `GET /funds/:fund/ledger.csv`: every ledger entry as of today, UTF-8 with a BOM (Excel in China);
 * - `GET /funds/:fund/ledger.xlsx`: the same entries, and every household's share, payments and
 *   arrears with a totals row, as two sheets.
 * Headers follow `?lang=` (`zh-CN` or `en`), else the request's `Accept-Language`, else zh-CN.
 */
export function fundLedgerRoutes(clock: Clock): Hono<AppEnv> {
  const organizer = requires('organizer');
  return new Hono<AppEnv>()
    .get('/funds/:fund/ledger.csv', organizer, (c) => {
      const input = exportInput(c, clock);
      return ledgerDownload(c, input, ledgerCsv(input), 'csv', 'text/csv; charset=utf-8');
    })
    .get('/funds/:fund/ledger.xlsx', organizer, (c) => {
      const input = exportInput(c, clock);
      return ledgerDownload(
        c,
        input,
        ledgerXlsx(input),
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    });
}
