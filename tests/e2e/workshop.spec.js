// End-to-end, what a new user tripped over on the workshop screen (issue 16): sliders that
// could not show the real value, the compare view's small differences and legends,
// accessibility (axe, keyboard), messages, projector text sizes and the SLA verdict.
// Every test also fails on a console error or on any request that leaves the page's origin.
const { test, expect } = require("@playwright/test");
const fs = require("fs");
const path = require("path");
const { ARTIFACTS, runs, finishedAfter, load, guard, setNumber, downloadText, count } = require("./helpers");

guard(test);

const AXE = path.join(path.dirname(require.resolve("axe-core")), "axe.min.js");

/** Runs axe-core on the page; returns its serious and critical violations, summarised. */
async function seriousViolations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")), count: v.nodes.length,
    }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Every slider with its number box: the number box's value and the slider's value text. */
async function sliderPairs(page) {
  return page.evaluate(() => [...document.querySelectorAll(".control")].flatMap((c) => {
    const slider = c.querySelector('input[type="range"]');
    const number = c.querySelector('input[type="number"]');
    if (!slider || !number) return [];
    return [{ id: number.id, number: number.value, stop: slider.dataset.stop }];
  }));
}

async function choosePreset(page, name) {
  const done = await runs(page);
  await page.getByLabel("Start from a preset").selectOption(name);
  await finishedAfter(page, done);
}

test("sliders sit on the default and every preset's value, and step back to where they were", async ({ page }) => {
  await load(page);
  const slider = page.locator("#sdr-target_response_minutes");
  const number = page.locator("#sdr-target_response_minutes-number");
  await expect(number).toHaveValue("15");
  await expect(slider).toHaveAttribute("aria-valuetext", "15 minutes");
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(number).not.toHaveValue("15");
  await page.keyboard.press("ArrowLeft");
  await expect(number).toHaveValue("15");
  await expect(slider).toHaveAttribute("aria-valuetext", "15 minutes");

  // The SDR slider reaches the valid maximum, and reflects a typed value.
  const sdr = page.locator("#sdr-headcount");
  await setNumber(page, "sdr-headcount-number", 500);
  expect(await sdr.inputValue()).toBe(await sdr.getAttribute("max"));
  await expect(sdr).toHaveAttribute("aria-valuetext", "500 SDRs");
  await setNumber(page, "sdr-headcount-number", 2);

  // Back to the Baseline's values now; then every other preset.
  for (const preset of ["baseline", "million-leads", "tractor-giveaway", "sales-cherry-picks", "sla-aligned"]) {
    if (preset !== "baseline") await choosePreset(page, preset);
    const pairs = await sliderPairs(page);
    expect(pairs.length).toBeGreaterThan(20);
    for (const pair of pairs) {
      // The slider's position stands for exactly the number box's value.
      expect(pair.stop, `${preset}: ${pair.id}`).toBe(pair.number);
    }
  }
});

test("the compare view shows small differences as amounts and names each scenario once", async ({ page }) => {
  await load(page);
  await page.getByRole("button", { name: "Pin current as A and compare" }).click();
  await page.locator("summary", { hasText: "Closing" }).click();
  await setNumber(page, "closing-deal_median-number", 24500);
  await expect(page.locator("#compare-note")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
  const legend = await page.locator("#chart-compare-funnel svg text").allTextContents();
  expect(legend.some((t) => /^A: /.test(t.trim())), legend.join(" | ")).toBe(true);
  expect(legend.filter((t) => /A: A:|B: B:/.test(t)), "names prefixed once").toEqual([]);
  // A 2% smaller deal: bookings drop by a real amount, not "$0".
  const delta = (await page.locator('#compare-table tr[data-metric="Bookings"] td.delta .p50').textContent()).trim();
  expect(delta).toMatch(/^-\$[\d.]+[KM] \(-[\d.]+%\)$/);
  await page.screenshot({ path: path.join(ARTIFACTS, "compare-small-change.png"), fullPage: false });
});

test.describe("accessibility", () => {
  // The page's Content-Security-Policy rightly refuses inline scripts; axe is the test's own.
  test.use({ bypassCSP: true });

  test("axe finds no serious or critical problems on the workshop screen", async ({ page }) => {
    await load(page);
    expect(await seriousViolations(page), "Baseline").toEqual([]);
    // The cherry-picking preset shows the sales and quality chips.
    await choosePreset(page, "sales-cherry-picks");
    await expect(page.locator(".c-quality").first()).toBeVisible();
    expect(await seriousViolations(page), "Sales cherry-picks").toEqual([]);
  });
});

test.describe("glossary", () => {
  test.use({ bypassCSP: true });

  test("a term on the screen links to its meaning with the run's own figure; search filters; axe is clean", async ({ page }) => {
    await load(page);
    const link = page.getByRole("link", { name: "MQL (marketing-qualified lead): what it means" });
    await link.click();
    await expect(page).toHaveURL(/#glossary-mql$/);
    const term = page.locator("#glossary-mql");
    await expect(term).toBeInViewport();
    await expect(term).toContainText("score is at or above the MQL threshold");
    // The example is the engine's: MQLs a week times the weeks is the run's MQLs (mean vs P50).
    const example = await term.locator(".glossary-example").textContent();
    const perWeek = count(example.match(/About ([\d,]+) MQLs a week/)[1]);
    const year = count(await page.locator("#kpi-mqls").textContent());
    expect(Math.abs(perWeek * 52 - year) / year, `${example} vs ${year}`).toBeLessThan(0.05);
    // Opening the anchor did not touch the scenario or raise a notice.
    await expect(page.locator("#notice")).toHaveCount(0);
    const search = page.getByLabel("Search terms");
    await search.fill("first attempt");
    await expect(page.locator("#glossary-speed-to-lead")).toBeVisible();
    await expect(page.locator("#glossary-dormant")).toHaveCount(0);
    await search.fill("zzz");
    await expect(page.locator(".glossary-none")).toBeVisible();
    await search.fill("");
    await expect(page.locator(".glossary-term")).toHaveCount(18);
    expect(await seriousViolations(page), "glossary").toEqual([]);
    await page.locator("#glossary-mql").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "glossary.png") });
  });
});

test.describe("follow one lead", () => {
  test.use({ bypassCSP: true });

  test("traced leads of this run are told from arrival to booking or leak; keyboard and axe clean", async ({ page }) => {
    await load(page);
    const open = page.locator("#journeys-open");
    await open.focus();
    await page.keyboard.press("Enter");
    const story = page.locator(".journey");
    await expect(story).toHaveAttribute("data-outcome", "won");
    const steps = story.locator(".journey-step");
    await expect(steps.first()).toContainText("Arrives from");
    await expect(steps.first()).toContainText("Day ");
    await expect(steps.nth(1)).toContainText("First touch");
    await expect(steps.last()).toContainText(/Won: \$[\d.,]+[KM]? booked after a \d+ days? sales cycle/);
    // Each outcome button carries the replication's count; a lost lead ends lost.
    const won = page.locator('.journey-outcome[data-outcome="won"]');
    await expect(won).toHaveAttribute("aria-pressed", "true");
    expect(count((await won.textContent()).match(/\(([\d,]+)\)/)[1])).toBeGreaterThan(50);
    await page.locator('.journey-outcome[data-outcome="lost"]').click();
    await expect(story).toHaveAttribute("data-outcome", "lost");
    await expect(steps.last()).toContainText("Lost after a");
    const title = await page.locator("#journey-title").textContent();
    await page.locator("#journey-another").click();
    await expect(page.locator("#journey-title")).not.toHaveText(title);
    expect(await seriousViolations(page), "journeys").toEqual([]);
    await page.locator("#journeys").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "journey.png") });
  });
});

test.describe("guided tour", () => {
  test.use({ bypassCSP: true });

  test("predict, then reveal with the screen's own figures; survives a reload; keyboard; gives the scenario back", async ({ page }) => {
    test.setTimeout(120_000);
    await load(page);
    await setNumber(page, "sdr-headcount-number", 3);
    await page.locator("#tour-toggle").click();
    const tour = page.locator("#tour");
    await expect(tour.locator("h2")).toHaveText("Guided tour, step 1 of 5: A flood of leads");
    const runIt = page.locator("#tour-run");
    await expect(tour.locator(".tour-status")).toHaveText("Make your prediction, then run it.", { timeout: 30_000 });
    await expect(runIt).toBeDisabled();
    await page.getByLabel("Up", { exact: true }).check();
    // The prediction survives a reload; the tour resumes at its step.
    await page.reload();
    await expect(tour.locator("h2")).toHaveText(/step 1 of 5/);
    await expect(page.getByLabel("Up", { exact: true })).toBeChecked();
    await expect(runIt).toBeEnabled({ timeout: 30_000 });
    await runIt.click();
    const reveal = page.locator("#tour-reveal");
    await expect(reveal).toBeVisible({ timeout: 30_000 });
    // The explanation quotes the run now on the screen.
    const bookings = await page.locator("#kpi-bookings").textContent();
    await expect(reveal).toContainText(`to ${bookings}`);
    await expect(page.locator("#chart-utilisation")).toHaveAttribute("data-tour-highlight", "");
    expect(await seriousViolations(page), "tour").toEqual([]);
    await tour.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "tour.png") });
    // Step 2 by keyboard: arrows choose, Tab reaches "Run it", Enter runs.
    await page.locator("#tour-next").click();
    await expect(tour.locator("h2")).toHaveText("Guided tour, step 2 of 5: Speed-to-lead");
    await expect(runIt).toBeDisabled();
    await expect(tour.locator(".tour-status")).toHaveText("Make your prediction, then run it.", { timeout: 30_000 });
    await page.getByLabel("Up", { exact: true }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByLabel("Down", { exact: true })).toBeChecked();
    await page.keyboard.press("Tab");
    await expect(runIt).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(reveal).toContainText("You predicted it: Down.", { timeout: 30_000 });
    await expect(page.locator("#chart-speed")).toHaveAttribute("data-tour-highlight", "");
    // Leaving puts the learner's own scenario back.
    await page.locator("#tour-leave").click();
    await expect(tour).toBeHidden();
    await expect(page.locator("#sdr-headcount-number")).toHaveValue("3");
    await expect(page.locator("[data-tour-highlight]")).toHaveCount(0);
  });
});

test.describe("two lenses", () => {
  test.use({ bypassCSP: true });

  test("marketing's and sales' views of one run, and MQLs beside bookings", async ({ page }) => {
    await load(page);
    const lens = page.locator("#lens-panel");
    const value = (label) => lens.locator(".lens-figure").filter({ has: page.getByText(label, { exact: true }) }).locator(".lens-value");
    // Marketing's MQLs are the run's MQLs (the key figure above).
    await expect(value("MQLs")).toHaveText(await page.locator("#kpi-mqls").textContent());
    const rows = page.locator("#lens-channels tbody tr");
    await expect(rows).toHaveCount(4);
    const inquiries = count(await value("Inquiries").textContent());
    const byChannel = (await rows.locator("td:nth-child(2)").allTextContents()).map(count).reduce((a, b) => a + b, 0);
    expect(Math.abs(byChannel - inquiries) / inquiries, `${byChannel} vs ${inquiries}`).toBeLessThan(0.03);
    // The sales view, by keyboard; its speed-to-lead is the run's.
    await page.locator("#lens-sales").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#lens-sales")).toHaveAttribute("aria-selected", "true");
    await expect(value("Speed-to-lead")).toHaveText(await page.locator("#kpi-speed").textContent());
    await expect(value("Load per SDR")).toHaveText(/^\d[\d,]* MQLs a week$/);
    await expect(value("Sales cycle")).toHaveText(/^\d+ days$/);
    // Vanity vs revenue: in a flood, more leads do not pay.
    await choosePreset(page, "A million leads");
    const vanity = page.locator("#vanity");
    await expect(vanity.locator(".vanity-pair")).toContainText("MQLs +");
    await expect(vanity.locator(".vanity-sentence")).not.toContainText("More leads pay");
    expect(await seriousViolations(page), "lenses").toEqual([]);
    await page.locator("#lenses").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "lenses.png") });
  });
});

test.describe("methodology", () => {
  test.use({ bypassCSP: true });

  test("every ? links to the methodology's sources, rendered in the app from docs/methodology.md", async ({ page }) => {
    await load(page);
    const details = page.locator("#methodology-page");
    await expect(details).not.toHaveAttribute("open", "");
    await page.getByRole("button", { name: "About SDR headcount" }).click();
    await page.locator("#sdr-headcount-about").getByRole("link", { name: "How the model works and its sources" }).click();
    await expect(details).toHaveAttribute("open", "");
    const sources = page.locator("#methodology-defaults-and-their-sources");
    await expect(sources).toBeInViewport();
    const md = fs.readFileSync(path.join(__dirname, "../../docs/methodology.md"), "utf8");
    const sections = md.split("\n").filter((l) => l.startsWith("## ")).map((l) => l.slice(3).trim());
    await expect(page.locator(".methodology-text h3")).toHaveText(sections);
    await expect(page.locator(".methodology-text table").first()).toBeVisible();
    expect(await seriousViolations(page), "methodology").toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "methodology.png") });
    // The header link opens it too.
    await load(page);
    await expect(page.locator("#methodology-page")).not.toHaveAttribute("open", "");
    await page.locator("#methodology-link").click();
    await expect(page.locator("#methodology-page")).toHaveAttribute("open", "");
  });
});

test("a skip link reaches the results first, and the SLA table scrolls by keyboard", async ({ page }) => {
  await load(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to results" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#results")).toBeFocused();
  expect(new URL(page.url()).hash, "the fragment is left for share links").toBe("");
  let presses = 0;
  while (presses < 10 && !(await page.locator("#share-button").evaluate((b) => b === document.activeElement))) {
    await page.keyboard.press("Tab");
    presses++;
  }
  await expect(page.locator("#share-button")).toBeFocused();
  const region = page.getByRole("region", { name: /SLA attainment/ });
  await expect(region).toHaveAttribute("tabindex", "0");
});

test("the ? explanation covers no control and closes with Escape", async ({ page }) => {
  await load(page);
  const about = page.getByRole("button", { name: "About SDR headcount" });
  await about.click();
  const popover = page.locator("#sdr-headcount-about");
  await expect(popover).toBeVisible();
  const box = await popover.boundingBox();
  // The controls of this knob and the next one are all below the explanation.
  const inputs = page.locator("#sdr-headcount, #sdr-headcount-number, #sdr-productive_hours_per_week, #sdr-productive_hours_per_week-number");
  for (const b of await inputs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
    expect(b.top, "input below the explanation").toBeGreaterThanOrEqual(box.y + box.height - 0.5);
  }
  await about.focus();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(about).toHaveAttribute("aria-expanded", "false");
  // Escape also closes it from the slider below.
  await about.click();
  await page.locator("#sdr-headcount").focus();
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
});

test("invalid inputs are named in the banner, and the status does not claim to be up to date", async ({ page }) => {
  await load(page);
  const sdrs = page.locator("#sdr-headcount-number");
  await sdrs.fill("-3");
  await sdrs.press("Enter");
  const banner = page.locator("#invalid-inputs");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("SDR headcount: must be between 0 and 500");
  await expect(page.locator("#progress")).not.toContainText("Up to date");
  await sdrs.fill("2");
  await sdrs.press("Enter");
  await expect(banner).toBeHidden();
  await expect(page.locator("#progress")).toContainText("Up to date", { timeout: 60_000 });
});

test("a rejected seed goes back to the seed in use, with a message beside it", async ({ page }) => {
  await load(page);
  await page.locator("summary", { hasText: "Run" }).click();
  const seed = page.locator("#run-seed");
  const before = await seed.inputValue();
  await seed.fill("12abc");
  await seed.press("Enter");
  await expect(page.locator("#run-seed-error")).toContainText("\"12abc\" is not a valid seed");
  await expect(page.locator("#run-seed-error")).toContainText(`The seed is still ${before}`);
  await expect(seed).toHaveValue(before);
});

test("a fragment that is not a share link is ignored silently", async ({ page }) => {
  await load(page, "/#foo=bar");
  await expect(page.locator("#notice")).toHaveCount(0);
  await expect(page.locator("#kpi-bookings")).toHaveText(/^\$/);
});

test("unreadable saved data is explained plainly, and can be downloaded or restored", async ({ page }) => {
  await load(page);
  // Damaged text: only a download can help.
  await page.evaluate(() => localStorage.setItem("handoff.current", "{1:2}"));
  await page.reload();
  await finishedAfter(page, 0);
  const recovery = page.locator("#storage-recovery");
  await expect(recovery).toContainText("Your saved scenario could not be opened: the data is damaged");
  await expect(recovery).not.toContainText(/line \d+ column/);
  await expect(recovery.getByRole("button", { name: "Restore it" })).toHaveCount(0);
  const file = await downloadText(page, recovery.getByRole("button", { name: "Download the copy" }));
  expect(file.text).toBe("{1:2}");

  // A readable scenario with a value this version does not allow: restore it and fix it.
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("handoff.current")));
  stored.scenario.sdr.headcount = 9999;
  await page.evaluate((t) => localStorage.setItem("handoff.current", t), JSON.stringify(stored));
  await page.reload();
  await finishedAfter(page, 0);
  await expect(recovery).toContainText("some of its values are not allowed in this version (SDR headcount)");
  await recovery.getByRole("button", { name: "Restore it" }).click();
  await expect(page.locator("#sdr-headcount-number")).toHaveValue("9999");
  await expect(page.locator("#invalid-inputs")).toContainText("SDR headcount");
  await expect(recovery).toHaveCount(0);
});

test("a saved scenario with a field this version does not know opens, and the field is named", async ({ page }) => {
  await load(page);
  await page.locator("#sdr-headcount-number").fill("3");
  await page.locator("#sdr-headcount-number").press("Enter");
  await expect.poll(async () => JSON.parse(await page.evaluate(() => localStorage.getItem("handoff.current"))).scenario.sdr.headcount).toBe(3);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem("handoff.current")));
  stored.scenario.sdr.headcont = 5;
  await page.evaluate((t) => localStorage.setItem("handoff.current", t), JSON.stringify(stored));
  await page.reload();
  await finishedAfter(page, 0);
  await expect(page.locator("#notice")).toContainText("fields this version does not know, which were ignored: sdr.headcont");
  // The user's own values are kept.
  await expect(page.locator("#sdr-headcount-number")).toHaveValue("3");
});

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`text is readable on a projector at ${width}x${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await load(page);
    const small = await page.evaluate(() => {
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || !el || el.closest("svg, .print-only, .visually-hidden, noscript")) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < 14) found.push(`${el.tagName}.${el.className}: ${size}px "${n.textContent.trim().slice(0, 30)}"`);
      }
      for (const svg of document.querySelectorAll(".chart-svg svg")) {
        const scale = svg.getBoundingClientRect().width / svg.width.baseVal.value;
        for (const t of svg.querySelectorAll("text")) {
          const size = parseFloat(t.getAttribute("font-size") || "16") * scale;
          if (size < 12) found.push(`chart ${svg.closest("figure").id}: ${size.toFixed(1)}px "${t.textContent.trim()}"`);
        }
      }
      return [...new Set(found)];
    });
    expect(small).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `text-${width}x${height}.png`) });
  });
}

test("the SLA verdict sits beside the SLA inputs and agrees with the table", async ({ page }) => {
  await load(page);
  const verdict = page.locator(".controls #sla-verdict");
  await expect(verdict).toHaveText(/^(Feasible: both promises hold in ≥ 90% of periods|Not feasible: .+ kept in only [\d.]+% of periods)/);
  const kept = await page.locator("#sla table tbody tr td:nth-of-type(2)").allTextContents();
  const shares = kept.map((t) => parseFloat(t));
  const feasible = (await verdict.textContent()).startsWith("Feasible");
  expect(feasible, `periods kept: ${kept.join(", ")}`).toBe(shares.every((s) => s >= 90));
  // Lowering the volume promise to zero keeps marketing's side in every period.
  await page.locator("summary", { hasText: "SLA promises" }).click();
  await setNumber(page, "sla-mqls_per_month-number", 0);
  await expect(verdict).not.toContainText("MQLs per month");
});

test("runs start warm: marketing's first period is judged like the rest, and the screen says so", async ({ page }) => {
  await load(page);
  await expect(page.locator("#sla-warm-start")).toHaveText(/^Runs start warm: about [\d,]+ leads are already in nurture/);
  const warm = count((await page.locator("#sla-warm-start").textContent()).match(/about ([\d,]+) leads/)[1]);
  expect(warm).toBeGreaterThan(0);
  // The first row is marketing's volume promise; its first period cell follows the two shares.
  const firstPeriod = await page.locator("#sla table tbody tr").first().locator("td").nth(3).textContent();
  expect(parseFloat(firstPeriod), `first period kept in ${firstPeriod}`).toBeGreaterThanOrEqual(90);
});
