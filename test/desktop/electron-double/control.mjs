// The test's handle on the electron double: commands arrive over the child-process IPC channel as
// { id, cmd, ... } and are answered as { id, result } or { id, error }. Each command does what Electron would
// do on a real event (a page request through the app's protocol, an IPC invoke from a frame, a navigation,
// a permission request, a menu click, a second launch) and reports what the main process decided.

/** A Chromium event object: records whether the main process prevented the default action. */
function cancellable() {
  const event = {
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

function menuItem(items, label) {
  for (const item of items) {
    if (item.label === label) return item;
    const inner = Array.isArray(item.submenu) ? menuItem(item.submenu, label) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

function labels(items) {
  return items.map((item) => ({ label: item.label, role: item.role, accelerator: item.accelerator, submenu: Array.isArray(item.submenu) ? labels(item.submenu) : undefined }));
}

export function startControl({ app, windows, dialogAnswers, session, record }) {
  const mainWindow = () => windows.findLast((w) => !w.destroyed);

  const commands = {
    state: () => ({
      calls: record.calls,
      windows: record.windows.map((w) => ({ ...w, options: JSON.parse(JSON.stringify(w.options)) })),
      schemes: record.schemes,
      protocols: [...record.protocols.keys()],
      ipcChannels: [...record.ipc.keys()],
      menu: record.menus.length ? labels(record.menus.at(-1).template) : [],
      sent: record.sent,
    }),

    /** A page request through a registered protocol handler, answered as Chromium would receive it. */
    async fetch({ url, method = 'GET' }) {
      const handler = record.protocols.get(new URL(url).protocol.slice(0, -1));
      if (!handler) return { status: 0, headers: {}, body: new Uint8Array() };
      const response = await handler(new Request(url, { method }));
      return { status: response.status, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) };
    },

    /** ipcRenderer.invoke from a frame of the main window (or from a subframe, or from another window). */
    async invoke({ channel, message, frameUrl, mainFrame = true, foreignContents = false }) {
      const handler = record.ipc.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const window = mainWindow();
      const frame = mainFrame ? window.webContents.mainFrame : { url: frameUrl, isMainFrame: false };
      if (mainFrame) frame.url = frameUrl;
      const sender = foreignContents ? { mainFrame: frame } : window.webContents;
      return handler({ sender, senderFrame: frame }, message);
    },

    /** will-navigate / will-redirect / will-attach-webview: was it prevented? window.open: the handler's answer. */
    navigate({ kind, url }) {
      const contents = mainWindow().webContents;
      if (kind === 'window-open') return contents.windowOpenHandler ? contents.windowOpenHandler({ url }) : { action: 'allow' };
      const event = cancellable();
      contents.emit(kind, event, url);
      return { prevented: event.prevented };
    },

    permission({ permission }) {
      const { permissionRequestHandler, permissionCheckHandler } = session.defaultSession;
      let granted = 'no handler';
      permissionRequestHandler?.({}, permission, (answer) => (granted = answer), {});
      return { request: granted, check: permissionCheckHandler ? permissionCheckHandler({}, permission, 'app://digit-studio', {}) : 'no handler' };
    },

    clickMenu({ label }) {
      const item = menuItem(record.menus.at(-1)?.template ?? [], label);
      if (!item?.click) throw new Error(`no menu item '${label}' with an action`);
      item.click();
      return true;
    },

    answerOpenDialog({ filePaths }) {
      dialogAnswers.open = { canceled: filePaths.length === 0, filePaths };
      return true;
    },

    appEvent({ name, args }) {
      const event = cancellable();
      app.emit(name, event, ...args);
      return { prevented: event.prevented };
    },

    closeWindow() {
      mainWindow()?.close();
      return true;
    },
  };

  process.on('message', async (message) => {
    if (!message || typeof message.id !== 'number') return;
    try {
      const command = commands[message.cmd];
      if (!command) throw new Error(`double: unknown command ${message.cmd}`);
      process.send({ id: message.id, result: await command(message) });
    } catch (error) {
      process.send({ id: message.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // Keeps the process alive like Electron's event loop does, until the test ends it.
  process.channel?.ref();
}
