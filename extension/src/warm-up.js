// Make the reader ready while a policy is on its way (the background worker, and the timing page
// that measures it): prepare() builds the patterns and reads a short built-in sample policy; then
// the sample is read again, one reading per task, until WARM_UP_READINGS or until stop() says a
// policy is waiting, so that a reading never holds a real analysis up by more than one of these
// short tasks. Each reading brings the JavaScript engine nearer to optimizing the code an analysis
// runs: measured on cold pages in Chromium (README, Performance), the first analysis of the largest
// policy 200 ms later took 25.7 ms (median of 15) after ten readings against 29.7 ms after
// prepare() alone, and 70-132 ms with nothing prepared.

/** More readings of the sample after prepare(), each a task of a few milliseconds. */
export const WARM_UP_READINGS = 10;

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
