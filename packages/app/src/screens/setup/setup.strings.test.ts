import { linliError } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { t } from './setup.strings.ts';

describe('the setup page names who runs the server', () => {
  it('as 运行服务器的人 / whoever runs the server, never 管理员 / operator', () => {
    for (const key of ['writeDownWhy'] as const) {
      expect(t('zh-CN', key)).toContain('运行服务器的人');
      expect(t('zh-CN', key)).not.toContain('管理员');
      expect(t('en', key)).toContain('whoever runs the server');
      expect(t('en', key)).not.toContain('operator');
    }
    const closed = linliError('setup.closed').message;
    expect(closed['zh-CN']).toContain('运行服务器的人');
    expect(closed['zh-CN']).not.toContain('管理员');
    expect(closed.en).toContain('whoever runs the server');
    expect(closed.en).not.toContain('operator');
  });
});
