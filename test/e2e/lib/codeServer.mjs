// Starts code-server (a real VS Code 1.100 workbench, from npm) on loopback, isolated from the user's own
// settings and extensions, and a headless Debian chromium on it. Everything started here is stopped by
// `stop()`: code-server runs in its own session/process group, killed as a whole, because killing only the
// parent leaves file watchers, the extension host and the language server running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.100.3';
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(REPO, '.cache', `code-server-${CODE_SERVER_VERSION}`);
const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags chromium keeps trying to reach Google's hosts on this closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export function log(...args) {
  console.error('[e2e]', ...args);
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Rejects after `ms` with a message naming what was awaited. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A temp folder with a copy of `workspace` (tests write into it) and isolated config/data/extension dirs.
 * `trusted: false` turns workspace trust on, so the copied folder opens in restricted mode.
 */
export function makeSandbox(workspace, { trusted = true } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-readiness-e2e-'));
  const dirs = {
    root,
    workspace: path.join(root, 'workspace'),
    config: path.join(root, 'config'),
    data: path.join(root, 'data'),
    cache: path.join(root, 'cache'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  if (workspace) fs.cpSync(workspace, dirs.workspace, { recursive: true });
  dirs.trusted = trusted;
  // The workbench would otherwise show its welcome page and ask about trust.
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': !trusted,
      'security.workspace.trust.startupPrompt': 'never', // restricted mode without a modal dialog
      'telemetry.telemetryLevel': 'off',
      // No marketplace on this network: don't ask it for updates or recommendations.
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'workbench.enableExperiments': false,
      'update.mode': 'none',
    }),
  );
  return dirs;
}

function sandboxEnv(sandbox, extra = {}) {
  return {
    ...process.env,
    ...extra,
    XDG_CONFIG_HOME: sandbox.config,
    XDG_DATA_HOME: sandbox.data,
    XDG_CACHE_HOME: sandbox.cache,
    // No marketplace: otherwise the workbench looks up open-vsx.org, which this network does not reach.
    EXTENSIONS_GALLERY: '{}',
    // Keep code-server from inheriting an outer VS Code's IPC hooks.
    VSCODE_IPC_HOOK_CLI: '',
    ELECTRON_RUN_AS_NODE: '',
  };
}

/** Runs a code-server CLI command to completion (e.g. --install-extension) in the sandbox. */
export async function codeServerCli(sandbox, args, timeoutMs = 120_000) {
  const child = spawn(CODE_SERVER_BIN, ['--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, ...args], {
    env: sandboxEnv(sandbox),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await withTimeout(new Promise((resolve) => child.on('exit', resolve)), timeoutMs, `code-server ${args.join(' ')}`).catch(
    (error) => {
      killGroup(child.pid, 'SIGKILL');
      throw error;
    },
  );
  if (code !== 0) throw new Error(`code-server ${args.join(' ')} exited with ${code}:\n${output}`);
  return output;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // already gone
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts code-server on 127.0.0.1:<free port> and waits until /healthz answers. */
export async function startCodeServer(sandbox, { verbose = false, startTimeoutMs = 60_000, env = {} } = {}) {
  if (!fs.existsSync(CODE_SERVER_BIN)) {
    throw new Error(`code-server is not installed in ${CODE_SERVER_DIR}: run bash scripts/e2e/install-code-server.sh`);
  }
  const port = await freePort();
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(sandbox.trusted ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override', '--config', path.join(sandbox.config, 'config.yaml'),
    '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, sandbox.workspace,
  ];
  // detached: the child calls setsid(), so its pid is the process group id of everything it starts.
  const child = spawn(CODE_SERVER_BIN, args, { env: sandboxEnv(sandbox, env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output = [];
  const keep = (d) => {
    output.push(String(d));
    if (verbose) process.stderr.write(`[code-server] ${d}`);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const server = {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    output: () => output.join(''),
    async stop() {
      if (!groupAlive(child.pid)) return;
      killGroup(child.pid, 'SIGTERM');
      const deadline = Date.now() + 5_000;
      while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      if (killGroup(child.pid, 'SIGKILL')) log(`code-server process group ${child.pid} killed`);
    },
  };

  try {
    await withTimeout(
      Promise.race([
        pollHealthz(server.url),
        exited.then(({ code, signal }) => {
          throw new Error(`code-server exited early (${code ?? signal}):\n${server.output()}`);
        }),
      ]),
      startTimeoutMs,
      `${server.url}/healthz`,
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function pollHealthz(base) {
  for (;;) {
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval, bounded by the caller's timeout
  }
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (scripts/e2e/install-code-server.sh does)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** The workbench URL that opens `folder`, optionally running an extension under development and its tests. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const params = new URLSearchParams({ folder });
  if (payload.length) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params}`;
}
