// The CLI process when nobody reads its output any more (`safe-migrations rules | head -1`): no EPIPE
// stack, and the exit code is the command's own. The reading end is closed before the child writes,
// so every run hits the closed pipe (a real `head` may or may not win that race).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const PROJECTS = path.join(ROOT, 'test', 'fixtures', 'projects');
const ENTRY = path.join(ROOT, 'server', 'src', 'cli', 'processEntry.ts');

/** Runs the CLI process from sources with stdout closed at once; resolves to its exit code and stderr. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const script = `process.argv.splice(1, 0, 'safe-migrations'); require(${JSON.stringify(ENTRY)}).main();`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, '--', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

test('rules into a closed pipe: exit 0, nothing on stderr', async () => {
  const { code, stderr } = await runWithClosedStdout(['rules']);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});

test('check with findings into a closed pipe keeps exit code 1 (findings at --fail-on warning)', async () => {
  const { code, stderr } = await runWithClosedStdout(['check', '--fail-on', 'warning', path.join(PROJECTS, 'typeorm-postgres')]);
  assert.equal(stderr, '');
  assert.equal(code, 1);
});
