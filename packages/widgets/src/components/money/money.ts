import { fen, formatMoney, numberError } from '@linli/core';
import { type CSSResultGroup, html, LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';
import { LocaleController } from '../../internal/locale-controller.js';
import { moneyStyles } from './money.styles.js';

/**
 * @tagname linli-money
 * @summary Shows an amount of renminbi held as integer fen, formatted for the reader's language.
 *
 * @csspart amount - The formatted amount.
 * @csspart error - Shown instead of the amount when `fen` is not a whole number of fen.
 * @cssproperty --linli-color-danger - Colour of the error text.
 * @cssproperty --linli-font-scale - Multiplier for every font size (large-text mode).
 *
 * @attr {string} lang - The reader's language, `zh-CN` or `en` (the native attribute): the element's own, else the nearest ancestor's, else the page's, followed live.
 * @prop {string} lang - The native `lang` property, reflecting the `lang` attribute.
 */
export class LinliMoney extends LitElement {
  static override styles: CSSResultGroup = [baseStyles, moneyStyles];

  static override properties: PropertyDeclarations = {
    fen: { type: Number },
    largeText: { type: Boolean, attribute: 'large-text', reflect: true },
  };

  /** The amount in integer fen (分): `123456` shows ¥1,234.56. */
  declare fen: number;

  /** Enlarges the text for older readers. */
  declare largeText: boolean;

  private readonly localeController: LocaleController = new LocaleController(this);

  constructor() {
    super();
    this.fen = 0;
    this.largeText = false;
  }

  protected override render(): TemplateResult {
    const locale = this.localeController.locale;
    if (!Number.isSafeInteger(this.fen)) {
      return html`<span part="error" role="alert"
        >${numberError('number.not_integer', [], { what: 'fen', value: String(this.fen) }).message[locale]}</span
      >`;
    }
    return html`<span part="amount">${formatMoney(fen(this.fen), locale)}</span>`;
  }
}
