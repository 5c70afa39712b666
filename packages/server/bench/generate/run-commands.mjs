// Drives a governance with generated commands, as a server's clients would: the commands of one batch
// are sent together (so group commit seals them in one append), each refusal stops the generator.

/** How many commands go out together; a crowd of ballots in one event-loop turn, as under load. */
const BATCH = 256;

/** Executes `commands` in order, `BATCH` at a time; throws, naming the command, on the first refusal. */
export async function runCommands(governance, commands, label) {
  for (let i = 0; i < commands.length; i += BATCH) {
    const batch = commands.slice(i, i + BATCH);
    const results = await Promise.all(batch.map((command) => governance.execute(command)));
    const refused = results.findIndex((r) => !r.ok);
    if (refused >= 0) {
      const { code, message } = results[refused].error;
      throw new Error(`${label}: ${JSON.stringify(batch[refused])} refused: ${code}: ${message.en}`);
    }
  }
}
