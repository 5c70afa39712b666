import type { Locale, ReadModels } from '@linli/core';
import { LitElement, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpointSession } from './endpoint-session.js';
import { GovernanceController } from './governance-controller.js';
import { LocaleController } from './locale-controller.js';
import { renderMissing } from './missing.js';

/**
 * What every data-bound Linli element shares: the data source (`.governance`, a Linli server at
 * `endpoint`, or a published view at `src`), live re-rendering, the reader's locale, and large-text mode. (Shoelace's ShoelaceElement
 * pattern: one base class, the elements only render.)
 *
 * @attr {string} lang - The reader's language, `zh-CN` or `en` (the native attribute): the element's own, else the nearest ancestor's, else the page's, followed live.
 * @prop {string} lang - The native `lang` property, reflecting the `lang` attribute.
 */
export abstract class LinliElement extends LitElement {
  static override properties: PropertyDeclarations = {
    governance: { attribute: false },
    src: { type: String },
    endpoint: { type: String },
    token: { attribute: false },
    largeText: { type: Boolean, attribute: 'large-text', reflect: true },
  };

  /** The core governance object (or any read models) this element reads and writes. */
  declare governance: ReadModels | undefined;
  /** URL of a published view (JSON) for a read-only embed, used when no `governance` is set. */
  declare src: string;
  /**
   * A community on a Linli server (`https://host/c/<community>`): live data, and commands sent to the
   * server. Takes precedence over `src`.
   */
  declare endpoint: string;
  /** The household or organizer session token for commands sent to `endpoint` (a property, never an attribute). */
  declare token: string | undefined;
  /** Larger text and targets for older readers. */
  declare largeText: boolean;

  protected readonly locales: LocaleController = new LocaleController(this);
  protected readonly live: GovernanceController = new GovernanceController(this);

  constructor() {
    super();
    this.src = '';
    this.endpoint = '';
    this.token = undefined;
    this.largeText = false;
  }

  /**
   * The token this element's signed-in requests carry: `token`, else the household session the page
   * keeps for `endpoint` (see `<linli-sign-in>`).
   */
  protected get sessionToken(): string | undefined {
    return this.token ?? (this.endpoint ? endpointSession(this.endpoint).value?.token : undefined);
  }

  /** How many times live data asked this element to re-render. */
  get liveUpdates(): number {
    return this.live.notifications;
  }

  protected override render(): TemplateResult {
    const locale = this.locales.locale;
    const gov = this.governance;
    return gov ? this.renderWith(gov, locale) : renderMissing(this.live, locale);
  }

  /** Renders the element once its data is there. */
  protected abstract renderWith(gov: ReadModels, locale: Locale): TemplateResult;
}
