import { assertSafeInteger } from './integers.js';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

const digit = (d: number): string => DIGITS[d] ?? '';

/**
 * Whole yuan in capitals: 壹拾 is always written out (a bare 拾 can be altered into 壹拾…), one 零 stands
 * for each run of zeros between two non-zero digits, and the zeros a group ends with are not read
 * (107000 is 壹拾万柒仟, 100700 is 壹拾万零柒佰).
 */
function wholeYuan(yuan: bigint): string {
  const figures = yuan.toString();
  let out = '';
  let zeros = false;
  for (let i = 0; i < figures.length; i++) {
    const place = figures.length - 1 - i;
    const d = Number(figures[i]);
    if (d === 0) zeros = out !== '';
    else {
      out += `${zeros ? '零' : ''}${digit(d)}${PLACES[place % 4]}`;
      zeros = false;
    }
    if (place % 4 === 0 && place > 0) {
      const group = figures.slice(Math.max(0, i - 3), i + 1);
      if (/[1-9]/.test(group)) {
        out += GROUPS[place / 4];
        zeros = false;
      }
    }
  }
  return out;
}

/**
 * An amount in fen as 人民币大写 for a receipt (收据), following the People's Bank of China's rules for
 * filling in bills (《支付结算办法》附件一): `120050` → `壹仟贰佰元零伍角`.
 *
 * - Whole yuan end in 整 (`100` → `壹元整`, `0` → `零元整`); an amount ending in 角 or 分 does not.
 * - A 零 is written where the 角 is 0 and the 分 is not (`壹元零伍分`), and where the 元 digit is 0 but
 *   the 角 is not (`壹拾元零伍角`) — the rules allow that 零 and it prevents an added digit.
 * - Less than a yuan has no 元: `50` → `伍角`.
 * - A negative amount (a reversal) starts with 负.
 *
 * Throws the typed `number.not_integer` / `number.unsafe` error for anything but a safe integer.
 */
export function amountInChineseCapitals(fen: number): string {
  assertSafeInteger(fen, 'fen');
  if (fen < 0) return `负${amountInChineseCapitals(-fen)}`;
  const yuan = BigInt(Math.floor(fen / 100));
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${yuan === 0n ? '零' : wholeYuan(yuan)}元整`;
  let out = '';
  if (yuan > 0n) {
    out = `${wholeYuan(yuan)}元`;
    if (yuan % 10n === 0n || jiao === 0) out += '零';
  }
  if (jiao > 0) out += `${digit(jiao)}角`;
  if (cents > 0) out += `${digit(cents)}分`;
  return out;
}
