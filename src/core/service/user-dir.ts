import { homedir } from 'node:os';
import { join } from 'node:path';

/** The same folder Electron's app.getPath('userData') gives for "Digit Studio", so both modes share models. */
export function defaultUserDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Digit Studio');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Digit Studio');
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Digit Studio');
  }
}
