// A recording test double of the `electron` module for running the BUILT main process (out/main/index.js) in
// plain Node. It implements the parts the app uses with Electron's documented timing rules (protocol schemes
// only before `ready`, protocol.handle and windows only after it) and records every call; the test drives it
// through control.mjs over the child-process IPC channel. It is not Electron: no Chromium runs here.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { startControl } from './control.mjs';

/** Everything the main process did, in order, as plain data the test can read. */
export const record = { calls: [], windows: [], menus: [], schemes: [], protocols: new Map(), ipc: new Map(), sent: [] };
/** Records a call, and streams it to the test too, so calls made just before the process exits are not lost. */
function note(name, detail = {}) {
  const call = { name, ...detail };
  record.calls.push(call);
  process.send?.({ type: 'call', call });
}

// Electron sets process.resourcesPath in every run (the package's resources folder once packaged). The repo's
// resources/ stands in for it, so a "packaged" run finds its bundled models under resources/models as
// electron-builder's extraResources puts them.
process.resourcesPath = process.env.DOUBLE_RESOURCES_PATH ?? `${process.env.DOUBLE_APP_PATH}/resources`;

let ready = false;
const readyWaiters = [];

class App extends EventEmitter {
  isPackaged = process.env.DOUBLE_PACKAGED === '1';

  isReady() {
    return ready;
  }

  whenReady() {
    return ready ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
  }

  requestSingleInstanceLock() {
    note('app.requestSingleInstanceLock');
    return process.env.DOUBLE_LOCK_HELD !== '1';
  }

  quit() {
    note('app.quit');
    // Exit once every message before this one has reached the test (their order is kept).
    if (process.send) process.send({ type: 'quit' }, () => process.exit(0));
    else setImmediate(() => process.exit(0));
  }

  getPath(name) {
    if (name !== 'userData') throw new Error(`double: app.getPath('${name}') is not modelled`);
    return process.env.DOUBLE_USER_DATA;
  }

  getAppPath() {
    return process.env.DOUBLE_APP_PATH;
  }

  getVersion() {
    return '0.0.0-double';
  }
}

export const app = new App();

class WebContents extends EventEmitter {
  mainFrame = { url: '', isMainFrame: true };
  windowOpenHandler = undefined;
  destroyed = false;

  send(channel, payload) {
    if (this.destroyed) throw new Error('double: send() on a destroyed webContents');
    record.sent.push({ channel });
    process.send?.({ type: 'send', channel, payload });
  }

  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }

  isDestroyed() {
    return this.destroyed;
  }
}

const windows = [];

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }

  constructor(options) {
    super();
    if (!ready) throw new Error('double: BrowserWindow created before the app is ready');
    this.options = options;
    this.destroyed = false;
    this.webContents = new WebContents();
    const preload = options.webPreferences?.preload;
    record.windows.push({ options, preloadExists: typeof preload === 'string' && existsSync(preload), loaded: [] });
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }

  async loadURL(url) {
    record.windows.at(-1).loaded.push(url);
    this.webContents.mainFrame.url = url;
    process.send?.({ type: 'loadURL', url });
    setImmediate(() => this.emit('ready-to-show'));
  }

  show() {
    note('window.show');
  }
  maximize() {}
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  restore() {}
  focus() {
    note('window.focus');
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1280, height: 860 };
  }
  close() {
    this.emit('close');
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

export const ipcMain = {
  handle(channel, handler) {
    if (record.ipc.has(channel)) throw new Error(`double: Attempted to register a second handler for '${channel}'`);
    record.ipc.set(channel, handler);
    note('ipcMain.handle', { channel });
  },
  removeHandler(channel) {
    record.ipc.delete(channel);
    note('ipcMain.removeHandler', { channel });
  },
};

/** What the next open dialog answers (set by the test). */
export const dialogAnswers = { open: { canceled: true, filePaths: [] } };

export const dialog = {
  async showOpenDialog(...args) {
    note('dialog.showOpenDialog', { options: args.at(-1) });
    return dialogAnswers.open;
  },
  async showMessageBox(...args) {
    const options = args.at(-1);
    note('dialog.showMessageBox', { title: options.title, message: options.message, detail: options.detail });
    return { response: 0 };
  },
  showErrorBox(title, content) {
    note('dialog.showErrorBox', { title, content });
  },
};

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    record.menus.push(menu);
    note('Menu.setApplicationMenu');
  },
};

export const shell = {
  showItemInFolder(path) {
    note('shell.showItemInFolder', { path });
  },
  async openExternal(url) {
    note('shell.openExternal', { url });
  },
};

export const screen = {
  getAllDisplays() {
    return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  },
};

export const session = {
  defaultSession: {
    permissionRequestHandler: undefined,
    permissionCheckHandler: undefined,
    setPermissionRequestHandler(handler) {
      this.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler) {
      this.permissionCheckHandler = handler;
    },
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('double: protocol.registerSchemesAsPrivileged must be called before the app is ready');
    record.schemes.push(...schemes);
    note('protocol.registerSchemesAsPrivileged');
  },
  handle(scheme, handler) {
    if (!ready) throw new Error('double: protocol.handle can only be used after the app is ready');
    if (!record.schemes.some((s) => s.scheme === scheme)) note('protocol.handle of an unprivileged scheme', { scheme });
    record.protocols.set(scheme, handler);
    note('protocol.handle', { scheme });
  },
};

export default { app, BrowserWindow, ipcMain, dialog, Menu, shell, screen, session, protocol };

// `ready` comes after the entry module has been evaluated, as in Electron: a timer set while this module is
// evaluated fires only once the whole (synchronously evaluated) module graph has run.
setTimeout(() => {
  ready = true;
  note('ready');
  app.emit('ready');
  for (const resolve of readyWaiters.splice(0)) resolve();
}, 0);

startControl({ app, windows, dialogAnswers, session, record });
