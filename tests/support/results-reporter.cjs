// Writes jest's aggregated results to test-artifacts/jest-results.json, so CI can print its closing line.
const fs = require('node:fs');
const path = require('node:path');

class ResultsReporter {
  onRunComplete(_contexts, results) {
    const dir = path.join(process.cwd(), 'test-artifacts');
    fs.mkdirSync(dir, { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, success } =
      results;
    const failures = results.testResults
      .filter((r) => r.numFailingTests > 0 || r.testExecError)
      .map((r) => ({ file: path.relative(process.cwd(), r.testFilePath), error: r.testExecError?.message }));
    fs.writeFileSync(
      path.join(dir, 'jest-results.json'),
      JSON.stringify(
        {
          numPassedTests,
          numFailedTests: numFailedTests + (numFailedTestSuites && !numFailedTests ? numFailedTestSuites : 0),
          numPendingTests,
          numTotalTests,
          success,
          failures,
          // Where the run's time goes, to keep the whole run short on a two-core machine.
          slowest: results.testResults
            .map((r) => ({
              file: path.relative(process.cwd(), r.testFilePath),
              seconds: Math.round((r.perfStats.end - r.perfStats.start) / 100) / 10,
            }))
            .sort((a, b) => b.seconds - a.seconds)
            .slice(0, 20),
        },
        null,
        2,
      ),
    );
  }
}
module.exports = ResultsReporter;
