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
  abstract appendGroups(
    groups: readonly AppendGroup[],
    options: AppendGroupsOptions,
  ): Promise<Result<readonly (readonly LoggedEvent[])[], LinliError>>;
  abstract read(options?: ReadOptions): Promise<readonly LoggedEvent[]>;
  abstract subscribe(listener: StoreListener): () => void;
  abstract appendedFor(requestKey: string): Promise<readonly LoggedEvent[] | undefined>;

  async append(
    drafts: readonly DraftEvent[],
    options: AppendOptions,
  ): Promise<Result<readonly LoggedEvent[], LinliError>> {
    const group = options.requestKey === undefined ? { drafts } : { drafts, requestKey: options.requestKey };
    const appended = await this.appendGroups([group], { expectedSeq: options.expectedSeq });
    return appended.ok ? ok(appended.value[0] ?? []) : appended;
  }
}
