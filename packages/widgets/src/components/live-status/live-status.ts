import type { Locale, ReadModels } from '@linli/core';
import { type CSSResultGroup, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';
import { liveParts } from '../../internal/governance-controller.js';
import { LinliElement } from '../../internal/linli-element.js';
import { t } from './live-status.strings.js';

/** A stream that comes back within this long (a server restart) is not worth a notice (ms). */
export const STALE_GRACE = 5_000;
/** While stale, the notice's "minutes ago" is redrawn this often (ms). */
const TICK = 15_000;

/** Whole minutes from `since` to `now`, for "showing data from 3 minutes ago". */
export function minutesStale(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 60_000));
}

/**
 * @tagname linli-live-status
 * @summary Says when the page is not live: "连接已断开，显示的是 3 分钟前的数据" while the server's live
 * stream is down (after a few seconds, or at once when the browser is offline), how many of the
 * reader's actions wait to be sent ("已保存 1 项操作，联网后自动提交"), and any the server refused
 * when they were finally sent. Empty while all is well, and on a page without an `endpoint`.
 *
 * @csspart stale - The stale-view notice.
 * @csspart queued - The count of saved, unsent actions.
 * @csspart error - A queued action the server refused.
 *
 * @cssproperty --linli-color-border - The notices' border.
 * @cssproperty --linli-font-scale - Multiplier for every size (large-text mode).
 */
export class LinliLiveStatus extends LinliElement {
  static override styles: CSSResultGroup = [baseStyles];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    now: { attribute: false },
  };

  /** The current time (defaults to the system clock); for tests. */
  declare now: Date | undefined;

  #timer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  protected override renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const live = liveParts(gov);
    if (!live) return html``;
    const now = this.now?.getTime() ?? Date.now();
    const since = live.staleSince.value;
    const offline = globalThis.navigator?.onLine === false;
    this.#schedule(since === undefined ? undefined : now - since);
    const stale = since !== undefined && (offline || now - since >= STALE_GRACE);
    const count = live.pending.value.length;
    return html`${stale ? html`<p part="stale" role="status">${this.#staleText(locale, since, now)}</p>` : nothing}
      ${
        count > 0
          ? html`<p part="queued" role="status">
              ${count === 1 ? t(locale, 'pendingOne') : t(locale, 'pending', { count })}
            </p>`
          : nothing
      }
      ${live.refused.value.map(
        (entry) =>
          html`<p part="error" role="alert">${t(locale, 'refused', { reason: entry.error.message[locale] })}</p>`,
      )}`;
  }

  #staleText(locale: Locale, since: number, now: number): string {
    const minutes = minutesStale(since, now);
    if (minutes === 0) return t(locale, 'staleJustNow');
    return minutes === 1 ? t(locale, 'staleMinute') : t(locale, 'staleMinutes', { minutes });
  }

  /** While stale, redraws when the grace ends and then every {@link TICK}, so the minutes keep counting. */
  #schedule(staleFor: number | undefined): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (staleFor === undefined || this.now) return;
    const wait = staleFor < STALE_GRACE ? STALE_GRACE - staleFor : TICK;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.requestUpdate();
    }, wait);
  }
}
