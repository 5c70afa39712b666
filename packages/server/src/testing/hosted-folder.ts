import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFolder } from '../cli/data-folder.js';
import type { CommunityHost } from '../hosting/community-host.js';
import { foundInFolder, hostFolder, type OpenedFromFolder } from '../hosting/data-folder-host.js';

/** A host on a fresh SQLite data folder, its clock in the test's hands. */
export interface TestHost {
  readonly data: DataFolder;
  readonly host: CommunityHost;
  /** How many times each community was opened. */
  readonly opens: Map<string, number>;
  /** Moves the host's clock on. */
  readonly advance: (ms: number) => void;
}

/** The idle time of a {@link testHost}. */
export const TEST_IDLE_MS = 60_000;

/** Founds and lists `ids` in a new data folder, and hosts it (nothing opened yet). */
export async function testHost(
  ids: readonly string[],
  options: { readonly maxOpen?: number; readonly dir?: string } = {},
): Promise<TestHost> {
  const data = new DataFolder({ LINLI_DATA: options.dir ?? mkdtempSync(join(tmpdir(), 'linli-host-')) });
  const registry = await data.registry();
  for (const id of ids) {
    const founded = await foundInFolder(data, id, `小区 ${id}`);
    if (!founded.ok) throw new Error(founded.error.message.en);
    await registry.register({ id, name: `小区 ${id}`, created: founded.value.created });
  }
  await registry.close();
  let now = 1_000_000;
  const opens = new Map<string, number>();
  const host = await hostFolder(
    data,
    {
      office: 'organizer',
      idleMs: TEST_IDLE_MS,
      now: () => now,
      ...(options.maxOpen === undefined ? {} : { maxOpen: options.maxOpen }),
    },
    (id: string, _opened: OpenedFromFolder) => opens.set(id, (opens.get(id) ?? 0) + 1),
  );
  await host.refresh();
  return {
    data,
    host,
    opens,
    advance: (ms) => {
      now += ms;
    },
  };
}
