import type * as z from 'zod/mini';
import type { DecideContext } from '../decide/context.js';
import { type LinliError, linliError } from '../errors/linli-error.js';
import { err, ok, type Result } from '../errors/result.js';
import { centiSquareMetres } from '../numbers/area.js';
import type { LocalDate } from '../time/local-date.js';
import type { importRegisterSchema, registerRowSchema } from './commands.js';
import type { CommunityEvent } from './events.js';
import { latestOwnership } from './queries.js';
import { type CommunityState, roomKey } from './state.js';
import type { Unit } from './types.js';

type Row = z.output<typeof registerRowSchema>;
type ImportCommand = z.output<typeof importRegisterSchema>;
type Decision = Result<CommunityEvent[], LinliError>;

/** The name the developer gets when a register names no developer but has unsold units. */
export const DEVELOPER_NAME = '开发商';

// Owners that are not people: companies, the committee itself, offices.
const ORGANISATION = /公司|集团|有限|委员会|中心|局$|所$/;

const sameOwners = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/**
 * The events of one register import, built row by row against the state and what earlier rows
 * added. Entities are matched by name (building; stairwell within it; owner) and units by
 * building, stairwell and room; nothing is ever removed or renamed.
 */
class RegisterDraft {
  readonly events: CommunityEvent[] = [];
  private readonly ids = new Set<string>();
  private readonly buildings = new Map<string, string>();
  private readonly stairwells = new Map<string, string>();
  private readonly owners = new Map<string, string>();
  private readonly units = new Map<string, Pick<Unit, 'id' | 'areas' | 'ownership'>>();
  private readonly housed = new Set<string>();
  private developerId: string | undefined;

  constructor(
    private readonly state: CommunityState,
    private readonly context: Pick<DecideContext, 'newId' | 'today'>,
    private readonly date: LocalDate,
  ) {
    for (const b of state.buildings.values())
      if (!this.buildings.has(b.name)) this.buildings.set(b.name, b.id);
    for (const s of state.stairwells.values()) {
      const key = `${s.buildingId}\u241f${s.name}`;
      if (!this.stairwells.has(key)) this.stairwells.set(key, s.id);
    }
    for (const o of state.owners.values()) {
      if (!this.owners.has(o.name)) this.owners.set(o.name, o.id);
      if (o.developer && this.developerId === undefined) this.developerId = o.id;
    }
    for (const u of state.units.values()) this.units.set(roomKey(u.stairwellId, u.room), u);
    // A unit with anyone living there now, or ever moved in, gets no second move-in from a register.
    for (const r of state.residents.values()) this.housed.add(r.unitId);
  }

  private newId(kind: string, taken: (id: string) => boolean): string {
    let id = this.context.newId(kind);
    while (taken(id) || this.ids.has(id)) id = this.context.newId(kind);
    this.ids.add(id);
    return id;
  }

  private building(name: string): string {
    const known = this.buildings.get(name);
    if (known) return known;
    const buildingId = this.newId('building', (id) => this.state.buildings.has(id));
    this.buildings.set(name, buildingId);
    this.events.push({ type: 'building.added', payload: { buildingId, name } });
    return buildingId;
  }

  private stairwell(buildingId: string, name: string): string {
    const key = `${buildingId}\u241f${name}`;
    const known = this.stairwells.get(key);
    if (known) return known;
    const stairwellId = this.newId('stairwell', (id) => this.state.stairwells.has(id));
    this.stairwells.set(key, stairwellId);
    this.events.push({ type: 'stairwell.added', payload: { stairwellId, buildingId, name } });
    return stairwellId;
  }

  private owner(name: string, developer: boolean, phone: string | undefined): string {
    const known = this.owners.get(name);
    if (known) return known;
    const ownerId = this.newId('owner', (id) => this.state.owners.has(id));
    this.owners.set(name, ownerId);
    if (developer && this.developerId === undefined) this.developerId = ownerId;
    const kind = developer || ORGANISATION.test(name) ? 'organisation' : 'person';
    this.events.push({
      type: 'owner.registered',
      payload: { ownerId, name, kind, developer, ...(phone ? { contact: { phone } } : {}) },
    });
    return ownerId;
  }

  private ownerIds(row: Row): string[] {
    if (row.owners.length === 0) return [this.developerId ?? this.owner(DEVELOPER_NAME, true, undefined)];
    return row.owners.map((name, i) => this.owner(name, row.developer, i === 0 ? row.phone : undefined));
  }

  private unit(stairwellId: string, row: Row): Pick<Unit, 'id' | 'areas' | 'ownership'> {
    const key = roomKey(stairwellId, row.room);
    const known = this.units.get(key);
    const area = centiSquareMetres(row.area);
    if (known) {
      if (known.areas[row.areaSource] !== area) {
        this.events.push({
          type: 'unit.areaRecorded',
          payload: { unitId: known.id, area, areaSource: row.areaSource },
        });
      }
      return known;
    }
    const unitId = this.newId('unit', (id) => this.state.units.has(id));
    const { room, floor, areaSource } = row;
    this.events.push({ type: 'unit.added', payload: { unitId, stairwellId, room, floor, area, areaSource } });
    const added = { id: unitId, areas: { [areaSource]: area }, ownership: [] };
    this.units.set(key, added);
    return added;
  }

  /** Adds the events of row `index`, or the rule it breaks. */
  apply(row: Row, index: number, seen: Set<string>): LinliError | null {
    const stairwellId = this.stairwell(this.building(row.building), row.stairwell);
    const key = roomKey(stairwellId, row.room);
    if (seen.has(key)) return linliError('unit.duplicate_room', ['rows', index, 'room'], { room: row.room });
    seen.add(key);
    const unit = this.unit(stairwellId, row);
    const ownerIds = this.ownerIds(row);
    const latest = latestOwnership(unit as Unit);
    if (!latest || !sameOwners(latest.ownerIds, ownerIds)) {
      if (latest && this.date < latest.from) {
        const params = { date: this.date, latest: latest.from };
        return linliError('ownership.out_of_order', ['rows', index, 'owners'], params);
      }
      this.events.push({ type: 'unit.transferred', payload: { unitId: unit.id, ownerIds, date: this.date } });
    }
    if (row.moveIn !== undefined && !this.housed.has(unit.id)) {
      this.housed.add(unit.id);
      const residentId = this.newId('resident', (id) => this.state.residents.has(id));
      this.events.push({
        type: 'resident.movedIn',
        payload: { residentId, unitId: unit.id, date: row.moveIn },
      });
    }
    return null;
  }
}

/**
 * Decides `register.import`: every event the register implies, in one batch, or the first rule a row
 * breaks (with its path `rows.<i>…`) and no event at all. What the community already records exactly
 * as the register says produces nothing, so the same register twice adds nothing. Motions are not
 * touched: an open motion's electorate was frozen when it opened.
 */
export function importRegister(
  state: CommunityState,
  command: ImportCommand,
  context: Pick<DecideContext, 'newId' | 'today'>,
): Decision {
  const draft = new RegisterDraft(state, context, command.date ?? context.today);
  const seen = new Set<string>();
  for (const [index, row] of command.rows.entries()) {
    const refused = draft.apply(row, index, seen);
    if (refused) return err(refused);
  }
  return ok(draft.events);
}
