import type { RegisterImported, RegisterMapping, RegisterPreview } from '@linli/core/register';
import type { ApiClient, ApiResult } from '../../api/api-client.ts';

export type {
  RegisterFieldLabel,
  RegisterImported,
  RegisterMapping,
  RegisterPlanSummary,
  RegisterPreview,
} from '@linli/core/register';

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
