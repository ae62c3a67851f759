// End-to-end: a new user opens Handoff, changes a conversion rate, and sees the engine's
// numbers and the chart follow. No console errors; no request leaves the page's origin.
const { test, expect } = require("@playwright/test");
const path = require("path");

const ARTIFACTS = path.resolve(__dirname, "../../target/e2e-artifacts");

/** Parses "$11.9M" / "$950" / "$25K" into dollars. */
function dollars(text) {
  const m = text.trim().match(/^(-?)\$([\d.,]+)([KMB]?)$/);
  if (!m) throw new Error(`not a money figure: ${text}`);
  const scale = { "": 1, K: 1e3, M: 1e6, B: 1e9 }[m[3]];
  return (m[1] ? -1 : 1) * parseFloat(m[2].replace(/,/g, "")) * scale;
}

const count = (text) => parseInt(text.replace(/,/g, ""), 10);

/** Heights of the bars in the funnel chart, left to right. */
async function barHeights(page) {
  return page.$$eval("#chart-waterfall svg rect", (rects) =>
    rects
      .filter((r) => r.getAttribute("fill") !== "#FFFFFF")
      .map((r) => parseFloat(r.getAttribute("height"))),
  );
}

test.beforeEach(async ({ page }, testInfo) => {
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("request", (req) => {
    const origin = new URL(testInfo.project.use.baseURL).origin;
    const url = new URL(req.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin) {
      problems.push(`request to another host: ${req.url()}`);
    }
  });
  testInfo.problems = problems;
});

test.afterEach(async ({}, testInfo) => {
  expect(testInfo.problems, "no console errors and no foreign requests").toEqual([]);
});

test("the app loads with the shell and the expected funnel", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Handoff" })).toBeVisible();
  await expect(page.locator("#kpi-bookings")).toHaveText(/^\$[\d.]+[KMB]?$/);
  await expect(page.locator("#chart-waterfall svg")).toBeVisible();
  expect(await barHeights(page)).toHaveLength(5);
  await expect(page.getByRole("complementary", { name: "Scenario controls" })).toBeVisible();
  await page.screenshot({ path: path.join(ARTIFACTS, "app-1280x720.png"), fullPage: false });
});

test("changing a conversion rate updates bookings and the chart", async ({ page }) => {
  await page.goto("/");
  const bookings = page.locator("#kpi-bookings");
  await expect(bookings).toHaveText(/\$/);
  const before = dollars(await bookings.textContent());
  const wonBefore = count(await page.locator("#kpi-won").textContent());
  const barsBefore = await barHeights(page);

  // Halve the SQL-to-won rate by typing, as a user would.
  const rate = page.getByRole("spinbutton", { name: /SQL to won/ });
  const oldRate = parseFloat(await rate.inputValue());
  await rate.fill(String(oldRate / 2));
  await rate.press("Enter");

  await expect.poll(async () => dollars(await bookings.textContent())).toBeLessThan(before);
  const after = dollars(await bookings.textContent());
  // Expected bookings are linear in the last rate: half the rate, half the bookings (to display rounding).
  expect(after / before).toBeGreaterThan(0.45);
  expect(after / before).toBeLessThan(0.55);
  const wonAfter = count(await page.locator("#kpi-won").textContent());
  expect(Math.abs(wonAfter - wonBefore / 2)).toBeLessThanOrEqual(1);

  await expect(page.locator("#chart-waterfall")).toContainText(`Won deals (${oldRate / 2}%)`);
  const barsAfter = await barHeights(page);
  expect(barsAfter[0]).toBeCloseTo(barsBefore[0], 1); // inquiries unchanged
  expect(barsAfter[4]).toBeLessThan(barsBefore[4]); // the won bar shrank
  await page.screenshot({ path: path.join(ARTIFACTS, "after-rate-change.png") });
});

test("the slider works from the keyboard", async ({ page }) => {
  await page.goto("/");
  const slider = page.getByRole("slider", { name: /Webinar/ });
  const number = page.getByRole("spinbutton", { name: /Webinar/ });
  const before = parseFloat(await number.inputValue());
  const mqlsBefore = count(await page.locator("#kpi-mqls").textContent());
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(async () => parseFloat(await number.inputValue())).toBeGreaterThan(before);
  await expect.poll(async () => count(await page.locator("#kpi-mqls").textContent())).toBeGreaterThan(mqlsBefore);
});

test("an invalid value shows its message and keeps the last results", async ({ page }) => {
  await page.goto("/");
  const bookings = page.locator("#kpi-bookings");
  await expect(bookings).toHaveText(/\$/);
  const before = await bookings.textContent();
  const rate = page.getByRole("spinbutton", { name: /MQL to SAL/ });
  await rate.fill("140");
  await rate.press("Enter");
  await expect(page.locator("#rates-mql_to_sal-error")).toContainText("must be between 0 and 100%");
  await expect(page.getByRole("status")).toContainText("last valid inputs");
  await expect(bookings).toHaveText(before);
});

test("a change survives a reload, and the page says where it is saved", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#save-status")).toHaveText("Saved in this browser only");
  const rate = page.getByRole("spinbutton", { name: /SAL to SQL/ });
  await rate.fill("45");
  await rate.press("Enter");
  const bookings = await page.locator("#kpi-bookings").textContent();
  await page.reload();
  await expect(page.getByRole("spinbutton", { name: /SAL to SQL/ })).toHaveValue("45");
  await expect(page.locator("#kpi-bookings")).toHaveText(bookings);
});
