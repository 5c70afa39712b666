import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy.ts';

describe('lazyModule', () => {
  it('imports once however often it is asked, and is ready when the import resolves', async () => {
    let imports = 0;
    let resolve: () => void = () => undefined;
    const module = lazyModule(() => {
      imports++;
      return new Promise<void>((r) => {
        resolve = r;
      });
    });
    expect(module.state.value).toBe('idle');
    module.load();
    module.load();
    expect(module.state.value).toBe('loading');
    resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(module.state.value).toBe('ready');
    module.load();
    expect(imports).toBe(1);
  });

  it('reports a failed import and tries again when asked', async () => {
    let imports = 0;
    const module = lazyModule(() =>
      ++imports === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(),
    );
    module.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(module.state.value).toBe('failed');
    module.load();
    await new Promise((r) => setTimeout(r, 0));
    expect(module.state.value).toBe('ready');
    expect(imports).toBe(2);
  });
});
