import { linliError } from '../../errors/linli-error.js';
import { err, ok } from '../../errors/result.js';
import { VOTE_CODE } from '../ballot-columns.js';
import { noWinner } from '../settle-tie.js';
import type { CountExplainer, CountingMethod, OptionResult, Weights } from './method.js';
import { proposalRoll, sumProposal } from './roll-sums.js';

/** A yes/no (or consent) answer. */
export interface ProposalChoice {
  readonly kind: 'proposal';
  readonly vote: 'yes' | 'no' | 'abstain' | 'block';
}

const answers = ['yes', 'no', 'abstain', 'block'] as const;

/** A proposal: yes, no, abstain (and block, where allowed), measured against the rule's thresholds. */
export const proposalMethod: CountingMethod<ProposalChoice> = {
  shape: {
    kind: 'proposal',
    field: 'vote',
    layout: { column: 'vote' },
    read: (motion, command) => {
      const vote = command.vote as ProposalChoice['vote'];
      if (vote === 'block' && !motion.allowBlock)
        return err(linliError('ballot.block_not_allowed', ['vote']));
      return ok({ kind: 'proposal', vote });
    },
    write: (columns, i, choice) => {
      columns.vote[i] = VOTE_CODE[choice.vote];
    },
    withIds: (choice) => ({ vote: choice.vote }),
  },
  byThreshold: true,
  hasSupport: true,
  checkDefinition: () => null,
  // Every sum comes from one pass: the million-ballot hot path.
  count: ({ columns }) => {
    const sums = sumProposal(columns);
    const options: OptionResult[] = answers.map((label) => {
      const [votes, area, custom] = sums.byCode[VOTE_CODE[label]] as Weights;
      return { id: label, label, votes, area, custom };
    });
    return {
      roll: proposalRoll(sums),
      options,
      settlement: noWinner,
      yes: sums.byCode[VOTE_CODE.yes] as Weights,
      blocks: (sums.byCode[VOTE_CODE.block] as Weights)[0],
    };
  },
};

/** How the count went, in plain words (see `explainers.ts`). */
export const proposalExplain: CountExplainer = () => null;
