import { parseArgs } from 'node:util';
import { isOrganizerRole, ORGANIZER_ROLES, type OrganizerRole } from '../auth/organizers.js';
import { isCommunityId } from '../hosting/community-id.js';

/** A wrong command line: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What one invocation of `linli-server` asks for. */
export type CliCommand =
  | { readonly name: 'help' }
  | { readonly name: 'serve' }
  | { readonly name: 'demo' }
  | { readonly name: 'community create'; readonly community: string; readonly communityName: string }
  | { readonly name: 'community list' }
  | {
      readonly name: 'community origins';
      readonly community: string;
      readonly add: readonly string[];
      readonly remove: readonly string[];
    }
  | {
      readonly name: 'organizer add';
      readonly community: string;
      readonly organizerName: string;
      readonly role: OrganizerRole;
    }
  | { readonly name: 'organizer list'; readonly community: string }
  | { readonly name: 'organizer revoke'; readonly community: string; readonly organizer: string }
  | { readonly name: 'invites'; readonly community: string; readonly units?: readonly string[] }
  | { readonly name: 'backup'; readonly community: string; readonly file?: string }
  | { readonly name: 'restore'; readonly community: string; readonly file: string }
  | { readonly name: 'verify'; readonly community: string }
  | {
      readonly name: 'import';
      readonly community: string;
      readonly file: string;
      readonly apply: boolean;
      readonly date?: string;
    };

const roles = Object.entries(ORGANIZER_ROLES)
  .map(([role, { zh }]) => `${role} (${zh})`)
  .join(', ');

/** What `linli-server --help` prints. */
export const HELP = `Usage: linli-server [command] [arguments]

Commands:
  serve                                     serve the communities in the data folder (the default)
  demo                                      serve the demo community 新福康里 (xfkl), seeded on first run
  community create <id> --name <name>       found a new community; a running server serves it at once
  community list                            the communities: id, name, households, active organizers, origins
  community origins <id> [--add <origin>] [--remove <origin>]
                                            list or edit the origins (https://host[:port]) allowed to
                                            embed the community; a running server sees it within 5 s
  organizer add <community> <name> [--role <role>]
                                            add a named organizer; prints its token once
  organizer list <community>                list the organizers, revoked ones included
  organizer revoke <community> <organizer>  revoke an organizer: its tokens stop working at once
  invites <community> [--units <u1,u2,…>]   print invite codes for households (all by default)
  import <community> <file> [--apply] [--date <YYYY-MM-DD>]
                                            read a housing register (.xlsx/.csv): its problems and what it
                                            would change; --apply imports it, all or nothing
  backup <community> [file]                 write the log, its signed checkpoint and its attachments
                                            (stdout by default)
  restore <community> <file>                restore a backup into an empty community, checked first
  verify <community>                        check the log's hash chain against the last signed head,
                                            and every attachment against its hash

Roles: ${roles}.
Data: LINLI_DATA (a folder, default ./data, SQLite) or DATABASE_URL (PostgreSQL).
Serving: PORT (8787), HOST (127.0.0.1), TRUST_PROXY (hops), LINLI_IDLE_SECONDS (600: an unused
community is closed after this long, and reopened on its next request), LINLI_MAX_OPEN (no cap).`;

/** Each command's positional arguments (a trailing `?` marks an optional one) and its options. */
const SHAPES: Record<string, { readonly args: readonly string[]; readonly options: readonly string[] }> = {
  serve: { args: [], options: [] },
  demo: { args: [], options: [] },
  'community create': { args: ['id'], options: ['name'] },
  'community list': { args: [], options: [] },
  'community origins': { args: ['community'], options: ['add', 'remove'] },
  'organizer add': { args: ['community', 'name'], options: ['role'] },
  'organizer list': { args: ['community'], options: [] },
  'organizer revoke': { args: ['community', 'organizer'], options: [] },
  invites: { args: ['community'], options: ['units'] },
  backup: { args: ['community', 'file?'], options: [] },
  restore: { args: ['community', 'file'], options: [] },
  verify: { args: ['community'], options: [] },
  import: { args: ['community', 'file'], options: ['apply', 'date'] },
};

/** Reads `linli-server`'s arguments; a wrong one throws {@link UsageError}. */
export function parseCommandLine(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: 'help' };
  const [first = 'serve', ...rest] = positionals;
  const grouped = first === 'community' || first === 'organizer';
  const name = grouped ? `${first} ${rest[0] ?? ''}` : first;
  const shape = SHAPES[name];
  if (!shape) throw new UsageError(`unknown command "${name.trim()}"; see linli-server --help`);
  const args = grouped ? rest.slice(1) : rest;
  checkShape(name, shape, args, values);
  return toCommand(name, args, values);
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      name: { type: 'string' },
      role: { type: 'string' },
      units: { type: 'string' },
      apply: { type: 'boolean' },
      date: { type: 'string' },
      add: { type: 'string', multiple: true },
      remove: { type: 'string', multiple: true },
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

function checkShape(name: string, shape: (typeof SHAPES)[string], args: readonly string[], values: Values) {
  const required = shape.args.filter((a) => !a.endsWith('?'));
  const usage = `usage: linli-server ${name} ${shape.args.map((a) => (a.endsWith('?') ? `[${a.slice(0, -1)}]` : `<${a}>`)).join(' ')}`;
  if (args.length < required.length)
    throw new UsageError(`${name}: missing <${required[args.length]}>; ${usage}`);
  if (args.length > shape.args.length)
    throw new UsageError(`${name}: unexpected "${args[shape.args.length]}"; ${usage}`);
  for (const option of ['name', 'role', 'units', 'apply', 'date', 'add', 'remove'] as const)
    if (values[option] !== undefined && !shape.options.includes(option))
      throw new UsageError(`${name}: --${option} does not apply here; ${usage}`);
  const community = args[0];
  if (community !== undefined && !isCommunityId(community))
    throw new UsageError(
      `${name}: "${community}" is not a community id (lower-case letters, digits and -, up to 40)`,
    );
}

function toCommand(name: string, args: readonly string[], values: Values): CliCommand {
  const [community = '', second] = args;
  switch (name) {
    case 'community create':
      if (!values.name?.trim()) throw new UsageError('community create: --name <name> is required');
      return { name, community, communityName: values.name.trim() };
    case 'organizer add': {
      // The help lists each role with its Chinese name; either is accepted.
      const given = values.role ?? 'residents-committee';
      const role = Object.entries(ORGANIZER_ROLES).find(([, { zh }]) => zh === given)?.[0] ?? given;
      if (!isOrganizerRole(role)) throw new UsageError(`organizer add: --role must be one of ${roles}`);
      if (!second?.trim()) throw new UsageError('organizer add: the organizer needs a name');
      return { name, community, organizerName: second.trim(), role };
    }
    case 'community list':
      return { name };
    case 'community origins':
      return { name, community, add: values.add ?? [], remove: values.remove ?? [] };
    case 'organizer list':
    case 'verify':
      return { name, community };
    case 'organizer revoke':
      return { name, community, organizer: second ?? '' };
    case 'invites': {
      const units = values.units
        ?.split(',')
        .map((u) => u.trim())
        .filter((u) => u !== '');
      return units ? { name, community, units } : { name, community };
    }
    case 'backup':
      return second === undefined ? { name, community } : { name, community, file: second };
    case 'restore':
      return { name, community, file: second ?? '' };
    case 'import':
      return {
        name,
        community,
        file: second ?? '',
        apply: values.apply === true,
        ...(values.date === undefined ? {} : { date: values.date }),
      };
    default:
      return { name: name === 'demo' ? 'demo' : 'serve' };
  }
}
