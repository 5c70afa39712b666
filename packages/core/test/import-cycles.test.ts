import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Every source file (tests excluded) with the files it imports at run time (type-only imports excluded). */
function runtimeImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  const statement = /^(?:import|export)\s+(?!type\s)([\s\S]*?)\s+from\s+'(\.[^']+)'/gm;
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8');
    const deps: string[] = [];
    for (const [, bindings = '', specifier = ''] of text.matchAll(statement)) {
      const named = /^\{([\s\S]*)\}$/.exec(bindings.trim())?.[1];
      const typesOnly = named?.split(',').every((b) => b.trim() === '' || b.trim().startsWith('type '));
      if (typesOnly) continue;
      deps.push(normalize(join(dirname(file), specifier.replace(/\.js$/, '.ts'))));
    }
    graph.set(normalize(file), deps);
  }
  return graph;
}

/** The strongly connected components with more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) component.push(w);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

// A cycle of run-time imports lets a bundler evaluate a module before one it reads at load time: the
// counting-method registry once read an undefined method in Storybook's production build, which
// rendered every story blank while every test (Node's module order) passed.
it('has no cycle of run-time imports in packages/core/src', () => {
  const graph = runtimeImports();
  expect(graph.size).toBeGreaterThan(100);
  expect(cycles(graph).map((c) => c.map((f) => relative('.', f)))).toEqual([]);
});
