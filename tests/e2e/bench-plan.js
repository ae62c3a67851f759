// Benchmark (not a test): in headless Chromium, Baseline, the time from a planning view's
// button to its first drawn answer and to its final answer, for each view. Prints medians
// and worst cases of ROUNDS runs (default 5). The first round of all includes starting the
// planning workers. Run: scripts/bench-plan.sh (builds the release bundle and serves it).
const { chromium } = require("playwright-core");

const url = process.argv[2] || "http://127.0.0.1:8191/";
const rounds = Number(process.env.ROUNDS || 5);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Clicks `button` and times the first publication and the end of the study. */
async function measure(page, button) {
  return page.evaluate(async (button) => {
    const status = document.getElementById("plan-status");
    const t0 = performance.now();
    let first = null;
    const done = new Promise((resolve) => {
      let started = false;
      const check = () => {
        const d = status.dataset;
        if (d.running === "true") started = true;
        if (first === null && started && Number(d.published) > 0) first = performance.now() - t0;
        if (started && d.running === "false") { obs.disconnect(); resolve(performance.now() - t0); }
      };
      const obs = new MutationObserver(check);
      obs.observe(status, { attributes: true });
    });
    document.querySelector(button).click();
    const last = await done;
    return { first: first ?? last, last };
  }, button);
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('#progress[data-running="false"]:not([data-runs="0"])', { timeout: 120000 });
  const views = [
    ["sensitivity", "#tornado-run", "tornado (27 arms x 100)"],
    ["goal", "#goal-run", "goal seek, 8 AEs for $9M (~10 arms x 100)"],
    ["designer", "#design-run", "SLA designer (13 arms x 100)"],
    ["threshold", "#threshold-run", "threshold curve (42 arms x 50)"],
    ["sweep", "#sweep-run", "10x10 heatmap (100 arms x 100)"],
  ];
  await page.fill("#goal-bookings", "9000000").catch(() => {});
  console.log(`Baseline, ${rounds} rounds per view; medians (worst) in seconds`);
  for (const [tab, button, what] of views) {
    await page.click(`#plan-tab-${tab}`);
    if (tab === "goal") {
      await page.selectOption("#goal-lever", "aes");
      await page.fill("#goal-bookings", "9000000");
    }
    const firsts = [], lasts = [];
    for (let i = 0; i < rounds; i++) {
      const r = await measure(page, button);
      firsts.push(r.first / 1000);
      lasts.push(r.last / 1000);
    }
    const f = (xs) => `${median(xs).toFixed(2)} (${Math.max(...xs).toFixed(2)})`;
    console.log(`${what.padEnd(45)} first answer ${f(firsts)}  final ${f(lasts)}`);
  }
  await browser.close();
})();
