// Commands both generators make, drawn from the generator's seeded randomness where they vary (so
// every run makes the same ones).

/**
 * The `ballot.cast` commands of `units` on `motionId`: each votes with probability `turnout`, its
 * vote drawn by `vote()`.
 */
export function ballots(motionId, units, turnout, random, vote) {
  const commands = [];
  for (const u of units)
    if (random() < turnout) commands.push({ type: 'ballot.cast', motionId, voterId: u.id, vote: vote() });
  return commands;
}

/** A Saturday-morning cleaning rota of two households at a time over `scope`, the over-80s exempt. */
export function weeklyCleaning(id, scope, start) {
  return {
    type: 'duty.define',
    id,
    name: '清洁楼道',
    scope,
    rrule: 'FREQ=WEEKLY;BYDAY=SA',
    start,
    time: '09:00',
    durationMinutes: 60,
    teamSize: 2,
    exemptAge: 80,
    policy: 'leastServed',
  };
}
