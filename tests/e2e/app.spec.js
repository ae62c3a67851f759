// End-to-end, as a new user would: open Handoff, watch the simulation finish, change knobs
// with the keyboard, a drag and typing, load the flood, enter a bad value, reload.
// Every test also fails on a console error or on any request that leaves the page's origin.
const { test, expect } = require("@playwright/test");
const path = require("path");
const { ARTIFACTS, dollars, count, runs, finishedAfter, load, guard } = require("./helpers");

guard(test);

test("the workshop screen shows figures with bands, the verdict and every chart", async ({ page }) => {
  await load(page);
  await expect(page.getByRole("heading", { name: "Handoff" })).toBeVisible();
  await expect(page.locator("#kpi-bookings")).toHaveText(/^\$[\d.]+[KMB]?$/);
  await expect(page.getByRole("group", { name: "Bookings" })).toContainText("P10-P90");
  await expect(page.locator("#verdict-headline")).toHaveText(/limited/);
  // The next move names a lever with how sure it is, and that lever tops the chart.
  const move = await page.locator("#verdict-move").textContent();
  const named = move.match(/^Best next lever: (.+?) adds about \$[\d.]+[KM]? \(90% confidence \$[\d.]+[KM]? to \$[\d.]+[KM]?\)/);
  expect(named, move).not.toBeNull();
  const labels = ["+10% leads", "one more SDR", "one more AE", "MQL threshold +5", "MQL threshold -5",
                  "one more attempt per lead", "faster response (half, at most 1 h)", "dropping Content download"];
  const texts = (await page.locator("#chart-levers svg text").allTextContents()).map((t) => t.trim());
  expect(texts.find((t) => labels.includes(t))).toBe(named[1]);
  for (const id of ["chart-levers", "chart-funnel", "chart-leaks", "chart-bookings", "chart-cumulative",
                    "chart-capacity", "chart-queue", "chart-speed", "chart-utilisation"]) {
    await expect(page.locator(`#${id} svg`), id).toBeVisible();
  }
  await expect(page.locator("#sla table")).toContainText("MQLs per month");
  await page.screenshot({ path: path.join(ARTIFACTS, "workshop-1280x720.png") });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: path.join(ARTIFACTS, "workshop-1920x1080.png") });
});

test("lead volume changed with the keyboard updates the figures, without layout reads", async ({ page }) => {
  // Charts size their text from font metrics (charts/text.rs): a redraw that read element sizes
  // would force a layout of the whole page for every chart.
  await page.addInitScript(() => {
    window.__layoutReads = 0;
    for (const p of ["offsetHeight", "offsetWidth", "clientHeight", "clientWidth"]) {
      const d = Object.getOwnPropertyDescriptor(HTMLElement.prototype, p)
        || Object.getOwnPropertyDescriptor(Element.prototype, p);
      const owner = HTMLElement.prototype.hasOwnProperty(p) ? HTMLElement.prototype : Element.prototype;
      Object.defineProperty(owner, p, { configurable: true, get() { window.__layoutReads++; return d.get.call(this); } });
    }
  });
  await load(page);
  const mqlsBefore = count(await page.locator("#kpi-mqls").textContent());
  const slider = page.getByRole("slider", { name: /Webinar/ });
  const number = page.getByRole("spinbutton", { name: /Webinar/ });
  const before = parseFloat(await number.inputValue());
  const done = await runs(page);
  await slider.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(async () => parseFloat(await number.inputValue())).toBeGreaterThan(before);
  await finishedAfter(page, done);
  expect(count(await page.locator("#kpi-mqls").textContent())).toBeGreaterThan(mqlsBefore);
  expect(await page.evaluate(() => window.__layoutReads), "element size reads while drawing").toBe(0);
});

test("dragging a slider updates the figures without long tasks", async ({ page }) => {
  await load(page);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
  const mqlsBefore = count(await page.locator("#kpi-mqls").textContent());
  const slider = page.getByRole("slider", { name: /Content download/ });
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const done = await runs(page);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.1, y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(box.x + box.width * (0.1 + 0.02 * i), y);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
  await finishedAfter(page, done);
  expect(count(await page.locator("#kpi-mqls").textContent())).toBeGreaterThan(mqlsBefore);
  const longTasks = await page.evaluate(() => window.__longTasks);
  expect(Math.max(0, ...longTasks), `long tasks: ${JSON.stringify(longTasks)}`).toBeLessThanOrEqual(200);
});

test("the flood preset raises MQLs, not bookings, and the verdict turns sales-capacity-limited", async ({ page }) => {
  await load(page);
  const mqls = count(await page.locator("#kpi-mqls").textContent());
  const bookings = dollars(await page.locator("#kpi-bookings").textContent());
  const verdict = await page.locator("#verdict-summary").textContent();
  const done = await runs(page);
  await page.getByLabel("Start from a preset").selectOption("million-leads");
  await finishedAfter(page, done);
  await expect(page.locator(".scenario-name")).toContainText("A million leads");
  expect(count(await page.locator("#kpi-mqls").textContent())).toBeGreaterThan(mqls * 1.3);
  expect(dollars(await page.locator("#kpi-bookings").textContent())).toBeLessThanOrEqual(bookings);
  await expect(page.locator("#verdict-summary")).not.toHaveText(verdict);
  await expect(page.locator("#verdict-headline")).toHaveText(/^Sales-capacity-limited/);
  await page.screenshot({ path: path.join(ARTIFACTS, "flood.png") });
});

test("an invalid value shows its message and keeps the last results", async ({ page }) => {
  await load(page);
  const bookings = await page.locator("#kpi-bookings").textContent();
  const sdrs = page.getByRole("spinbutton", { name: /^SDR headcount/ });
  await sdrs.fill("-3");
  await sdrs.press("Enter");
  await expect(page.locator("#sdr-headcount-error")).toContainText("must be between 0 and");
  await expect(page.getByRole("status").filter({ hasText: "invalid" })).toBeVisible();
  await expect(page.locator("#kpi-bookings")).toHaveText(bookings);
});

test("the scenario survives a reload, and the page says where it is saved", async ({ page }) => {
  await load(page);
  await expect(page.locator("#save-status")).toHaveText("Saved in this browser only");
  const attempts = page.locator("#sdr-max_attempts-number");
  const done = await runs(page);
  await attempts.fill("3");
  await attempts.press("Enter");
  await finishedAfter(page, done);
  const bookings = await page.locator("#kpi-bookings").textContent();
  await page.reload();
  await finishedAfter(page, 0);
  await expect(page.locator("#sdr-max_attempts-number")).toHaveValue("3");
  await expect(page.locator("#kpi-bookings")).toHaveText(bookings);
});
