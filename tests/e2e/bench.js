// Benchmark (not a test): in headless Chromium, the time from a control change to the first
// updated result, to full bands (all replications) and to the finished verdict (levers
// measured), for Baseline at 200 and 1,000 replications. Prints medians and worst cases.
// Run: scripts/bench-ui.sh   (builds the release bundle and serves it on a loopback port)
const { chromium } = require("playwright-core");

const url = process.argv[2] || "http://127.0.0.1:8190/";
const rounds = Number(process.env.ROUNDS || 7);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function measure(page, value) {
  return page.evaluate(async (value) => {
    const progress = document.getElementById("progress");
    const input = document.getElementById("channels-0--leads_per_week-number");
    const runsBefore = Number(progress.dataset.runs);
    const t0 = performance.now();
    let first = null, bands = null;
    const done = new Promise((resolve) => {
      const check = () => {
        const d = progress.dataset;
        const now = performance.now() - t0;
        const newJob = d.running === "true" || Number(d.runs) > runsBefore;
        if (first === null && newJob && Number(d.done) > 0) first = now;
        if (bands === null && newJob && Number(d.done) >= Number(d.total)) bands = now;
        if (Number(d.runs) > runsBefore) { obs.disconnect(); resolve(now); }
      };
      const obs = new MutationObserver(check);
      obs.observe(progress, { attributes: true });
    });
    input.value = String(value);
    input.dispatchEvent(new Event("change"));
    const verdict = await done;
    return { first, bands, verdict, workers: Number(progress.dataset.workers) };
  }, value);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  for (const reps of [200, 1000]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(url);
    await page.waitForFunction(() => Number(document.getElementById("progress")?.dataset.runs) > 0, null, { timeout: 120000 });
    const before = Number(await page.locator("#progress").getAttribute("data-runs"));
    const changed = await page.evaluate((reps) => {
      const r = document.getElementById("run-replications-number");
      if (Number(r.value) === reps) return false;
      r.value = String(reps);
      r.dispatchEvent(new Event("change"));
      return true;
    }, reps);
    if (changed) {
      await page.waitForFunction((b) => Number(document.getElementById("progress").dataset.runs) > b, before, { timeout: 300000 });
    }
    const samples = [];
    for (let i = 0; i < rounds; i++) samples.push(await measure(page, 120 + 10 * (i + 1)));
    const row = (k) => {
      const xs = samples.map((s) => s[k]);
      return `median ${median(xs).toFixed(0)} ms, worst ${Math.max(...xs).toFixed(0)} ms`;
    };
    const workers = [...new Set(samples.map((s) => s.workers))].join(", ");
    console.log(`Baseline, ${reps} replications (${rounds} changes; web workers: ${workers}; ` +
      `cores: ${await page.evaluate(() => navigator.hardwareConcurrency)}):`);
    console.log(`  first updated result: ${row("first")}`);
    console.log(`  full bands:           ${row("bands")}`);
    console.log(`  verdict with levers:  ${row("verdict")}`);
    await page.close();
  }
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
