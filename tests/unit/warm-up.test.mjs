// The reader's warm-up (extension/src/warm-up.js): prepare() once, then the sample read again one reading per task, up to the limit, and never once stop() says a policy is waiting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WARM_UP_READINGS, warmUpReader } from '../../extension/src/warm-up.js';

/** A stand-in for the wasm exports that records its calls. */
function reader(calls = []) {
  return { calls, prepare: () => calls.push('prepare'), warmUp: () => calls.push('warmUp') };
}

test('prepare() first, then every reading of the sample', async () => {
  const r = reader();
  await warmUpReader(r);
  assert.ok(WARM_UP_READINGS > 0);
  assert.deepEqual(r.calls, ['prepare', ...Array(WARM_UP_READINGS).fill('warmUp')]);
});

test('each reading is a task of its own: a message that arrives meanwhile is handled between two', async () => {
  const r = reader();
  const done = warmUpReader(r);
  // A task queued now (as a message from a content script would be) runs before the second reading.
  setTimeout(() => r.calls.push('message'), 0);
  await done;
  assert.deepEqual(r.calls.slice(0, 4), ['prepare', 'warmUp', 'message', 'warmUp']);
});

test('the readings stop as soon as a policy is waiting', async () => {
  const r = reader();
  await warmUpReader(r, () => r.calls.length > 3);
  assert.deepEqual(r.calls, ['prepare', 'warmUp', 'warmUp', 'warmUp']);
  const none = reader();
  await warmUpReader(none, () => true);
  assert.deepEqual(none.calls, ['prepare']);
});

test('a smaller limit is kept', async () => {
  const r = reader();
  await warmUpReader(r, () => false, 2);
  assert.deepEqual(r.calls, ['prepare', 'warmUp', 'warmUp']);
});
