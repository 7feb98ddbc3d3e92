/**
 * A RECORDED FAKE of the `electron` module — the one place a fake is allowed, because the Electron
 * binary cannot run here. It records what the shell asks for (window options, session handlers,
 * IPC registrations, protocol handlers, app events) so tests can assert on the wiring. Objects are
 * stable across tests; `recorder.reset()` clears their state in place.
 */
import { EventEmitter } from 'node:events';

type Fn = (...args: never[]) => unknown;

let nextId = 1;

export class FakeFrame {
  readonly processId = 100;
  readonly routingId = nextId++;
  constructor(
    public url: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  mainFrame = new FakeFrame('app://casedesk/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  minimized = false;
  destroyed = false;
  readonly calls: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorder.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  visible = false;
  isVisible(): boolean {
    return this.visible;
  }
  show(): void {
    this.calls.push('show');
    this.visible = true;
  }
  focus(): void {
    this.calls.push('focus');
  }
}

export class FakeChild extends EventEmitter {
  readonly sent: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: unknown,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 9);
    return true;
  }
}

function freshState() {
  return {
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, Fn>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    privilegedSchemes: [] as unknown[],
    headersReceived: null as Fn | null,
    beforeRequest: null as Fn | null,
    permissionRequest: null as Fn | null,
    permissionCheck: null as Fn | null,
    devicePermission: null as Fn | null,
    openedExternally: [] as string[],
    children: [] as FakeChild[],
    appCalls: [] as string[],
    setPaths: new Map<string, string>(),
    singleInstanceLock: true,
    isPackaged: false,
    appMenu: null as unknown,
    storageBackend: 'gnome_libsecret' as string,
    encryptionAvailable: true,
    exposed: new Map<string, unknown>(),
    errorBoxes: [] as { title: string; content: string }[],
    shouldReEncrypt: false,
    invoked: [] as { channel: string; input: unknown }[],
    invokeImpl: (async () => ({ ok: true, value: null })) as (channel: string, input: unknown) => Promise<unknown>,
  };
}

export const recorder = {
  ...freshState(),
  reset(): void {
    Object.assign(recorder, freshState());
    app.removeAllListeners();
  },
};

class FakeApp extends EventEmitter {
  get isPackaged(): boolean {
    return recorder.isPackaged;
  }
  getPath(name: string): string {
    return recorder.setPaths.get(name) ?? `/fake/${name}`;
  }
  setPath(name: string, value: string): void {
    recorder.setPaths.set(name, value);
  }
  getAppPath(): string {
    return '/fake/app';
  }
  requestSingleInstanceLock(): boolean {
    recorder.appCalls.push('requestSingleInstanceLock');
    return recorder.singleInstanceLock;
  }
  enableSandbox(): void {
    recorder.appCalls.push('enableSandbox');
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  isReady(): boolean {
    return true;
  }
  quit(): void {
    recorder.appCalls.push('quit');
  }
  exit(code: number): void {
    recorder.appCalls.push(`exit:${code}`);
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived: (fn: Fn) => void (recorder.headersReceived = fn),
      onBeforeRequest: (fn: Fn) => void (recorder.beforeRequest = fn),
    },
    setPermissionRequestHandler: (fn: Fn) => void (recorder.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Fn) => void (recorder.permissionCheck = fn),
    setDevicePermissionHandler: (fn: Fn) => void (recorder.devicePermission = fn),
  },
};

export const ipcMain = {
  handle(channel: string, fn: Fn): void {
    // Real Electron throws on a second handler for one channel.
    if (recorder.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorder.ipcHandlers.set(channel, fn);
  },
  on(): void {
    throw new Error('the shell must not use ipcMain.on');
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => void recorder.privilegedSchemes.push(...schemes),
  handle: (scheme: string, fn: (request: Request) => Promise<Response>) => void recorder.protocolHandlers.set(scheme, fn),
};

export const dialog = {
  showErrorBox: (title: string, content: string) => void recorder.errorBoxes.push({ title, content }),
};

export const shell = {
  openExternal: async (url: string) => void recorder.openedExternally.push(url),
};

export const safeStorage = {
  getSelectedStorageBackend: () => recorder.storageBackend,
  isAsyncEncryptionAvailable: async () => recorder.encryptionAvailable,
  encryptStringAsync: async (plain: string) => Buffer.from(`enc:${plain}`),
  decryptStringAsync: async (blob: Buffer) => {
    const text = blob.toString();
    if (!text.startsWith('enc:')) throw new Error('bad ciphertext');
    return { shouldReEncrypt: recorder.shouldReEncrypt, result: text.slice(4) };
  },
};

export const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options?: unknown): FakeChild {
    const child = new FakeChild(modulePath, args, options);
    recorder.children.push(child);
    return child;
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => void (recorder.appMenu = menu),
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => void recorder.exposed.set(key, api),
};

export const ipcRenderer = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    recorder.invoked.push({ channel, input });
    return recorder.invokeImpl(channel, input);
  },
};

export const electronModule = {
  app,
  BrowserWindow,
  session,
  ipcMain,
  protocol,
  shell,
  dialog,
  safeStorage,
  utilityProcess,
  Menu,
  contextBridge,
  ipcRenderer,
};
