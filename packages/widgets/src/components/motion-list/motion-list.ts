import type { Locale, Motion, ReadModels } from '@linli/core';
import { type CSSResultGroup, css, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { LinliMotionSelectDetail } from '../../events.js';
import { baseStyles, controlStyles } from '../../internal/base-styles.js';
import { LinliElement } from '../../internal/linli-element.js';
import { motionStatusKey } from '../../internal/motion-status.js';
import { t } from './motion-list.strings.js';

/**
 * @tagname linli-motion-list
 * @summary The motions of a community (or one building) with status, deadline and outcome; picking
 * one opens it (an event, or a link built from `href-template`).
 *
 * @fires {CustomEvent<LinliMotionSelectDetail>} linli-motion-select - A motion was chosen: `detail` is `{ motionId }`.
 *
 * @csspart list - The list.
 * @csspart item - One motion.
 * @csspart title - A motion's title.
 * @csspart badge - Status and outcome badges.
 * @csspart open - The button or link that opens a motion.
 */
export class LinliMotionList extends LinliElement {
  static override styles: CSSResultGroup = [
    baseStyles,
    controlStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      [part='item'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4em 1em;
        padding: 0.7em 0;
        border-bottom: 1px solid var(--linli-color-border, #d0d7de);
      }
      [part='title'] {
        flex: 1 1 14em;
        font-weight: 600;
      }
      [part~='badge'] {
        padding: 0.1em 0.6em;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 1em;
      }
      a[part='open'] {
        display: inline-flex;
        align-items: center;
        min-height: max(44px, var(--linli-target));
        padding: 0 0.8em;
        color: var(--linli-color-link, #0b5cad);
      }
      @media (prefers-color-scheme: dark) {
        a[part='open'] {
          color: var(--linli-color-link, #4493f8);
        }
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    ...LinliElement.properties,
    building: { type: String },
    hrefTemplate: { type: String, attribute: 'href-template' },
  };

  /** Only motions whose scope is this building (or one of its stairwells or units). */
  declare building: string;
  /** A link per motion, `{id}` replaced by the motion id (e.g. `vote.html?motion={id}`); else a button. */
  declare hrefTemplate: string;

  constructor() {
    super();
    this.building = '';
    this.hrefTemplate = '';
  }

  protected override renderWith(gov: ReadModels, locale: Locale): TemplateResult {
    const motions = gov.motions.value.filter((m) => this.inBuilding(gov, m));
    if (motions.length === 0) return html`<p>${t(locale, 'noMotions')}</p>`;
    return html`<ul part="list" aria-label=${t(locale, 'motions')}>
      ${motions.map((m) => this.renderItem(gov, m, locale))}
    </ul>`;
  }

  private inBuilding(gov: ReadModels, m: Motion): boolean {
    if (!this.building) return true;
    const scope = m.scope;
    switch (scope.kind) {
      case 'community':
        return true;
      case 'building':
        return scope.id === this.building;
      case 'stairwell':
        return gov.stairwellBuilding(scope.id) === this.building;
      case 'units':
        return scope.ids.some((id) => gov.unit(id)?.buildingId === this.building);
    }
  }

  private renderItem(gov: ReadModels, m: Motion, locale: Locale): TemplateResult {
    const tally = gov.tally(m.id);
    const final = tally?.final ?? m.status === 'closed';
    const status = motionStatusKey(m, tally);
    const outcome = tally?.outcome;
    const shown = final || tally?.decidedEarly;
    const outcomeKey =
      outcome === 'passed'
        ? 'outcomePassed'
        : outcome === 'failed'
          ? 'outcomeFailed'
          : outcome === 'tied'
            ? 'outcomeTied'
            : null;
    // An election or a choice is told by who or what won, never "passed".
    const names =
      m.kind === 'proposal'
        ? []
        : (tally?.winners ?? []).map((id) => m.options.find((o) => o.id === id)?.label ?? id);
    const winners =
      names.length > 0
        ? t(locale, m.electsRole ? 'elected' : 'chosen', {
            names: names.join(locale === 'zh-CN' ? '、' : ', '),
          })
        : undefined;
    const date = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    });
    const open = this.hrefTemplate
      ? html`<a part="open" href=${this.hrefTemplate.replaceAll('{id}', encodeURIComponent(m.id))} aria-label=${`${t(locale, 'open')}: ${m.title}`}
          >${t(locale, 'open')}</a
        >`
      : html`<button part="open" type="button" aria-label=${`${t(locale, 'open')}: ${m.title}`} @click=${() => this.select(m.id)}>
          ${t(locale, 'open')}
        </button>`;
    return html`<li part="item">
      <span part="title">${m.title}</span>
      <span part="badge status">${t(locale, status)}</span>
      <time datetime=${m.closesAt}>${t(locale, 'deadline')} ${date.format(Date.parse(m.closesAt))}</time>
      ${shown && (winners || outcomeKey) ? html`<span part="badge outcome">${winners ?? t(locale, outcomeKey ?? 'outcomeTied')}</span>` : nothing} ${open}
    </li>`;
  }

  private select(motionId: string): void {
    this.dispatchEvent(
      new CustomEvent<LinliMotionSelectDetail>('linli-motion-select', {
        detail: { motionId },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
