// End-to-end: the replications run in Web Workers beside the page (one per core), and give
// exactly the numbers the page computes by itself where workers are not available.
const { test, expect } = require("@playwright/test");
const { runs, finishedAfter, load, guard, setNumber, downloadText } = require("./helpers");

guard(test);

/** Loads the app, changes two controls, and returns the results CSV and who computed them. */
async function resultsAfterTwoChanges(page) {
  await load(page);
  await page.locator("summary", { hasText: "Run" }).click();
  await setNumber(page, "run-replications-number", 240);
  await setNumber(page, "channels-0--leads_per_week-number", 130);
  const workers = Number(await page.locator("#progress").getAttribute("data-workers"));
  const { text } = await downloadText(page, page.locator("#export-csv"));
  return { workers, csv: text, bookings: await page.locator("#kpi-bookings").textContent() };
}

test("workers compute exactly what the page computes alone", async ({ page, browser }) => {
  const started = [];
  page.on("worker", (w) => started.push(w.url()));
  const pooled = await resultsAfterTwoChanges(page);
  expect(started.length, "one worker per core, at least one").toBeGreaterThanOrEqual(1);
  expect(started.every((u) => u.endsWith("/worker.js"))).toBe(true);
  expect(pooled.workers, "the last run was computed by workers").toBe(started.length);

  const alone = await browser.newPage();
  await alone.addInitScript(() => { delete window.Worker; });
  const local = await resultsAfterTwoChanges(alone);
  expect(local.workers, "no workers: the page computes by itself").toBe(0);
  expect(local.bookings).toBe(pooled.bookings);
  const lines = (csv) => csv.split(/\r?\n/);
  expect(lines(pooled.csv).length).toBeGreaterThan(1000);
  expect(lines(local.csv)).toEqual(lines(pooled.csv));
  await alone.close();
});

test("a worker that fails hands its work back, and the run still completes", async ({ page }, testInfo) => {
  // The first worker answers with a broken reply once; the pool must not hang or lose it.
  await page.route("**/worker.js", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()) +
      '\nlet broken = self.name.endsWith("-0");\n' +
      'const post = self.postMessage.bind(self);\n' +
      'self.postMessage = (m, t) => { if (broken && typeof m !== "string") { broken = false; ' +
      'throw new Error("injected failure"); } return post(m, t); };\n';
    await route.fulfill({ response, body, headers: { ...response.headers(), "content-type": "text/javascript" } });
  });
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await load(page);
  const before = await runs(page);
  await page.locator("#channels-0--leads_per_week-number").fill("125");
  await page.locator("#channels-0--leads_per_week-number").press("Enter");
  await finishedAfter(page, before);
  const p = page.locator("#progress");
  expect(Number(await p.getAttribute("data-done"))).toBe(Number(await p.getAttribute("data-total")));
  expect(warnings.join("\n")).toContain("A replication worker stopped: could not send a reply");
  // The injected failure is the only console error allowed here.
  testInfo.problems = testInfo.problems.filter((x) => !x.includes("injected failure"));
});

test("a change during a run shows the new run's first result as soon as it arrives", async ({ page }) => {
  await load(page);
  await page.locator("summary", { hasText: "Run" }).click();
  await setNumber(page, "run-replications-number", 1000);
  const before = await runs(page);
  // Change lead volume, and change it again as soon as the first result of that run shows:
  // the workers then still hold ranges of the replaced run.
  await page.evaluate(() => {
    const p = document.getElementById("progress");
    const input = document.getElementById("channels-0--leads_per_week-number");
    window.__progress = [];
    let changedAgain = false;
    new MutationObserver(() => {
      const done = Number(p.dataset.done);
      window.__progress.push(done);
      if (!changedAgain && done > 0 && done < 1000) {
        changedAgain = true;
        input.value = "122";
        input.dispatchEvent(new Event("change"));
      }
    }).observe(p, { attributes: true, attributeFilter: ["data-done"] });
    input.value = "111";
    input.dispatchEvent(new Event("change"));
  });
  await finishedAfter(page, before);
  const seen = await page.evaluate(() => window.__progress);
  const message = `progress seen: ${seen.join(", ")}`;
  // The second run starts from 0; its first publication is its first small range of
  // replications (not a later, larger refinement), and it ends with all 1,000.
  const last = seen.slice(seen.lastIndexOf(0));
  expect(last[last.length - 1], message).toBe(1000);
  expect(last[1], message).toBeGreaterThan(0);
  expect(last[1], message).toBeLessThan(50);
});
