import { effectiveArea, latestOwnership } from '../community/queries.js';
import type { AreaSource } from '../community/types.js';
import { type Cell, csv, decimal } from '../funds/csv.js';
import type { LocalDate } from '../time/local-date.js';
import type { CommunityRecords } from './community-records.js';
import type { RegisterRow } from './types.js';
import { type XlsxCell, xlsxWorkbook } from './xlsx-write.js';

/** The headers an exported register has: ones {@link parseRegister} reads back. */
export const EXPORT_HEADERS = [
  '楼号',
  '单元',
  '室号',
  '楼层',
  '面积',
  '面积来源',
  '产权人',
  '共有人',
  '开发商',
  '联系电话',
  '入住日期',
] as const;

const SOURCE_NAMES: Readonly<Record<AreaSource, string>> = {
  registered: '登记',
  surveyed: '实测',
  contract: '合同',
};

/**
 * The register of a community's records: one row per unit in the order units were added, with its
 * effective area, current owners (the developer's units flagged), the first owner's phone and the
 * earliest move-in of anyone living there.
 */
export function registerFromRecords(records: CommunityRecords): RegisterRow[] {
  const buildings = new Map(records.buildings.map((b) => [b.id, b.name]));
  const stairwells = new Map(records.stairwells.map((s) => [s.id, s]));
  const owners = new Map(records.owners.map((o) => [o.id, o]));
  const movedIn = new Map<string, LocalDate>();
  for (const r of records.residents) {
    const earliest = movedIn.get(r.unitId);
    if (r.movedOut === undefined && (earliest === undefined || r.movedIn < earliest))
      movedIn.set(r.unitId, r.movedIn);
  }
  return records.units.map((unit) => {
    const stairwell = stairwells.get(unit.stairwellId);
    const current = (latestOwnership(unit)?.ownerIds ?? []).flatMap((id) => owners.get(id) ?? []);
    const { area, source } = effectiveArea(unit);
    const phone = current[0]?.contact?.phone;
    const moveIn = movedIn.get(unit.id);
    return {
      building: buildings.get(stairwell?.buildingId ?? '') ?? '',
      stairwell: stairwell?.name ?? '',
      room: unit.room,
      floor: unit.floor,
      area,
      areaSource: source,
      owners: current.map((o) => o.name),
      developer: current.length === 0 || current.every((o) => o.developer),
      ...(phone ? { phone } : {}),
      ...(moveIn ? { moveIn } : {}),
    };
  });
}

type Decimal = { readonly decimal: string };

function rowCells(row: RegisterRow): (string | number | Decimal)[] {
  return [
    row.building,
    row.stairwell,
    row.room,
    row.floor,
    decimal(row.area),
    SOURCE_NAMES[row.areaSource],
    row.owners[0] ?? '',
    row.owners.slice(1).join('、'),
    row.developer ? '是' : '',
    row.phone ?? '',
    row.moveIn ?? '',
  ];
}

/** A register as CSV for Excel: UTF-8 with BOM, CRLF, numbers as numbers, formula-like text guarded. */
export function registerToCsv(rows: readonly RegisterRow[]): string {
  return csv(
    EXPORT_HEADERS,
    rows.map((row) => rowCells(row) as Cell[]),
  );
}

/** A register as an `.xlsx` workbook (one sheet, 房屋清册): text as text, floors and areas as numbers. */
export function registerToXlsx(rows: readonly RegisterRow[]): Uint8Array {
  const body = rows.map((row) =>
    rowCells(row).map((cell): XlsxCell => (typeof cell === 'object' ? Number(cell.decimal) : cell)),
  );
  return xlsxWorkbook('房屋清册', [[...EXPORT_HEADERS], ...body]);
}
