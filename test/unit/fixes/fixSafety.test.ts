// Every fix every rule offers, applied to every fixture project, every rule test case and the real-world
// suite (test/realworld, when present): none may add a finding as bad as the one it fixes, break the parse,
// change what the migration does beyond its title, or indent unlike the file.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { initEngine } from '../../../server/src/engine/engine';
import { checkFix, findingsOf, type FixSubject } from './fixHarness';
import { caseSubjects, projectSubjects } from './fixCorpus';
import { guardFileFix, guardStep, unguardedSteps } from '../../../server/src/actions/guards/idempotencyGuards';

describe('every fix leaves the migration no worse', () => {
  let subjects: FixSubject[] = [];
  before(async () => {
    await initEngine();
    subjects = [...await projectSubjects(), ...caseSubjects()];
  });

  test('applies every offered fix and re-checks', () => {
    const failures: string[] = [];
    let applied = 0;
    for (const s of subjects) {
      for (const finding of findingsOf(s)) {
        for (const fix of finding.fixes ?? []) {
          applied++;
          const { problems, text } = checkFix(s, finding, fix);
          if (problems.length) failures.push(`${s.label}: "${fix.title}" on ${finding.rule}\n  ${problems.join('\n  ')}\n--- fixed text ---\n${text}`);
        }
      }
    }
    assert.ok(applied > 20, `only ${applied} fixes were offered: the corpus lost its fixable findings`);
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });

  test('"Add idempotency guards" on every file: each guardable step comes back guarded, nothing else changes', () => {
    const failures: string[] = [];
    let guarded = 0;
    for (const s of subjects) {
      const file = { ...s.file, text: s.file.text! };
      const fix = guardFileFix(file);
      if (!fix) continue;
      const refused = unguardedSteps(file).filter(({ migration, op }) => !('edits' in guardStep(file, migration, op))).length;
      const { problems, text, after } = checkFix(s, { rule: 'missing-idempotency-guard', severity: 'warning' }, fix, { mustResolve: false });
      const left = after.filter((f) => f.path === s.file.path).reduce((n, f) => n + unguardedSteps(f).length, 0);
      if (left !== refused) problems.push(`${left} steps are still unguarded after the fix; ${refused} were refused`);
      guarded += unguardedSteps(file).length - refused;
      if (problems.length) failures.push(`${s.label}: "${fix.title}"\n  ${problems.join('\n  ')}\n--- fixed text ---\n${text}`);
    }
    assert.ok(guarded > 20, `only ${guarded} steps were guarded: the corpus lost its unguarded steps`);
    assert.deepEqual(failures, [], failures.join('\n\n'));
  });
});
