import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';

const household = (unitId: string) => ({ kind: 'household', unitId }) as const;

describe('SessionCache', () => {
  it('does not keep an answer read before the sessions it may predate were dropped', () => {
    const cache = new SessionCache(() => true);
    const ticket = cache.ticket();
    cache.drop('other'); // any drop: the read may have raced the end it announces
    cache.store('xfkl', 'h1', household('u1'), ticket);
    expect(cache.get('xfkl', 'h1')).toBeUndefined();
    cache.store('xfkl', 'h1', household('u1'), cache.ticket());
    expect(cache.get('xfkl', 'h1')).toEqual(household('u1'));
    cache.drop('xfkl');
    expect(cache.get('xfkl', 'h1')).toBeUndefined();
  });

  it('neither answers nor keeps while not trusted', () => {
    let listening = true;
    const cache = new SessionCache(() => listening);
    cache.store('xfkl', 'h1', household('u1'), cache.ticket());
    listening = false;
    expect(cache.get('xfkl', 'h1')).toBeUndefined();
    cache.store('xfkl', 'h2', household('u2'), cache.ticket());
    listening = true;
    expect(cache.get('xfkl', 'h2')).toBeUndefined();
  });

  it('keeps at most its limit, forgetting the oldest first', () => {
    const cache = new SessionCache(() => true, 2);
    cache.store('a', 'h1', household('u1'), cache.ticket());
    cache.store('b', 'h2', household('u2'), cache.ticket());
    cache.store('b', 'h3', household('u3'), cache.ticket());
    expect(cache.get('a', 'h1')).toBeUndefined();
    expect(cache.get('b', 'h2')).toEqual(household('u2'));
    expect(cache.get('b', 'h3')).toEqual(household('u3'));
    cache.dropAll();
    cache.store('a', 'h4', household('u4'), cache.ticket());
    cache.store('a', 'h5', household('u5'), cache.ticket());
    expect(cache.get('a', 'h4')).toEqual(household('u4'));
  });
});
