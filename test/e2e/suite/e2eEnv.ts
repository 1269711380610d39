// What runE2E.mjs tells the tests running in the extension host. Written as a JSON file next to the
// compiled tests, because environment variables do not reliably cross the VS Code server.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface E2eEnv {
  /** JSON file for { passes, failures }, read by test/run-all.mjs. */
  resultPath?: string;
  /** Mocha's output, printed by the runner after the host exits. */
  logPath?: string;
  /** Adds one test that must fail: proves a failure makes the whole command exit non-zero. */
  deliberateFailure?: boolean;
  /** Only tests whose title matches (mocha --grep), for quick iterations. */
  grep?: string;
}

export function e2eEnv(): E2eEnv {
  let fromFile: E2eEnv = {};
  try { fromFile = JSON.parse(fs.readFileSync(path.join(__dirname, 'e2e-env.json'), 'utf8')) as E2eEnv; } catch { /* run by hand */ }
  return {
    resultPath: process.env.SAFE_MIGRATIONS_E2E_RESULT ?? fromFile.resultPath,
    logPath: fromFile.logPath ?? process.env.SAFE_MIGRATIONS_E2E_LOG,
    deliberateFailure: fromFile.deliberateFailure ?? process.env.SAFE_MIGRATIONS_E2E_DELIBERATE_FAILURE === '1',
    grep: fromFile.grep ?? process.env.SAFE_MIGRATIONS_E2E_GREP,
  };
}
