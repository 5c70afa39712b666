import { describe, expect, it } from 'vitest';
import { holderLabel, seatLabel } from './seat-label.js';

describe('seatLabel', () => {
  const own = { voterId: 'u102', rooms: ['102'], voted: false };
  const proxy = { voterId: 'u201', proxyId: 'p1', rooms: ['201'], voted: false };
  it('names the household’s own ballot by its room and a proxy by the voter’s room', () => {
    expect(seatLabel(own, [own, proxy], 'zh-CN')).toBe('本户（102室）');
    expect(seatLabel(proxy, [own, proxy], 'zh-CN')).toBe('代 201室 投票（委托本户）');
    expect(seatLabel(proxy, [own, proxy], 'en')).toBe('For room 201, by the proxy they gave your household');
  });
  it('numbers the ballots of a household with several voters, never showing their ids', () => {
    const second = { voterId: 'r-102-b', rooms: ['102'], voted: true };
    expect(seatLabel(second, [own, second], 'zh-CN')).toBe('本户（102室）第 2 票');
    expect(seatLabel(own, [own, second], 'en')).toBe('Your household (room 102), ballot 1');
  });
});

describe('holderLabel', () => {
  it('greets a proxy holder by name or by the household’s room, and an own seat not at all', () => {
    const base = { voterId: 'u201', proxyId: 'p1', rooms: ['201'], voted: false };
    expect(holderLabel({ ...base, holder: { name: '刘女士' } }, 'zh-CN')).toBe('刘女士');
    expect(holderLabel({ ...base, holder: { room: '102' } }, 'zh-CN')).toBe('102室');
    expect(holderLabel({ ...base, holder: { room: '102' } }, 'en')).toBe('Room 102');
    expect(holderLabel({ voterId: 'u102', rooms: ['102'], voted: false }, 'en')).toBe('');
    expect(holderLabel(undefined, 'en')).toBe('');
  });
});
