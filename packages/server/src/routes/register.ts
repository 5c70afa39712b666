import { type Clock, type LocalDate, linliError, localDateOf } from '@linli/core';
import { registerFromRecords, registerToCsv, registerToXlsx } from '@linli/core/register';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { organizerActor } from '../auth/organizers.js';
import { download } from '../http/download.js';
import type { AppEnv } from '../http/env.js';
import { Refusal, refusalResponse } from '../http/refusal.js';
import { requires } from '../middleware/auth.js';
import { previewOf, readUpload } from '../register/register-preview.js';
import { readableForm, registerUpload } from '../register/upload-form.js';

/**
 * The largest register upload, bytes (8 MiB). A 10,000-household register as Excel saves it measures
 * 0.6 MB as `.xlsx` and 0.96 MB as UTF-8 CSV (three owners and a phone each), so the 20,000 rows the
 * import takes fit with room for styling, and a body this size parses in well under a second.
 */
export const MAX_REGISTER_BODY = 8 * 1024 * 1024;

/** The upload routes, which take their own body limit instead of the app's 64 KiB one. */
export const isRegisterUpload = (path: string): boolean => /\/register\/(preview|import)$/.test(path);

/** What the register routes need from the app's options. */
export interface RegisterRouteOptions {
  /** What "today" is when the upload names no date for ownership changes. */
  readonly clock: Clock;
  /** The organizers' office in the log: each acts as `<office>/<organizer id>`. */
  readonly organizerActor: string;
  /** Largest upload, bytes (default {@link MAX_REGISTER_BODY}). */
  readonly maxBody?: number;
}

/** The answer of `POST /c/:id/register/import`. */
export interface RegisterImported {
  /** Events appended (0: the community already matched the register). */
  readonly changes: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly upToDate: boolean;
}

function registerDownload(
  c: Context,
  id: string,
  body: string | Uint8Array,
  type: string,
  extension: string,
) {
  return download(c, body, {
    ascii: `register-${id}.${extension}`,
    localized: `房屋清册-${id}.${extension}`,
    contentType: type,
  });
}

/**
 * The housing register under `/c/:community`, the organizer's only: `POST /register/preview` reads an
 * uploaded `.xlsx`/`.csv` with the organizer's column mapping and answers what an import would change,
 * writing nothing; `POST /register/import` applies the same upload as one `register.import` command
 * (all or nothing; the same file twice changes nothing); `GET /register.csv` and `GET /register.xlsx`
 * export the register as it is now.
 */
export function registerRoutes(options: RegisterRouteOptions): Hono<AppEnv> {
  const organizer = requires('organizer');
  const limit = bodyLimit({
    maxSize: options.maxBody ?? MAX_REGISTER_BODY,
    onError: (c) => refusalResponse(c, linliError('http.too_large')),
  });
  const today = (): LocalDate => localDateOf(options.clock.now());
  return new Hono<AppEnv>()
    .post('/register/preview', organizer, limit, readableForm, registerUpload(), async (c) => {
      const upload = c.req.valid('form');
      const date = upload.date ?? today();
      const read = await readUpload(upload, date);
      return c.json(previewOf(c.get('community').governance, upload.file.name, read, date));
    })
    .post('/register/import', organizer, limit, readableForm, registerUpload(), async (c) => {
      const upload = c.req.valid('form');
      const { command } = await readUpload(upload, upload.date ?? today());
      if (!command.ok) throw new Refusal(command.error);
      const principal = c.get('principal');
      if (principal.kind !== 'organizer') throw new Refusal(linliError('auth.forbidden')); // `requires` saw to it
      const actor = organizerActor(options.organizerActor, principal.id);
      const applied = await c.get('community').governance.execute(command.value, { actor });
      if (!applied.ok) throw new Refusal(applied.error);
      const counts: Record<string, number> = {};
      for (const event of applied.value) counts[event.type] = (counts[event.type] ?? 0) + 1;
      const answer: RegisterImported = {
        changes: applied.value.length,
        counts,
        upToDate: applied.value.length === 0,
      };
      return c.json(answer);
    })
    .get('/register.csv', organizer, (c) =>
      registerDownload(
        c,
        c.get('community').id,
        registerToCsv(registerFromRecords(c.get('community').governance.snapshot().community)),
        'text/csv; charset=utf-8',
        'csv',
      ),
    )
    .get('/register.xlsx', organizer, (c) =>
      registerDownload(
        c,
        c.get('community').id,
        registerToXlsx(registerFromRecords(c.get('community').governance.snapshot().community)),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'xlsx',
      ),
    );
}
