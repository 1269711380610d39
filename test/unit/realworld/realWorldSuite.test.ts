// The labelled real-world suite (issue 7, item 8): see realWorld.ts and test/realworld/labels.json.
// With REALWORLD_REPORT=1 (or scripts/realworld-report.mjs) it also prints per-rule and per-file counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { problemsText, reportText, scoreRealWorld, summarize, summaryLine } from './realWorld';

// Issue 7's target (recall ≥ 0.95, ≤ 3 findings per file) is not met yet: it runs as a TODO that reports the gap,
// while the floor below (what the engine reaches today) must never slip. Raise the floor as the engine improves.
const FLOOR = { recall: 0.80, precision: 0.95, perFile: 4.0 };

test('real-world suite floor: every labelled migration read with its dialect; recall, precision and findings per file no worse than today', async () => {
  const s = summarize(await scoreRealWorld());
  const failures: string[] = [];
  if (s.rightDialect < s.files) failures.push(`${s.files - s.rightDialect} of ${s.files} labelled files not read with their labelled dialect`);
  if (s.recall < FLOOR.recall) failures.push(`recall ${s.recall.toFixed(3)} < ${FLOOR.recall}`);
  if (s.precision < FLOOR.precision) failures.push(`precision ${s.precision.toFixed(3)} < ${FLOOR.precision}`);
  if (s.perFile > FLOOR.perFile) failures.push(`${s.perFile.toFixed(2)} findings per file > ${FLOOR.perFile}`);
  assert.ok(failures.length === 0, failures.join('; '));
});

test('real-world suite: every labelled migration read with its dialect, recall and precision ≥ 0.95, ≤ 3 findings per file', { todo: 'issue 7 target: recall and findings per file not there yet' }, async () => {
  const score = await scoreRealWorld();
  if (/^(1|true|yes)$/i.test(process.env.REALWORLD_REPORT ?? '')) console.log(reportText(score));
  const s = summarize(score);
  const failures: string[] = [];
  if (s.rightDialect < s.files) failures.push(`${s.files - s.rightDialect} of ${s.files} labelled files not read with their labelled dialect`);
  if (s.recall < 0.95) failures.push(`recall ${s.recall.toFixed(3)} < 0.95`);
  if (s.precision < 0.95) failures.push(`precision ${s.precision.toFixed(3)} < 0.95`);
  if (s.perFile > 3) failures.push(`${s.perFile.toFixed(2)} findings per file > 3`);
  assert.ok(failures.length === 0, `${summaryLine(score)}\n${failures.join('; ')}\n${problemsText(score)}`);
  console.log(summaryLine(score));
});
