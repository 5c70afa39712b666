import type { Locale, Motion } from '@linli/core';
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { t } from './vote.strings.js';

/** A drag in progress: the row picked up, where it would land, and where the pointer started. */
interface Drag {
  readonly pointerId: number;
  readonly from: number;
  readonly startY: number;
  /** The vertical middle of every row when the drag began (the rows do not move until the drop). */
  readonly middles: readonly number[];
  readonly row: HTMLElement;
  to: number;
}

/**
 * Where a row dragged from `from` lands when the pointer is at `y`: the number of the other rows whose
 * middle is above it — the index it takes once it is taken out and put back in.
 */
export function dropIndex(middles: readonly number[], from: number, y: number): number {
  return middles.filter((middle, i) => i !== from && middle < y).length;
}

/** `ranking` with the option at `from` moved to `to`. */
export function moved(ranking: readonly string[], from: number, to: number): string[] {
  const next = [...ranking];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * A ranked ballot's list, ordered three ways that all end the same: dragging a row by its grip with a
 * finger or a mouse (pointer events with pointer capture, which work on a phone where HTML5
 * drag-and-drop does not; the row follows the pointer and a bar marks where it will land; Escape or a
 * cancelled touch puts it back), and the "上移 / 下移" buttons, which the keyboard reaches. Every move
 * is said, on screen and in a polite live region ("方案丙 移到第 1 位，共 3 位"), and after a button
 * focus stays with the option that moved.
 */
export class RankedBallot implements ReactiveController {
  private drag: Drag | undefined;
  /** The last move, as the live region says it. */
  private said = '';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.end();
  }

  render(
    m: Motion,
    ranking: readonly string[],
    locale: Locale,
    change: (next: string[]) => void,
  ): TemplateResult {
    const label = (id: string) => m.options.find((o) => o.id === id)?.label ?? id;
    const move = (from: number, to: number, focus?: 'up' | 'down') => {
      if (to === from || to < 0 || to >= ranking.length) return;
      const id = ranking[from] ?? '';
      change(moved(ranking, from, to));
      this.said = t(locale, 'movedTo', { option: label(id), n: to + 1, total: ranking.length });
      this.host.requestUpdate();
      if (focus) void this.refocus(to, focus);
    };
    const drag = this.drag;
    return html`<p id="rank-hint">${t(locale, 'rankHint')}</p>
      <ol part="ranking" aria-describedby="rank-hint">
        ${ranking.map((id, i) => {
          // The bar showing where the dragged row lands: above the row it would push down, below the
          // row it would pass.
          const drop =
            drag && drag.to !== drag.from && i === drag.to ? (drag.to < drag.from ? 'before' : 'after') : '';
          return html`<li part="rank" data-option=${id} data-drop=${drop} ?data-dragging=${drag?.from === i}>
            <span
              part="grip"
              aria-hidden="true"
              title=${t(locale, 'dragHint')}
              @pointerdown=${(e: PointerEvent) => this.onDown(e, i)}
              @pointermove=${(e: PointerEvent) => this.onMove(e)}
              @pointerup=${(e: PointerEvent) => this.onUp(e, move)}
              @pointercancel=${() => this.cancel()}
              @lostpointercapture=${() => this.cancel()}
            ></span>
            <span part="rank-label"><b>${i + 1}</b> ${label(id)}</span>
            <span part="rank-moves"><button
              type="button"
              data-move="up"
              aria-label=${t(locale, 'moveUp', { option: label(id) })}
              ?disabled=${i === 0}
              @click=${() => move(i, i - 1, 'up')}
            >
              ${t(locale, 'up')}
            </button>
            <button
              type="button"
              data-move="down"
              aria-label=${t(locale, 'moveDown', { option: label(id) })}
              ?disabled=${i === ranking.length - 1}
              @click=${() => move(i, i + 1, 'down')}
            >
              ${t(locale, 'down')}
            </button></span>
          </li>`;
        })}
      </ol>
      <p part="rank-said" aria-live="polite">${this.said}</p>`;
  }

  /** Keeps focus on the option that moved: its same button, or the other one at the list's end. */
  private async refocus(index: number, direction: 'up' | 'down'): Promise<void> {
    await this.host.updateComplete;
    const rows = this.host.shadowRoot?.querySelectorAll<HTMLLIElement>('li[part="rank"]');
    const row = rows?.[index];
    const same = row?.querySelector<HTMLButtonElement>(`button[data-move="${direction}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `button[data-move="${direction === 'up' ? 'down' : 'up'}"]`,
    );
    (same && !same.disabled ? same : other)?.focus();
  }

  private onDown(e: PointerEvent, from: number): void {
    if (this.drag || (e.pointerType === 'mouse' && e.button !== 0)) return;
    const grip = e.currentTarget as HTMLElement;
    const row = grip.closest('li');
    const list = row?.parentElement;
    if (!row || !list) return;
    e.preventDefault();
    grip.setPointerCapture(e.pointerId);
    const middles = [...list.children].map((li) => {
      const box = li.getBoundingClientRect();
      return box.top + box.height / 2;
    });
    this.drag = { pointerId: e.pointerId, from, startY: e.clientY, middles, row, to: from };
    window.addEventListener('keydown', this.onKey);
    this.host.requestUpdate();
  }

  private onMove(e: PointerEvent): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    // The row follows the pointer (set directly: no render per pointer move); the bar moves with `to`.
    drag.row.style.setProperty('transform', `translateY(${e.clientY - drag.startY}px)`);
    const to = dropIndex(drag.middles, drag.from, e.clientY);
    if (to !== drag.to) {
      drag.to = to;
      this.host.requestUpdate();
    }
  }

  private onUp(e: PointerEvent, move: (from: number, to: number) => void): void {
    const drag = this.drag;
    if (!drag || e.pointerId !== drag.pointerId) return;
    this.end();
    move(drag.from, dropIndex(drag.middles, drag.from, e.clientY));
  }

  /** Escape during a drag puts the row back, wherever focus is. */
  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !this.drag) return;
    e.preventDefault();
    this.cancel();
  };

  /** Puts a dragged row back where it was. */
  private cancel(): void {
    if (this.drag) this.end();
  }

  private end(): void {
    window.removeEventListener('keydown', this.onKey);
    this.drag?.row.style.removeProperty('transform');
    this.drag = undefined;
    this.host.requestUpdate();
  }
}
