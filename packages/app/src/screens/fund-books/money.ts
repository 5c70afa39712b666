import { fen, formatMoney, type Locale } from '@linli/core';

/** Fen as yuan in the page's language: "¥1,234.50". */
export const money = (amount: number, l: Locale): string => formatMoney(fen(amount), l);
