/**
 * Whether `e` says the database could not be reached or the connection was lost (rather than that a
 * statement was refused): no connection, a connection ended, or SQLSTATE class 08 (connection
 * exception) or 57 (operator intervention: shutdown, a terminated backend, "cannot connect now").
 */
export function unreachable(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^(08|57)/.test(code)) return true;
    if (/^E[A-Z]+$/.test(code)) return true; // a socket error: ECONNREFUSED, ECONNRESET, ETIMEDOUT…
    return false;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended|not queryable/i.test(
    e.message,
  );
}
