import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { elevatorMotion, mount, stairwell } from '../test/fixtures.js';
import './define/linli-motion-list.js';
import './define/linli-roster.js';
import './define/linli-vote.js';
import type {
  LinliBallotCastDetail,
  LinliMotionList,
  LinliMotionSelectDetail,
  LinliSwapRequestedDetail,
} from './index.js';

afterEach(() => document.body.replaceChildren());

// The type assertions run in `npm run typecheck` (tsc checks this file); a wrong detail type, or an
// event missing from the maps, fails it. At run time the listeners below check the same details.
describe('typed events', () => {
  it('types each event and its detail on the elements, the document and the window', () => {
    const vote = document.createElement('linli-vote');
    vote.addEventListener('linli-ballot-cast', (e) => {
      expectTypeOf(e).toEqualTypeOf<CustomEvent<LinliBallotCastDetail>>();
      expectTypeOf(e.detail.motionId).toEqualTypeOf<string>();
      expectTypeOf(e.detail.voterId).toEqualTypeOf<string>();
      // @ts-expect-error: a ballot's detail names the voter as `voterId`, nothing else.
      void e.detail.voter;
    });
    document.addEventListener('linli-motion-select', (e) => {
      expectTypeOf(e.detail).toEqualTypeOf<LinliMotionSelectDetail>();
    });
    window.addEventListener('linli-swap-requested', (e) => {
      expectTypeOf(e.detail).toEqualTypeOf<LinliSwapRequestedDetail>();
      expectTypeOf(e.detail.swapId).toEqualTypeOf<string | undefined>();
    });
    document.createElement('div').addEventListener('linli-motion-select', (e) => {
      expectTypeOf(e.detail.motionId).toEqualTypeOf<string>();
    });
    expect(vote).toBeInstanceOf(HTMLElement);
  });

  it('a listener on the document receives the detail from inside the shadow root', async () => {
    const { gov } = await stairwell();
    await elevatorMotion(gov);
    const el = await mount<LinliMotionList>(
      '<linli-motion-list lang="en"></linli-motion-list>',
      'linli-motion-list',
      (e) => {
        e.governance = gov;
      },
    );
    const chosen: string[] = [];
    const listener = (e: CustomEvent<LinliMotionSelectDetail>) => chosen.push(e.detail.motionId);
    document.addEventListener('linli-motion-select', listener);
    await userEvent.click(el.shadowRoot?.querySelector('[part=open]') as HTMLElement);
    document.removeEventListener('linli-motion-select', listener);
    expect(chosen).toEqual(['lift']);
  });
});
