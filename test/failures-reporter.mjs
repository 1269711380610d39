// Node test-runner reporter used by test/run-all.mjs: prints only the failing tests (file:line, name,
// the error with its stack), nothing for passing ones. Parents that fail only because a subtest failed
// are skipped: the subtest is the one to read.
import * as path from 'node:path';
import { inspect } from 'node:util';

const cwd = process.cwd();

export default async function* failures(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, line, details } = event.data;
    const error = details?.error;
    if (error?.failureType === 'subtestsFailed') continue;
    const where = file ? `${path.relative(cwd, file)}${line ? `:${line}` : ''}` : '(unknown file)';
    const shown = error?.cause ?? error;
    const text = inspect(shown, { depth: 4, colors: false }).split('\n').map((l) => `    ${l}`).join('\n');
    yield `✖ ${where} › ${name}\n${text}\n`;
  }
}
