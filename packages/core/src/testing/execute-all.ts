import type { Governance } from '../governance/governance.js';

/**
 * Executes commands in order and throws on the first one refused, naming its type, code and English
 * message: a fixture whose setup silently fails would make every later assertion misleading.
 *
 * @param label - Names the fixture in the thrown message, e.g. `seed` or `story setup`.
 */
export async function executeAll(
  governance: Governance,
  commands: readonly unknown[],
  label = 'fixture',
): Promise<void> {
  for (const command of commands) {
    const result = await governance.execute(command);
    if (!result.ok) {
      const type = (command as { readonly type?: unknown } | null)?.type;
      throw new Error(`${label}: ${String(type)} refused: ${result.error.code}: ${result.error.message.en}`);
    }
  }
}
