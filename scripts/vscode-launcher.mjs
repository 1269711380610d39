// Stands in for the VS Code executable in extension tests: takes VS Code's command-line flags
// (--extensionDevelopmentPath=, --extensionTestsPath=, a workspace folder), runs VS Code's server
// build (from code-server) with a headless Chromium workbench, and exits with the tests' exit code.
// Needs Node 24 (code-server's requirement); see scripts/setup-vscode-host.sh and VSCODE-E2E.md.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repo, 'package.json'));
const host = path.join(process.env.SAFE_MIGRATIONS_CACHE ?? path.join(os.homedir(), '.cache', 'safe-migrations'), 'vscode-host');
const serverMain = path.join(host, 'code-server/node_modules/code-server/lib/vscode/out/server-main.js');
const timeoutMs = Number(process.env.SAFE_MIGRATIONS_E2E_TIMEOUT_MS ?? 120_000);
const verbose = !!process.env.SAFE_MIGRATIONS_E2E_VERBOSE;

function parseArgs(argv) {
  const out = { developmentPaths: [], testsPath: undefined, folder: undefined };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m && m[1] === 'extensionDevelopmentPath') out.developmentPaths.push(path.resolve(m[2]));
    else if (m && m[1] === 'extensionTestsPath') out.testsPath = path.resolve(m[2]);
    else if (!a.startsWith('-')) out.folder = path.resolve(a);
    // Every other flag is the desktop app's (sandbox, profile dirs, updates): meaningless here.
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
if (!args.testsPath || args.developmentPaths.length === 0) {
  console.error('usage: vscode-launcher --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [workspace-folder]');
  process.exit(2);
}
if (!fs.existsSync(serverMain)) {
  console.error(`VS Code server not found at ${serverMain}; run scripts/setup-vscode-host.sh first`);
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sm-vscode-'));
const mochaLog = process.env.SAFE_MIGRATIONS_E2E_LOG ?? path.join(tmp, 'mocha.log');
for (const d of ['server-data', 'user-data/User', 'extensions', 'tmp', 'config', 'data', 'cache']) fs.mkdirSync(path.join(tmp, d), { recursive: true });
fs.writeFileSync(path.join(tmp, 'user-data/User/settings.json'), JSON.stringify({
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'github.copilot.enable': { '*': false },
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
}, null, 2));

let server;
let browser;
let finished = false;

async function cleanup() {
  try { await browser?.close(); } catch { /* already gone */ }
  if (server?.pid) {
    try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
    await new Promise((r) => setTimeout(r, 300));
    try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
  if (!process.env.SAFE_MIGRATIONS_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}

async function finish(code, why) {
  if (finished) return;
  finished = true;
  if (why) console.error(`[vscode-launcher] ${why}`);
  if (!process.env.SAFE_MIGRATIONS_E2E_LOG && fs.existsSync(mochaLog)) process.stdout.write(fs.readFileSync(mochaLog, 'utf8'));
  await cleanup();
  process.exit(code);
}

process.on('SIGINT', () => void finish(130, 'interrupted'));
process.on('SIGTERM', () => void finish(143, 'terminated'));

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(process.execPath, [
      serverMain, '--host', '127.0.0.1', '--port', '0', '--without-connection-token', '--accept-server-license-terms',
      '--enable-smoke-test-driver', '--disable-workspace-trust', '--disable-telemetry',
      '--server-data-dir', path.join(tmp, 'server-data'), '--user-data-dir', path.join(tmp, 'user-data'), '--extensions-dir', path.join(tmp, 'extensions'),
    ], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        TMPDIR: path.join(tmp, 'tmp'),
        XDG_CONFIG_HOME: path.join(tmp, 'config'),
        XDG_DATA_HOME: path.join(tmp, 'data'),
        XDG_CACHE_HOME: path.join(tmp, 'cache'),
        SAFE_MIGRATIONS_E2E_LOG: mochaLog,
      },
    });
    let seen = '';
    const onData = (chunk) => {
      const s = chunk.toString();
      if (verbose) process.stderr.write(s);
      seen += s;
      const m = /Extension host agent listening on (\d+)/.exec(seen);
      if (m) resolve(Number(m[1]));
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`VS Code server exited early (${code}):\n${seen.slice(-2000)}`)));
  });
}

async function main() {
  const started = Date.now();
  const port = await startServer();
  const { chromium } = require('playwright-core');
  browser = await chromium.launch({
    executablePath: process.env.SAFE_MIGRATIONS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  const exitCode = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    if (verbose) console.error(`[workbench ${type}]`, ...(Array.isArray(logArgs) ? logArgs : [logArgs]));
  });
  if (verbose) page.on('console', (m) => console.error(`[page ${m.type()}] ${m.text()}`));
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ...args.developmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(args.testsPath)],
  ];
  const url = `http://127.0.0.1:${port}/?${args.folder ? `folder=${encodeURIComponent(args.folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  // Opt-in pictures of the workbench while the tests run (the extension host is gone once they end),
  // for a human look: SAFE_MIGRATIONS_E2E_SCREENSHOTS=<dir> writes one every 2 s.
  const shots = process.env.SAFE_MIGRATIONS_E2E_SCREENSHOTS;
  let shot = 0;
  const shooter = shots ? setInterval(() => { void page.screenshot({ path: `${shots}/workbench-${String(++shot).padStart(2, '0')}.png` }).catch(() => {}); }, 2000) : undefined;
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs));
  const code = await Promise.race([exitCode, timeout]);
  if (shooter) clearInterval(shooter);
  if (code === 'timeout') return finish(1, `no test result after ${timeoutMs / 1000} s`);
  return finish(code, verbose ? `tests exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s` : undefined);
}

main().catch((e) => finish(1, `failed: ${e.stack ?? e}`));
