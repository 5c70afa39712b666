#!/usr/bin/env node
import { addOrganizer, createCommunity, listOrganizers, printInvites, revokeOrganizer } from './admin.js';
import { backup, CliFailure, checkLog } from './backup.js';
import { type CliCommand, HELP, parseCommandLine, UsageError } from './command-line.js';
import { editCommunityOrigins, listCommunities } from './communities.js';
import { DataFolder } from './data-folder.js';
import { importRegisterFile } from './import-register.js';
import { serve } from './serve.js';

/**
 * `linli-server`: serves the communities in the data folder (the default), the demo (`npm start`),
 * or runs one administrative command against the same data (see {@link HELP}). A wrong argument is
 * one line on stderr and exit code 2; a refusal (an unverifiable log, a busy folder) one line and 1.
 */
async function run(command: CliCommand): Promise<void> {
  const print = (line: string) => console.log(line);
  if (command.name === 'help') return print(HELP);
  if (command.name === 'serve' || command.name === 'demo') return serve(command.name);
  const data = new DataFolder();
  switch (command.name) {
    case 'community create':
      return createCommunity(data, command.community, command.communityName, print);
    case 'community list':
      return listCommunities(data, print);
    case 'community origins':
      return editCommunityOrigins(data, command.community, command, print);
    case 'organizer add':
      return addOrganizer(data, command.community, command.organizerName, command.role, print);
    case 'organizer list':
      return listOrganizers(data, command.community, print);
    case 'organizer revoke':
      return revokeOrganizer(data, command.community, command.organizer, print);
    case 'invites':
      return printInvites(data, command.community, command.units, print);
    case 'backup':
      return backup(data, command.community, command.file, print);
    case 'restore':
      return checkLog(data, command.community, command.file, print);
    case 'verify':
      return checkLog(data, command.community, undefined, print);
    case 'import':
      return importRegisterFile(data, command, print);
  }
}

// A reader that has seen enough (`linli-server invites lane9 | head`) closes the pipe: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

try {
  const command = parseCommandLine(process.argv.slice(2));
  await run(command);
  // Administrative commands end here (a store's follower would keep the process alive); serving goes on.
  // (A backup on stdout may still be on its way to a pipe: exit once it is written.)
  if (command.name !== 'serve' && command.name !== 'demo') process.stdout.write('', () => process.exit(0));
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`linli-server: ${e.message}`);
    process.exit(2);
  }
  if (e instanceof CliFailure || (e instanceof Error && e.name === 'NewerAuthSchemaError')) {
    console.error(`linli: ${e.message.replace(/^linli: /, '')}`);
    process.exit(1);
  }
  throw e;
}
