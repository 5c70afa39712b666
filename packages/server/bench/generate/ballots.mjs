// Ballots as households cast them: each of `units` votes with probability `turnout`, its vote drawn
// by `vote()`, both from the generator's seeded randomness (so every run casts the same ballots).

/** The `ballot.cast` commands of `units` on `motionId`. */
export function ballots(motionId, units, turnout, random, vote) {
  const commands = [];
  for (const u of units)
    if (random() < turnout) commands.push({ type: 'ballot.cast', motionId, voterId: u.id, vote: vote() });
  return commands;
}
