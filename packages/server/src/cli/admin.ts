import { createGovernance, type Governance } from '@linli/core';
import type { AuthStore } from '../auth/auth-store.js';
import { ORGANIZER_ROLES, type Organizer, type OrganizerRole } from '../auth/organizers.js';
import { foundInFolder, OPERATOR_ACTOR } from '../hosting/data-folder-host.js';
import { householdLabels } from '../households.js';
import { UsageError } from './command-line.js';
import type { DataFolder } from './data-folder.js';
import { recordAfterChange } from './due-work.js';

/** Where a command prints its lines. */
export type Print = (line: string) => void;

/** An administrative command's stores, opened for one community and closed after. */
export async function withCommunity<T>(
  data: DataFolder,
  community: string,
  work: (gov: Governance, auth: () => Promise<AuthStore>) => Promise<T>,
): Promise<T> {
  const store = await data.eventStore(community);
  let auth: AuthStore | undefined;
  const governance = await createGovernance({ store, actor: OPERATOR_ACTOR, groupCommit: false });
  try {
    if (governance.head.value.seq === 0)
      throw new UsageError(
        `there is no community "${community}"; create it with: linli-server community create ${community} --name <name>`,
      );
    const before = governance.head.value.seq;
    const result = await work(governance, async () => {
      auth ??= await data.authStore(community);
      return auth;
    });
    await recordAfterChange(data, community, governance, before);
    return result;
  } finally {
    governance.dispose();
    await auth?.close();
    await store.close();
  }
}

/**
 * `community create <id> --name <name>`: founds a community in an empty log and lists it, so a
 * running server serves it at once. A log founded earlier but not listed (a create cut short) is
 * listed now.
 */
export async function createCommunity(data: DataFolder, community: string, name: string, print: Print) {
  const founded = await foundInFolder(data, community, name);
  const registry = await data.registry();
  try {
    if (!founded.ok && founded.error.code !== 'community.already_founded')
      throw new UsageError(`community create: ${founded.error.message.en}`);
    const listed = await registry.register({
      id: community,
      name,
      created: founded.ok ? founded.value.created : new Date().toISOString(),
    });
    if (!founded.ok && !listed) throw new UsageError(`community "${community}" already exists`);
  } finally {
    await registry.close();
  }
  print(`Created community ${community} (${name}) in ${data.description}.`);
  print(`Next: linli-server organizer add ${community} <name>`);
}

const roleLabel = (role: OrganizerRole) => `${ORGANIZER_ROLES[role].zh} ${ORGANIZER_ROLES[role].en}`;

/** `organizer add`: a named organizer, whose token is printed this once. */
export function addOrganizer(
  data: DataFolder,
  community: string,
  name: string,
  role: OrganizerRole,
  print: Print,
) {
  return withCommunity(data, community, async (_gov, auth) => {
    const { organizer, token } = await (await auth()).addOrganizer(name, role);
    print(`organizer  ${organizer.id}  ${organizer.name}  (${roleLabel(organizer.role)})`);
    print(`token      ${token}`);
    print(`The token is shown once and kept only as a hash; sign in with it on /c/${community}/organizer.`);
  });
}

const describeOrganizer = (o: Organizer) =>
  `${o.id}  ${o.name}  (${roleLabel(o.role)})${o.revokedAt ? `  revoked ${o.revokedAt}` : ''}`;

/** `organizer list`: every organizer of the community, revoked ones marked. */
export function listOrganizers(data: DataFolder, community: string, print: Print) {
  return withCommunity(data, community, async (_gov, auth) => {
    const organizers = await (await auth()).organizers();
    if (organizers.length === 0)
      print(`no organizers yet; add one with: linli-server organizer add ${community} <name>`);
    for (const organizer of organizers) print(describeOrganizer(organizer));
  });
}

/** `organizer revoke`: ends an organizer's tokens at once. */
export function revokeOrganizer(data: DataFolder, community: string, id: string, print: Print) {
  return withCommunity(data, community, async (_gov, auth) => {
    if (!(await (await auth()).revokeOrganizer(id)))
      throw new UsageError(
        `community "${community}" has no live organizer "${id}"; see linli-server organizer list ${community}`,
      );
    print(`revoked ${id}: its tokens no longer sign in`);
  });
}

/** `invites`: a fresh code for each household asked for (all by default), replacing unused ones. */
export function printInvites(
  data: DataFolder,
  community: string,
  units: readonly string[] | undefined,
  print: Print,
) {
  return withCommunity(data, community, async (gov, auth) => {
    const households = householdLabels(gov);
    const chosen = units ?? households.map((h) => h.unitId);
    const unknown = chosen.find((unit) => !gov.unit(unit));
    if (unknown !== undefined)
      throw new UsageError(`invites: community "${community}" has no unit "${unknown}"`);
    if (chosen.length === 0) print(`community "${community}" has no households yet`);
    const store = await auth();
    for (const unit of chosen) {
      const h = households.find((label) => label.unitId === unit);
      const where = h ? [h.building, h.stairwell, h.room].filter(Boolean).join(' ') : unit;
      print(`invite  ${await store.issueInviteCode(unit)}  ${unit}  ${where}`);
    }
    // Each code replaces the household's unused one: only the notices printed from this list work.
    if (chosen.length > 0)
      print(
        `Households sign in with their code at /c/${community}/sign-in (each code replaces any unused one).`,
      );
  });
}
