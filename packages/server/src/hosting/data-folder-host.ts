import {
  type Clock,
  createGovernance,
  type Governance,
  type LinliError,
  LinliException,
  linliError,
  type Result,
} from '@linli/core';
import { seedScenario } from '@linli/core/seed';
import { readBlobsFile, restoreBlobs } from '../blobs/blob-backup.js';
import { checkedStart } from '../checkpoint/checked-start.js';
import type { SigningKey } from '../checkpoint/signing-key.js';
import type { DataFolder } from '../cli/data-folder.js';
import { PostgresStore } from '../stores/postgres-store.js';
import { CommunityHost, type CommunityHostOptions, type OpenedCommunity } from './community-host.js';

/** Whom the operator's own commands (founding a community) name in the log. */
export const OPERATOR_ACTOR = 'operator';

/** How a data folder's communities are opened. */
export interface OpenSettings {
  /** The office organizers act in (`<office>/<organizer id>`), the governance's default actor. */
  readonly office: string;
  /** The community seeded with 新福康里 when its log is empty (`demo`), if any. */
  readonly seed?: string;
  /**
   * The signing key, loaded once for the whole host (`loadSigningKey`) rather than parsed at each
   * open; without it each open loads it from the folder or `LINLI_SIGNING_KEY`.
   */
  readonly key?: SigningKey;
  /** Runs on each community once it is open (e.g. recording its due work); its stop runs before it closes. */
  readonly watch?: CommunityWatcher;
  /** Each governance's clock (the system clock unless a test injects one, `LINLI_TEST_CLOCK`). */
  readonly clock?: Clock;
}

/** Something kept up while a community is open: started when it opens, stopped before it closes. */
export type CommunityWatcher = (id: string, governance: Governance) => Promise<() => Promise<void>>;

/** What opening a community found out, for a start banner. */
export interface OpenedFromFolder extends OpenedCommunity {
  readonly seeded: boolean;
  readonly publicKey: string;
}

const unavailable = (reason: string): LinliError => linliError('log.unavailable', [], { reason });

/**
 * Opens one community of the data folder as a server start always has: its store (migrated; a newer
 * schema refused), the log checked against the last head this server signed (or
 * `LINLI_TRUSTED_HEAD`; `LINLI_RESTORE` first fills the seeded community's empty log), then its
 * governance and sign-in store. Costs one read of the whole log, its verification (one SHA-256 per
 * event) and one fold into state. On PostgreSQL it costs no connection of its own: the process's
 * one pool and LISTEN connection serve every community.
 */
export async function openFromFolder(
  data: DataFolder,
  id: string,
  settings: OpenSettings,
): Promise<Result<OpenedFromFolder, LinliError>> {
  const seed = settings.seed === id;
  let store: Awaited<ReturnType<DataFolder['eventStore']>>;
  try {
    store = await data.eventStore(id);
  } catch (e) {
    if (e instanceof LinliException) return { ok: false, error: e.error };
    throw e;
  }
  const restoreFrom = (seed && process.env.LINLI_RESTORE) || undefined;
  // A backup's blobs are checked before its log is restored, so a bad one restores nothing.
  const blobsFrom = restoreFrom === undefined ? { ok: true as const, blobs: [] } : readBlobsFile(restoreFrom);
  if (!blobsFrom.ok) {
    await store.close();
    for (const problem of blobsFrom.problems)
      console.error(`linli: community ${id}: ${restoreFrom}: ${problem}`);
    return { ok: false, error: unavailable(`cannot restore ${restoreFrom}`) };
  }
  const checked = await checkedStart({
    store,
    community: id,
    keyFile: data.keyFile,
    signingKey: process.env.LINLI_SIGNING_KEY || undefined,
    key: settings.key,
    checkpointFile: data.checkpointFile(id),
    trustedHead: process.env.LINLI_TRUSTED_HEAD || undefined,
    restoreFrom,
    publicKey: process.env.LINLI_PUBLIC_KEY || undefined,
  });
  if (!checked.ok) {
    await store.close();
    const { doing, error } = checked.error;
    console.error(
      `linli: community ${id}: cannot ${doing}: ${typeof error === 'string' ? error : error.message.en}`,
    );
    return { ok: false, error: typeof error === 'string' ? unavailable(`cannot ${doing}`) : error };
  }
  const { checkpointer, restored, publicKey, log } = checked.value;
  if (restored)
    console.log(
      `Restored ${restored.events} events from ${process.env.LINLI_RESTORE} (head ${restored.head})`,
    );
  // Ballots arriving together share one durable commit (one fsync), so the log keeps up with a crowd.
  // checkedStart has just read and verified every event: the state is built from those, not re-read.
  const governance = await createGovernance({
    store,
    log,
    verifyOnLoad: false,
    actor: settings.office,
    groupCommit: process.env.LINLI_GROUP_COMMIT !== 'off',
    ...(settings.clock === undefined ? {} : { clock: settings.clock }),
  });
  const seeded = seed && governance.head.value.seq === 0;
  if (seeded) await seedScenario(governance);
  // Sign-ins live beside the log: in PostgreSQL every server process behind a load balancer shares them.
  const auth = await data.authStore(id);
  const blobs = await data.blobStore(id);
  if (restored) await restoreBlobs(blobs, blobsFrom.blobs);
  const unwatch = settings.watch ? await settings.watch(id, governance) : async () => {};
  const close = async () => {
    await unwatch();
    await checkpointer.flush();
    governance.dispose();
    await auth.close();
    await blobs.close();
    await store.close();
  };
  // On PostgreSQL, reads are marked stale while this process cannot reach the database.
  const stale = store instanceof PostgresStore ? () => !store.reachable : undefined;
  const hosted = {
    id,
    store,
    governance,
    auth,
    blobs,
    checkpoint: () => checkpointer.latest,
    ...(stale ? { stale } : {}),
  };
  return { ok: true, value: { hosted, close, seeded, publicKey } };
}

/**
 * Founds `id` in its empty log, as the operator: `community.found` with `name`. Refuses a log that
 * has events already (`community.already_founded`) and a name the command refuses.
 */
export async function foundInFolder(
  data: DataFolder,
  id: string,
  name: string,
): Promise<Result<{ created: string }, LinliError>> {
  const store = await data.eventStore(id);
  const governance = await createGovernance({ store, actor: OPERATOR_ACTOR, groupCommit: false });
  try {
    if (governance.head.value.seq > 0)
      return { ok: false, error: linliError('community.already_founded', [], { name: id }) };
    const founded = await governance.execute({ type: 'community.found', name });
    if (!founded.ok) return { ok: false, error: founded.error };
    return { ok: true, value: { created: (await store.read()).at(0)?.at ?? new Date().toISOString() } };
  } finally {
    governance.dispose();
    await store.close();
  }
}

/** The host of a data folder's communities, with its list; `settings` as for {@link openFromFolder}. */
export async function hostFolder(
  data: DataFolder,
  settings: OpenSettings & Pick<CommunityHostOptions, 'idleMs' | 'maxOpen' | 'refreshMs' | 'now'>,
  opened: (id: string, community: OpenedFromFolder) => void = () => {},
): Promise<CommunityHost> {
  const registry = await data.registry();
  const { idleMs, maxOpen, refreshMs, now } = settings;
  return new CommunityHost({
    registry,
    open: async ({ id }) => {
      const result = await openFromFolder(data, id, settings);
      if (result.ok) opened(id, result.value);
      return result;
    },
    found: (id, name) => foundInFolder(data, id, name),
    ...(idleMs === undefined ? {} : { idleMs }),
    ...(maxOpen === undefined ? {} : { maxOpen }),
    ...(refreshMs === undefined ? {} : { refreshMs }),
    ...(now === undefined ? {} : { now }),
  });
}
