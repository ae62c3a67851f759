// Benchmark (not a test), run by scripts/bench-engine-wasm.sh: times examples/wasm_bench.rs,
// served at the URL given, on a page in headless Chromium. Prints the median and worst ms per
// replication, and fails if the checksums differ from the native ones given.
const { chromium } = require("playwright-core");

const [url, rounds, reps, native1, native10] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.addScriptTag({
    type: "module",
    content: `import init, { EngineBench } from "./wasm_bench.js";
      await init();
      window.engineBench = (volume, rounds, reps) => {
        const bench = new EngineBench(volume);
        const check = bench.run(0, reps);
        const times = [];
        for (let r = 1; r <= rounds; r++) {
          const t0 = performance.now();
          bench.run(r * reps, reps);
          times.push((performance.now() - t0) / reps);
        }
        bench.free();
        return { check, times };
      };`,
  });
  await page.waitForFunction(() => typeof window.engineBench === "function");
  let mismatch = false;
  for (const [volume, native] of [[1, native1], [10, native10]]) {
    const { check, times } = await page.evaluate(
      ([v, r, n]) => window.engineBench(v, r, n),
      [volume, Number(rounds), Number(reps)],
    );
    if (native && String(check) !== native) {
      console.log(`  checksum differs from native: wasm ${check}, native ${native}`);
      mismatch = true;
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const worst = times[times.length - 1];
    const label = volume === 1 ? "Baseline (52 weeks)" : "Baseline, 10x volume";
    console.log(`${label.padEnd(22)} median ${median.toFixed(3)} ms, worst ${worst.toFixed(3)} ms per replication`);
  }
  await browser.close();
  process.exit(mismatch ? 1 : 0);
})();
