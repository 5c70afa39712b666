import { ApiClient } from '../../api/api-client.ts';
import './define.ts';
import type { LinliRegisterImport } from './register-import.ts';

/**
 * Puts the register import into `host` for `community`, with the organizer's `token`: what the
 * stand-in page the server serves at `/c/:id/organizer/register` calls until the shell's router
 * mounts the screen itself.
 */
export function mountRegisterImport(host: Element, community: string, token: string): LinliRegisterImport {
  const screen = document.createElement('linli-register-import');
  screen.community = community;
  screen.api = new ApiClient({ token: () => token });
  host.replaceChildren(screen);
  return screen;
}
