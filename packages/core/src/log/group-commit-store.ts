import type { LinliError } from '../errors/linli-error.js';
import { ok, type Result } from '../errors/result.js';
import type { DraftEvent, LoggedEvent } from './event.js';
import type {
  AppendGroup,
  AppendGroupsOptions,
  AppendOptions,
  EventStore,
  ReadOptions,
  StoreListener,
} from './store.js';

/**
 * A store that commits in groups: it implements `appendGroups`, and `append` is one group under the
 * append's request key — so a single transaction path serves both.
 */
export abstract class GroupCommitStore implements EventStore {
  /** See {@link EventStore.appendGroups}: the one transaction path. */
  abstract appendGroups(
    groups: readonly AppendGroup[],
    options: AppendGroupsOptions,
  ): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError>>;
  /** See {@link EventStore.read}. */
  abstract read(options?: ReadOptions): Promise<readonly LoggedEvent[]>;
  /** See {@link EventStore.subscribe}. */
  abstract subscribe(listener: StoreListener): () => void;
  /** See {@link EventStore.appendedFor}: a store that commits in groups keeps request keys too. */
  abstract appendedFor(requestKey: string): Promise<readonly LoggedEvent[] | undefined>;

  /** One group under the append's request key (see {@link EventStore.append}). */
  async append(
    drafts: readonly DraftEvent[],
    options: AppendOptions,
  ): Promise<Result<readonly LoggedEvent[], LinliError>> {
    const group = options.requestKey === undefined ? { drafts } : { drafts, requestKey: options.requestKey };
    const appended = await this.appendGroups([group], { expectedSeq: options.expectedSeq });
    return appended.ok ? ok(appended.value[0] ?? []) : appended;
  }
}
