/**
 * `@linli/core/register` — the housing register (房屋清册 / 业主名册): read `.xlsx` and `.csv` files,
 * preview what an import would change, build the one `register.import` command that applies it, and
 * export a community's register back to `.csv` and `.xlsx`. A separate entry, so that bundles which
 * never import a register carry none of it (nor `fflate`).
 *
 * @packageDocumentation
 */

export { REGISTER_CHANGE_LABELS } from './register/change-labels.js';
export { REGISTER_HEADERS } from './register/columns.js';
export type { CommunityRecords } from './register/community-records.js';
export { EXPORT_HEADERS, registerFromRecords, registerToCsv, registerToXlsx } from './register/export.js';
export { REGISTER_FIELD_LABELS, type RegisterFieldLabel } from './register/field-labels.js';
export { ledgerXlsx } from './register/ledger-xlsx.js';
export { MAX_REGISTER_ROWS, type ParseRegisterOptions, parseRegister } from './register/parse-register.js';
export {
  planRegisterImport,
  type RegisterImportCommand,
  type RegisterImportOptions,
  type RegisterPlan,
  registerCommand,
} from './register/plan.js';
export type {
  RegisterImported,
  RegisterMapping,
  RegisterPlanSummary,
  RegisterPreview,
} from './register/preview.js';
export type { RegisterErrorCode } from './register/register-error.js';
export type {
  NumberedRegisterRow,
  ParsedRegister,
  RegisterColumn,
  RegisterField,
  RegisterProblem,
  RegisterRow,
} from './register/types.js';
