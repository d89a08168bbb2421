// Make the reader ready while a policy is on its way (the background worker, and the timing page
// that measures it): prepare() builds the patterns and reads a short built-in sample policy; then
// warmUp() reads the sample again, twelve times over in one text of about 22 KB, one reading per
// task, until WARM_UP_READINGS or until stop() says a policy is waiting, so that a reading never
// holds a real analysis up by more than one of these tasks. The JavaScript engine optimizes a
// function of the wasm once it has run enough of it, so what counts is how much text the warm-up
// reads: measured in the extension's restarted worker (README, Performance), the first analysis of
// the largest policy, its page answering after 200 ms, took 11.5-11.9 ms (medians of 7 rounds, in
// three runs alternated with the old warm-up) after six such readings, against 17.8-29.0 ms after
// ten readings of the 1.8 KB sample alone. The cost: a policy that arrives at once (no network
// between) waits longer, while the engine's optimizing compiler is still at work on the cores.

/** How many readings after prepare(), each a task of a few milliseconds. */
export const WARM_UP_READINGS = 6;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** prepare(), then up to `readings` warmUp() calls, one per task, while stop() is false. */
export async function warmUpReader({ prepare, warmUp }, stop = () => false, readings = WARM_UP_READINGS) {
  prepare();
  for (let i = 0; i < readings; i++) {
    await nextTask();
    if (stop()) return;
    warmUp();
  }
}
