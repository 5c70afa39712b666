import jsQR from 'jsqr';
import { afterEach, describe, expect, it } from 'vitest';
import {
  elevatorMotion,
  mount,
  must,
  onDarkPage,
  settle,
  stairwell,
  violations,
} from '../../../test/fixtures.js';
import '../../define/linli-result-notice.js';
import type { LinliResultNotice } from './result-notice.js';

afterEach(() => {
  document.body.replaceChildren();
});

const text = (el: LinliResultNotice) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
const RESULT_URL = 'https://linli.example/c/xfk/motions/lift/result';

/** The stairwell's elevator motion with 101–202 for, 301 against and 302 not voting. */
async function notice(lang: string, extra: Record<string, unknown> = {}, close = true) {
  const { gov, clock } = await stairwell();
  await elevatorMotion(gov, extra);
  const votes = { o101: 'yes', o102: 'yes', o201: 'yes', o202: 'yes', o301: 'no' };
  for (const [voterId, vote] of Object.entries(votes))
    await must(gov, { type: 'ballot.cast', motionId: 'lift', voterId, vote });
  if (close) {
    clock.set('2026-12-20T10:00:00Z');
    await must(gov, { type: 'motion.close', motionId: 'lift' });
  }
  const el = await mount<LinliResultNotice>(
    `<linli-result-notice lang="${lang}" motion="lift" result-url="${RESULT_URL}"></linli-result-notice>`,
    'linli-result-notice',
    (e) => {
      e.governance = gov;
    },
  );
  await settle(el);
  return { el, gov };
}

/** Draws the element's QR SVG on a canvas and reads it back with an independent decoder. */
async function decodeQr(el: LinliResultNotice): Promise<string | undefined> {
  const svg = el.shadowRoot?.querySelector('svg[part=qr]') as SVGSVGElement;
  const markup = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 400;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.drawImage(image, 0, 0, 400, 400);
  const pixels = context.getImageData(0, 0, 400, 400);
  return jsQR(pixels.data, 400, 400)?.data;
}

describe('<linli-result-notice> on a closed public motion', () => {
  it('prints every figure with its exact threshold and margin, computed here from the ballots', async () => {
    const { el } = await notice('zh-CN');
    const s = text(el);
    // 6 owners, 75.00 + 76.00 + … + 80.00 = 465.00 m²; 5 took part with 385.00 m².
    expect(s).toContain('6 户/位，专有面积 465.00 m²');
    expect(s).toContain('5 / 6，专有面积 385.00 m²');
    expect(s).toContain('民法典第二百七十八条');
    // In favour: 4 of 5 heads, ≥ 3/4 needs 4 (margin +0); 306.00 of 385.00 m² needs 288.75 (+17.25).
    expect(s).toContain('≥ 3/4');
    expect(s).toContain('4 / 5');
    expect(s).toContain('306.00 m² / 385.00 m²');
    expect(s).toContain('288.75 m²');
    expect(s).toContain('+17.25 m²');
    expect(s).toContain('≥ 2/3');
    expect(el.shadowRoot?.querySelector('[part=outcome]')?.textContent).toContain('通过');
    expect(s).not.toContain('临时结果');
  });

  it('carries the roll by room: who voted how, and who did not vote', async () => {
    const { el } = await notice('en');
    const rows = [...(el.shadowRoot?.querySelectorAll('[part=roll] tbody tr') ?? [])].map((r) =>
      r.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe('101 yes in person');
    expect(rows[4]).toBe('301 no in person');
    expect(rows[5]).toBe('302 did not vote');
  });

  it('marks a paper signed by a proxy holder who is no household, without printing their name', async () => {
    const { gov, clock } = await stairwell();
    await elevatorMotion(gov);
    const grant = { type: 'proxy.grant', motionId: 'lift', voterId: 'o302', holder: '李明', paperRef: 'W-1' };
    await must(gov, { ...grant, id: 'p302' });
    await must(gov, {
      type: 'ballot.cast',
      motionId: 'lift',
      voterId: 'o302',
      vote: 'yes',
      paperRef: 'B-1',
      proxyId: 'p302',
    });
    clock.set('2026-12-20T10:00:00Z');
    await must(gov, { type: 'motion.close', motionId: 'lift' });
    const el = await mount<LinliResultNotice>(
      '<linli-result-notice lang="en" motion="lift"></linli-result-notice>',
      'linli-result-notice',
      (e) => {
        e.governance = gov;
      },
    );
    await settle(el);
    const rows = [...(el.shadowRoot?.querySelectorAll('[part=roll] tbody tr') ?? [])].map((r) =>
      r.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toContain('302 yes on paper, by proxy');
    expect(text(el)).not.toContain('李明');
  });

  it('shows the log head hash, and a QR code that decodes to the public result page', async () => {
    const { el, gov } = await notice('en');
    expect(el.shadowRoot?.querySelector('[part=hash]')?.textContent).toContain(gov.head.value.hash);
    expect(await decodeQr(el)).toBe(RESULT_URL);
  });

  it('has no axe violations', async () => {
    const { el } = await notice('en');
    expect(await violations(el)).toEqual([]);
  });
});

describe('<linli-result-notice> closing time', () => {
  it('prints when voting actually closed and, for an early close, the time it was scheduled for', async () => {
    const { gov, clock } = await stairwell();
    await elevatorMotion(gov);
    clock.set('2026-12-18T07:30:00Z'); // 15:30 in Beijing, two days before the scheduled close
    await must(gov, { type: 'motion.close', motionId: 'lift' });
    const el = await mount<LinliResultNotice>(
      '<linli-result-notice lang="en" motion="lift"></linli-result-notice>',
      'linli-result-notice',
      (e) => {
        e.governance = gov;
      },
    );
    await settle(el);
    const closing = el.shadowRoot?.querySelector('[part=closed-at]')?.textContent?.replace(/\s+/g, ' ');
    expect(closing).toContain('December 18, 2026 at 3:30');
    expect(closing).toContain('closed early; scheduled for December 20, 2026 at 6:00');
  });

  it('prints the close time alone when voting closed on schedule', async () => {
    const { el } = await notice('zh-CN');
    const closing = el.shadowRoot?.querySelector('[part=closed-at]')?.textContent ?? '';
    expect(closing).toContain('2026年12月20日 18:00');
    expect(closing).not.toContain('提前');
  });
});

describe('<linli-result-notice> on a secret motion', () => {
  it('shows totals only: no roll, and no area figure that could name a voter', async () => {
    const { el } = await notice('zh-CN', { secrecy: 'secret', showVoters: false });
    expect(el.shadowRoot?.querySelector('[part=roll]')).toBeNull();
    expect(text(el)).toContain('只公布合计');
    expect(text(el)).not.toContain('385.00');
    expect(await violations(el)).toEqual([]);
  });
});

describe('<linli-result-notice> while the motion is open', () => {
  it('says the result is provisional', async () => {
    const { el } = await notice('en', {}, false);
    expect(el.shadowRoot?.querySelector('[part=provisional]')?.textContent).toContain('Provisional');
  });

  it('passes axe (contrast included) in dark mode on a dark page', async () => {
    await onDarkPage(async () => {
      const { el } = await notice('zh-CN');
      expect(await violations(el)).toEqual([]);
    });
  });
});
