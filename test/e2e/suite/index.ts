// Runs inside the VS Code extension host: mocha over every *.e2e.js next to this file. Output is
// copied to a log file and the counts to a JSON result file (the workbench log buries both).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { e2eEnv } from './e2eEnv';

export function run(): Promise<void> {
  const env = e2eEnv();
  const log = (text: string) => { if (env.logPath) fs.appendFileSync(env.logPath, text); };
  const originalLog = console.log;
  const originalWrite = process.stdout.write.bind(process.stdout);
  // Mocha's spec reporter prints through console.log and process.stdout.write.
  const teeLog = (...args: unknown[]) => { log(format(...args) + '\n'); originalLog(...args); };
  console.log = teeLog;
  // Mocha captured console.log when it was loaded.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalBaseLog = base.consoleLog;
  base.consoleLog = teeLog;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    log(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return (originalWrite as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;

  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec', grep: env.grep || undefined });
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    const restore = () => { console.log = originalLog; base.consoleLog = originalBaseLog; process.stdout.write = originalWrite; };
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats ?? { passes: 0, failures, pending: 0, duration: 0 };
        if (env.resultPath) {
          fs.writeFileSync(env.resultPath, JSON.stringify({ passes: stats.passes, failures: stats.failures, pending: stats.pending, durationMs: stats.duration }));
        }
        restore();
        if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`)); else resolve();
      });
    } catch (e) {
      if (env.resultPath) fs.writeFileSync(env.resultPath, JSON.stringify({ passes: 0, failures: 1, error: String(e) }));
      restore();
      reject(e);
    }
  });
}
