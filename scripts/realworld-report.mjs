#!/usr/bin/env node
// Per-rule counts (matched expect / matched allow / unexpected / missed) and per-file counts of the
// labelled real-world suite (test/realworld/labels.json), for the engineers working on the engine.
//   node scripts/realworld-report.mjs
// It runs test/unit/realworld/realWorldSuite.test.ts with REALWORLD_REPORT=1; the exit code is the test's.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/unit/realworld/realWorldSuite.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, REALWORLD_REPORT: '1' },
});
process.exit(r.status ?? 1);
