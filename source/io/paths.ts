import { join } from 'node:path';

/** `~` and `~/...` in a path typed by the user (the UI's write prompt), as a shell would expand them. `~user` stays as typed. */
export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/')) return join(home, path.slice(2));
  return path;
}
