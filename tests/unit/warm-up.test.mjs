// The reader's warm-up (extension/src/warm-up.js): prepare() once, then the sample read again one reading per task, as the schedule says (short readings first), up to the limit, and never once stop() says a policy is waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WARM_UP_SCHEDULE, warmUpReader } from '../../extension/src/warm-up.js';

/** A stand-in for the wasm exports that records its calls. */
function reader(calls = []) {
  return { calls, prepare: () => calls.push('prepare'), warmUp: (repeats) => calls.push(`warmUp ${repeats}`) };
}

test('prepare() first, then every reading of the schedule, the first one short and none shorter than the one before', async () => {
  const r = reader();
  await warmUpReader(r);
  assert.equal(WARM_UP_SCHEDULE[0], 1);
  assert.ok(WARM_UP_SCHEDULE.every((n, i) => Number.isInteger(n) && n >= (WARM_UP_SCHEDULE[i - 1] ?? 1)));
  assert.deepEqual(r.calls, ['prepare', ...WARM_UP_SCHEDULE.map((n) => `warmUp ${n}`)]);
});

test('each reading is a task of its own: a message that arrives meanwhile is handled between two', async () => {
  const r = reader();
  const done = warmUpReader(r);
  // A task queued now (as a message from a content script would be) runs before the second reading.
  setTimeout(() => r.calls.push('message'), 0);
  await done;
  assert.deepEqual(r.calls.slice(0, 4), ['prepare', `warmUp ${WARM_UP_SCHEDULE[0]}`, 'message', `warmUp ${WARM_UP_SCHEDULE[1]}`]);
});

test('the readings stop as soon as a policy is waiting', async () => {
  const r = reader();
  await warmUpReader(r, () => r.calls.length > 3);
  assert.deepEqual(r.calls, ['prepare', ...WARM_UP_SCHEDULE.slice(0, 3).map((n) => `warmUp ${n}`)]);
  const none = reader();
  await warmUpReader(none, () => true);
  assert.deepEqual(none.calls, ['prepare']);
});

test('a smaller limit is kept', async () => {
  const r = reader();
  await warmUpReader(r, () => false, 2);
  assert.deepEqual(r.calls, ['prepare', ...WARM_UP_SCHEDULE.slice(0, 2).map((n) => `warmUp ${n}`)]);
});
