// Make the reader ready while a policy is on its way (the background worker, and the pages that
// use or time the reader): prepare() builds the patterns and reads a short built-in sample policy
// (1.8 KB); then warmUp(n) reads the sample again, n times over in one text, one reading per task,
// the readings growing as WARM_UP_SCHEDULE says, until stop() says a policy is waiting, so that a
// reading never holds a real analysis up by more than one of these tasks, and the first ones, the
// likeliest to be running when a policy comes quickly, are short. The JavaScript engine optimizes
// a function of the wasm once enough of it has run, so what counts is how much text the warm-up
// reads: measured in the extension's restarted worker (README, Performance; history, session 12),
// the first analysis of the largest policy, its page answering after 200 ms, took 9.2-10.4 ms
// (medians of 7 rounds, three runs alternated) after this schedule, against 16.3-20.2 ms after ten
// readings of the sample alone; with the policy there at once, its report came about as soon as
// with those (37.5-47.9 against 41.3-62.2 ms from its arrival; readings of 22 KB from the start
// took 47.3-71.8 ms).

/** How many times over each reading after prepare() reads the sample: about 115 KB in all. */
export const WARM_UP_SCHEDULE = Object.freeze([1, 2, 4, 8, 12, 12, 12, 12]);

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** prepare(), then the first `readings` warmUp() calls of the schedule, one per task, while stop() is false. */
export async function warmUpReader({ prepare, warmUp }, stop = () => false, readings = WARM_UP_SCHEDULE.length) {
  prepare();
  for (const repeats of WARM_UP_SCHEDULE.slice(0, readings)) {
    await nextTask();
    if (stop()) return;
    warmUp(repeats);
  }
}
