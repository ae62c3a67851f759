// End-to-end, the planning views (issue 13: "Before anyone signs"): each view opens, fills
// as its workers finish, applies a change the undo banner takes back, and the agreement
// prints; the tabs are keyboard reachable. Every test also fails on a console error.
const { test, expect } = require("@playwright/test");
const { load, guard, dollars } = require("./helpers");

guard(test);

/** Waits until the planning run in progress has finished. */
async function planDone(page, answer) {
  await expect(page.locator(answer)).toBeVisible({ timeout: 90_000 });
  await expect(page.locator("#plan-status")).toHaveAttribute("data-running", "false", { timeout: 90_000 });
}

async function openTab(page, key) {
  await page.locator(`#plan-tab-${key}`).click();
  await expect(page.locator(`#plan-${key}`)).toBeVisible();
}

test("the tornado ranks every knob and a step applies, undoably", async ({ page }) => {
  await load(page);
  // Nothing is drawn before the user asks.
  await expect(page.locator("#chart-tornado")).toHaveCount(0);
  await page.locator("#plan").scrollIntoViewIfNeeded();
  await page.locator("#tornado-run").click();
  await planDone(page, "#tornado-steps");
  const svg = page.locator("#chart-tornado svg");
  await expect(svg).toBeVisible();
  // Its text alternative: the widest knob, and a table row per knob.
  await expect(page.locator("#chart-tornado-summary")).toContainText("swings the most");
  await page.locator("#chart-tornado details.chart-table summary").click();
  // The table is drawn when the disclosure opens: wait for it.
  await expect.poll(() => page.locator("#chart-tornado details.chart-table tbody tr").count()).toBeGreaterThanOrEqual(12);
  await expect(page.locator("#tornado-base")).toContainText("replications with the same random numbers");
  // Steps are listed widest first; the +1 SDR step applies to the scenario.
  const before = await page.locator("#sdr-headcount-number").inputValue();
  await page.locator("#tornado-steps button", { hasText: "SDR headcount +1 SDR" }).click();
  await expect(page.locator("#sdr-headcount-number")).toHaveValue(String(Number(before) + 1));
  await expect(page.locator("#undo-replace")).toContainText("from the sensitivity view");
  // Its figures were for the scenario before: no step can be applied on top of them.
  await expect(page.locator("#tornado-steps")).toHaveCount(0);
  await expect(page.locator("#tornado-base").locator("xpath=following-sibling::p[contains(@class,'stale-note')]")).toBeVisible();
  await page.locator("#undo-replace button", { hasText: "Back to" }).click();
  await expect(page.locator("#sdr-headcount-number")).toHaveValue(before);
  await expect(page.locator("#tornado-steps")).toBeVisible();
  // The other measure re-ranks the same answer without running again.
  await page.locator("#tornado-sla").check();
  await expect(page.locator("#chart-tornado")).toContainText("SLA");
});

test("goal seek answers with a value, its chance and cost, or says no value reaches it", async ({ page }) => {
  await load(page);
  await openTab(page, "goal");
  await page.locator("#goal-lever").selectOption("aes");
  await page.locator("#goal-bookings").fill("lots");
  await page.locator("#goal-run").click();
  await expect(page.locator("#goal-error")).toContainText("number of dollars");
  await page.locator("#goal-bookings").fill("9,000,000");
  await page.locator("#goal-run").click();
  await planDone(page, "#goal-answer");
  const sentence = page.locator("#goal-sentence");
  await expect(sentence).toContainText(/AEs gives bookings of \$9(\.0)?M or more in at least 80% of runs/);
  const aes = Number((await sentence.textContent()).match(/^(\d+) AEs/)[1]);
  await page.locator("#goal-apply").click();
  await expect(page.locator("#closing-ae_headcount-number")).toHaveValue(String(aes));
  // Out of reach: said plainly, nothing to apply.
  await page.locator("#goal-lever").selectOption("threshold");
  await page.locator("#goal-bookings").fill("900000000");
  await page.locator("#goal-run").click();
  await expect(sentence).toContainText("No MQL threshold in range", { timeout: 90_000 });
  await expect(page.locator("#goal-apply")).toBeDisabled();
});

test("the SLA designer proposes promises, adopts them and prints the agreement", async ({ page }) => {
  await load(page);
  await openTab(page, "designer");
  await page.locator("#design-run").click();
  await planDone(page, "#design-answer");
  const rows = page.locator("#design-promises tbody tr");
  await expect(rows).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const kept = await rows.nth(i).locator("td").nth(1).textContent();
    expect(parseFloat(kept)).toBeGreaterThanOrEqual(90);
    await expect(rows.nth(i).locator("td").nth(2)).toContainText("if ");
  }
  const mqls = Number((await page.locator("#design-summary").textContent()).match(/promise ([\d,]+) MQLs a month/)[1].replace(/,/g, ""));
  await page.locator("#design-adopt").click();
  await expect(page.locator("#undo-replace")).toContainText("adopted the designed SLA");
  await expect(page.locator("#sla-mqls_per_month-number")).toHaveValue(String(mqls));
  await expect(page.locator("#agreement")).toContainText("VP Marketing");
  await expect(page.locator("#agreement")).toContainText(`at least ${mqls.toLocaleString("en-US")} MQLs every month`);
  // Printing shows the agreement alone.
  await page.evaluate(() => { window.print = () => { window.__printed = document.documentElement.classList.contains("printing-agreement"); }; });
  await page.locator("#design-print").click();
  expect(await page.evaluate(() => window.__printed)).toBe(true);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => document.documentElement.classList.add("printing-agreement"));
  await expect(page.locator("#agreement")).toBeVisible();
  await expect(page.locator("#verdict")).toBeHidden();
});

test("the sweep fills a 10 x 10 grid and applies a cell; the threshold curve marks the best", async ({ page }) => {
  await load(page);
  await openTab(page, "threshold");
  await page.locator("#threshold-run").click();
  await planDone(page, "#threshold-apply");
  await expect(page.locator("#chart-threshold svg")).toBeVisible();
  await expect(page.locator("#chart-threshold")).toContainText("best");
  await expect(page.locator("#chart-threshold-summary")).toContainText(/Best threshold today: \d+, mean bookings \$/);
  await openTab(page, "sweep");
  await page.locator("#sweep-x").selectOption("threshold");
  await page.locator("#sweep-y").selectOption("threshold");
  await page.locator("#sweep-run").click();
  await expect(page.locator("#plan-sweep .field-error")).toContainText("two different knobs");
  await page.locator("#sweep-y").selectOption("sdrs");
  await page.locator("#sweep-run").click();
  await planDone(page, "#sweep-cell");
  await expect(page.locator("#chart-sweep svg")).toBeVisible();
  await expect(page.locator("#chart-sweep-summary")).toContainText(/^Best: \$[\d.]+[KM] at MQL threshold/);
  await page.locator("#sweep-cell-y").selectOption({ index: 9 });
  const sdrs = await page.locator("#sweep-cell-y option:checked").textContent();
  await expect(page.locator("#sweep-cell-figures")).toContainText("Median bookings $");
  await page.locator("#sweep-apply").click();
  await expect(page.locator("#sdr-headcount-number")).toHaveValue(sdrs.trim());
});

test("a study stopped by another says so, and a form keeps its values across tabs", async ({ page }) => {
  await load(page);
  await openTab(page, "sweep");
  await page.locator("#sweep-run").click();
  await expect(page.locator("#plan-status")).toHaveAttribute("data-running", "true");
  await openTab(page, "goal");
  await page.locator("#goal-lever").selectOption("aes");
  await page.locator("#goal-bookings").fill("9000000");
  await page.locator("#goal-run").click();
  await planDone(page, "#goal-answer");
  await openTab(page, "sweep");
  await expect(page.locator("#plan-sweep .stale-note")).toContainText("stopped when another view started");
  await expect(page.locator("#sweep-cell")).toHaveCount(0);
  await openTab(page, "goal");
  await expect(page.locator("#goal-bookings")).toHaveValue("9000000");
  await expect(page.locator("#goal-lever")).toHaveValue("aes");
});

test("the planning tabs are reachable and switchable from the keyboard", async ({ page }) => {
  await load(page);
  await page.locator("#plan-tab-sensitivity").focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.locator("#plan-tab-threshold")).toBeFocused();
  await expect(page.locator("#plan-tab-threshold")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator("#plan-tab-designer")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator("#design-kept")).toBeFocused();
});
