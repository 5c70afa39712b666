import { describe, expect, it } from 'vitest';
import { ballotsToCast, groupOf } from './motion-groups.js';

describe('groupOf', () => {
  it('puts drafts under upcoming, open motions with a live tally under open, the rest under closed', () => {
    expect(groupOf({ status: 'draft' }, undefined)).toBe('upcoming');
    expect(groupOf({ status: 'open' }, { final: false })).toBe('open');
    expect(groupOf({ status: 'open' }, undefined)).toBe('open');
    // Past its deadline an open motion's tally is final: it reads as closed before the close is logged.
    expect(groupOf({ status: 'open' }, { final: true })).toBe('closed');
    expect(groupOf({ status: 'closed' }, { final: true })).toBe('closed');
    expect(groupOf({ status: 'cancelled' }, undefined)).toBe('closed');
  });
});

describe('ballotsToCast', () => {
  it('counts the seats not voted yet, own and by proxy', () => {
    const seat = (voted: boolean) => ({ voterId: 'u1', rooms: ['101'], voted });
    expect(ballotsToCast({ seats: [] })).toBe(0);
    expect(ballotsToCast({ seats: [seat(true), seat(false), seat(false)] })).toBe(2);
  });
});
