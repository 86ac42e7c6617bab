// Prints one plain "N passed, N failed, N skipped" line at exit, which CI reads; a test file that
// fails to import counts as a failure so a broken module can never look green.
function count(suite, acc) {
  for (const t of suite?.tests ?? []) t.skipped ? acc.skipped++ : t.passed ? acc.passed++ : acc.failed++;
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}
export function plainSummaryReporter() {
  return {
    onTestRunFinished({sessions}) {
      const acc = {passed: 0, failed: 0, skipped: 0};
      for (const s of sessions) {
        count(s.testResults, acc);
        if (!s.passed && !s.testResults?.tests?.length && !s.testResults?.suites?.length) acc.failed++;
      }
      process.on('exit', () => console.log(`${acc.passed} passed, ${acc.failed} failed, ${acc.skipped} skipped`));
    },
  };
}
