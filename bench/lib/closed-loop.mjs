// A closed loop for the machine-rate baselines (argon2-rate.mjs, rsa-sign-rate.mjs): `concurrency`
// operations kept in flight for `seconds`; prints one JSON line shaped like a load scenario's result.
// `operation` resolves to false for a failed attempt.
export async function printClosedLoopRate(seconds, concurrency, operation) {
  const latencies = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  async function loop() {
    while (performance.now() < deadline) {
      const before = performance.now();
      if ((await operation()) === false) errors += 1;
      latencies.push(performance.now() - before);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsedSeconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  console.log(
    JSON.stringify({
      requests: latencies.length,
      rps: latencies.length / elapsedSeconds,
      seconds: elapsedSeconds,
      p50: percentile(50),
      p99: percentile(99),
      errors,
    }),
  );
}
