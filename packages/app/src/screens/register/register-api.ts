import type { LinliError, Locale } from '@linli/core';
import type {
  NumberedRegisterRow,
  RegisterColumn,
  RegisterField,
  RegisterProblem,
} from '@linli/core/register';
import type { ApiClient, ApiResult } from '../../api/api-client.ts';

/** A field the mapping step offers, as the server names it. */
export interface RegisterFieldLabel {
  readonly field: RegisterField;
  readonly label: Readonly<Record<Locale, string>>;
  readonly required: boolean;
}

/** What the import would change (event type → how many), or the typed error that would refuse it. */
export type RegisterPlanSummary =
  | { readonly ok: true; readonly changes: number; readonly counts: Readonly<Record<string, number>> }
  | { readonly ok: false; readonly error: LinliError };

/** The answer of `POST /c/:id/register/preview`. */
export interface RegisterPreview {
  readonly file: string;
  readonly date: string;
  readonly headerLine: number;
  readonly columns: readonly RegisterColumn[];
  readonly fields: readonly RegisterFieldLabel[];
  /** The first rows (the server caps them); `rowCount` is the total. */
  readonly rows: readonly NumberedRegisterRow[];
  readonly rowCount: number;
  readonly problems: readonly RegisterProblem[];
  readonly problemCount: number;
  readonly plan: RegisterPlanSummary;
}

/** The answer of `POST /c/:id/register/import`. */
export interface RegisterImported {
  readonly changes: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly upToDate: boolean;
}

/** Header as written in the file → the field it fills, or null to ignore the column. */
export type RegisterMapping = Readonly<Record<string, RegisterField | null>>;

function uploadForm(file: File, mapping: RegisterMapping | undefined): FormData {
  const form = new FormData();
  form.set('file', file);
  if (mapping !== undefined) form.set('mapping', JSON.stringify(mapping));
  return form;
}

const base = (community: string) => `/c/${encodeURIComponent(community)}`;

/** Reads `file` on the server with `mapping`; nothing is written. */
export function previewRegister(
  api: ApiClient,
  community: string,
  file: File,
  mapping?: RegisterMapping,
): Promise<ApiResult<RegisterPreview>> {
  return api.request<RegisterPreview>(`${base(community)}/register/preview`, {
    method: 'POST',
    body: uploadForm(file, mapping),
  });
}

/** Imports `file` read with `mapping` (the one the preview used) as one all-or-nothing command. */
export function importRegister(
  api: ApiClient,
  community: string,
  file: File,
  mapping?: RegisterMapping,
): Promise<ApiResult<RegisterImported>> {
  return api.request<RegisterImported>(`${base(community)}/register/import`, {
    method: 'POST',
    body: uploadForm(file, mapping),
  });
}

/** The register as it is now, as `.csv` or `.xlsx`. */
export function exportRegister(
  api: ApiClient,
  community: string,
  format: 'csv' | 'xlsx',
): Promise<ApiResult<Blob>> {
  return api.file(`${base(community)}/register.${format}`);
}
