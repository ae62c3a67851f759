// End-to-end, scenarios as a new user would handle them: save and reload, compare two saved
// scenarios, share a link into a fresh browser, survive a corrupted link and bad files,
// export CSV, SVG, PNG and JSON, print, and see a hostile name shown as plain text.
const { test, expect } = require("@playwright/test");
const fs = require("fs");
const path = require("path");
const {
  parseCsv, ARTIFACTS, dollars, count, runs, finishedAfter, load, watch, guard, setNumber, downloadText,
} = require("./helpers");

guard(test);

const HOSTILE = "<img src=x onerror=alert(1)>";

/** Saves the current scenario under `name`. */
async function saveAs(page, name) {
  await page.locator("#save-name").fill(name);
  await page.locator("#save-button").click();
  await expect(page.locator("#saved-list .saved-name").filter({ hasText: name })).toHaveCount(1);
}

const savedNames = (page) => page.locator("#saved-list .saved-name").allTextContents();


test("two saved scenarios survive a reload; rename, reorder, delete and undo work", async ({ page }) => {
  await load(page);
  await saveAs(page, "Today");
  await setNumber(page, "sdr-headcount-number", 6);
  await saveAs(page, "Two more SDRs");
  await page.reload();
  await finishedAfter(page, 0);
  expect(await savedNames(page)).toEqual(["Today", "Two more SDRs"]);

  const second = page.locator("#saved-list .saved-item").nth(1);
  await second.getByRole("button", { name: "Move Two more SDRs up" }).click();
  expect(await savedNames(page)).toEqual(["Two more SDRs", "Today"]);
  await page.locator("#saved-list .saved-item").nth(1).getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("New name").fill("Today, as is");
  await page.getByLabel("New name").press("Enter");
  expect(await savedNames(page)).toEqual(["Two more SDRs", "Today, as is"]);
  await page.locator("#saved-list .saved-item").nth(0).getByRole("button", { name: "Duplicate" }).click();
  expect(await savedNames(page)).toEqual(["Two more SDRs", "Two more SDRs copy", "Today, as is"]);
  await page.locator("#saved-list .saved-item").nth(1).getByRole("button", { name: "Delete" }).click();
  await expect(page.locator("#undo-delete")).toContainText("Two more SDRs copy");
  await page.locator("#undo-delete").getByRole("button", { name: "Undo" }).click();
  expect(await savedNames(page)).toEqual(["Two more SDRs", "Two more SDRs copy", "Today, as is"]);

  await page.reload();
  await finishedAfter(page, 0);
  expect(await savedNames(page)).toEqual(["Two more SDRs", "Two more SDRs copy", "Today, as is"]);
  const done = await runs(page);
  await page.locator("#saved-list .saved-item").nth(2).getByRole("button", { name: "Open" }).click();
  await finishedAfter(page, done);
  await expect(page.locator("#sdr-headcount-number")).not.toHaveValue("6");
  // Opening replaced the scenario being edited; one click brings it back.
  await expect(page.locator("#undo-replace")).toContainText("You opened \u201cToday, as is\u201d");
  await page.locator("#undo-replace").getByRole("button", { name: /^Back to/ }).click();
  await expect(page.locator("#sdr-headcount-number")).toHaveValue("6");
  await expect(page.locator("#undo-replace")).toHaveCount(0);
});

test("comparing two saved scenarios shows paired deltas and both bookings bands", async ({ page }) => {
  await load(page);
  await saveAs(page, "Today");
  await page.locator("summary", { hasText: "Closing" }).click();
  const deal = Number(await page.locator("#closing-deal_median-number").inputValue());
  await setNumber(page, "closing-deal_median-number", deal * 2);
  await saveAs(page, "Bigger deals");
  await page.locator("#saved-list .saved-item").nth(0).getByRole("button", { name: "Compare" }).click();
  await page.locator("#compare-b").selectOption({ label: "Saved: Bigger deals" });
  await expect(page.locator("#compare-note")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
  const table = page.locator("#compare-table");
  await expect(table.locator("thead")).toContainText("A: Today");
  await expect(table.locator("thead")).toContainText("B: Bigger deals");
  // Same seed: marketing did not change, so MQLs are identical replication by replication.
  await expect(table.locator('tr[data-metric="Mqls"] td.delta .p50')).toHaveText("No change");
  // Doubling the deal size raises bookings in every replication pair.
  const bookings = table.locator('tr[data-metric="Bookings"]');
  await expect(bookings.locator("td.delta")).toHaveClass(/up/);
  const a = dollars(await bookings.locator("td").nth(0).locator(".p50").textContent());
  const b = dollars(await bookings.locator("td").nth(1).locator(".p50").textContent());
  expect(b).toBeGreaterThan(a * 1.5);
  expect(await bookings.locator("td.delta .p50").textContent()).toMatch(/^\+\$/);
  await expect(page.locator("#chart-compare-bookings svg")).toContainText("A: Today");
  await expect(page.locator("#chart-compare-bookings svg")).toContainText("B: Bigger deals");
  await expect(page.locator("#chart-compare-funnel svg")).toBeVisible();
  const csv = await downloadText(page, page.locator("#export-compare-csv"));
  expect(csv.text.split("\n")[0]).toContain("delta_p50");
  await page.screenshot({ path: path.join(ARTIFACTS, "compare.png"), fullPage: true });
  await page.locator("#compare-close").click();
  await expect(page.locator("#compare")).toHaveCount(0);
});

test("a share link opens the same scenario and numbers in a fresh browser", async ({ page, browser }, testInfo) => {
  await load(page);
  await setNumber(page, "sdr-headcount-number", 5);
  await page.locator("#share-button").click();
  const link = await page.locator("#share-link").inputValue();
  expect(link).toMatch(/#s=h1\.[A-Za-z0-9_-]+$/);
  const bookings = await page.locator("#kpi-bookings").textContent();
  const mqls = await page.locator("#kpi-mqls").textContent();

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await fresh.newPage();
  watch(other, testInfo.project.use.baseURL, testInfo.problems);
  await load(other, link);
  await expect(other.locator("#shared-banner")).toBeVisible();
  await expect(other.locator("#sdr-headcount-number")).toHaveValue("5");
  await expect(other.locator("#kpi-bookings")).toHaveText(bookings);
  await expect(other.locator("#kpi-mqls")).toHaveText(mqls);
  // Nothing of the shared scenario is saved until the user keeps it.
  expect(await other.evaluate(() => [localStorage.getItem("handoff.current"), localStorage.getItem("handoff.library")]))
    .toEqual([null, null]);
  await other.locator("#keep-shared").click();
  await expect(other.locator("#shared-banner")).toHaveCount(0);
  await expect(other.locator("#saved-list .saved-item")).toHaveCount(1);
  await fresh.close();
});

test("a corrupted link says what is wrong and leaves saved work as it was", async ({ page }) => {
  await load(page);
  await setNumber(page, "sdr-headcount-number", 7);
  await saveAs(page, "Mine");
  await page.locator("#share-button").click();
  const link = await page.locator("#share-link").inputValue();
  const bookings = await page.locator("#kpi-bookings").textContent();
  const before = await page.evaluate(() => [localStorage.getItem("handoff.current"), localStorage.getItem("handoff.library")]);

  const payload = link.split("#s=")[1];
  const tampered = link.split("#s=")[0] + "#s=" + payload.slice(0, payload.length - 12) + "AAAA";
  await page.goto("about:blank");
  await load(page, tampered);
  await expect(page.locator("#notice")).toContainText("This link could not be opened");
  await expect(page.locator("#notice")).toContainText("unchanged");
  await expect(page.locator("#shared-banner")).toHaveCount(0);
  await expect(page.locator("#sdr-headcount-number")).toHaveValue("7");
  await expect(page.locator("#kpi-bookings")).toHaveText(bookings);
  expect(await savedNames(page)).toEqual(["Mine"]);
  expect(await page.evaluate(() => [localStorage.getItem("handoff.current"), localStorage.getItem("handoff.library")]))
    .toEqual(before);
  expect(page.url()).not.toContain("#s=");
});

test("results export as CSV with one row per week and series, KPI and leak", async ({ page }) => {
  await load(page);
  const weeks = Number(await page.locator("#run-weeks-number").inputValue());
  const { name, text } = await downloadText(page, page.locator("#export-csv"));
  expect(name).toMatch(/\.csv$/);
  expect(text.split(/\r?\n/)[0]).toBe("section,metric,label,unit,week,mean,p10,p50,p90");
  const table = parseCsv(text);
  expect(table.every((r) => r.length === 9), "every row has 9 fields").toBe(true);
  const rows = table.slice(1);
  const weekly = rows.filter((r) => r[0] === "weekly");
  const metrics = new Set(weekly.map((r) => r[1]));
  expect(metrics.size).toBeGreaterThan(5);
  for (const m of metrics) {
    expect(weekly.filter((r) => r[1] === m).length, m).toBe(weeks);
  }
  const kpis = rows.filter((r) => r[0] === "kpi");
  const leaks = rows.filter((r) => r[0] === "leak");
  expect(rows.length).toBe(weekly.length + kpis.length + leaks.length);
  // Leak accounting: where every lead ended up adds up to the inquiries plus the leads in
  // nurture at the (warm) start.
  const inquiries = kpis.find((r) => r[1] === "inquiries");
  const warm = kpis.find((r) => r[1] === "nurture_at_start");
  const leads = Number(inquiries[5]) + Number(warm[5]);
  const leakSum = leaks.reduce((s, r) => s + Number(r[5]), 0);
  expect(Number(warm[5])).toBeGreaterThan(0);
  expect(Math.abs(leakSum - leads)).toBeLessThan(1e-3 * leads);
  const mqls = kpis.find((r) => r[1] === "mqls");
  expect(Math.round(Number(mqls[7]))).toBe(count(await page.locator("#kpi-mqls").textContent()));
});

test("charts download as SVG and PNG, the scenario as JSON that imports back", async ({ page }) => {
  await load(page);
  const svg = await downloadText(page, page.locator("#chart-bookings .export-svg"));
  expect(svg.name).toBe("handoff-bookings.svg");
  expect(svg.text).toMatch(/^<svg/);
  const [png] = await Promise.all([page.waitForEvent("download"), page.locator("#chart-bookings .export-png").click()]);
  expect(png.suggestedFilename()).toBe("handoff-bookings.png");
  const bytes = fs.readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(5000);

  await setNumber(page, "sdr-headcount-number", 8);
  const json = await downloadText(page, page.locator("#export-json"));
  const file = JSON.parse(json.text);
  expect(file.scenario.sdr.headcount).toBe(8);
  await setNumber(page, "sdr-headcount-number", 2);
  const done = await runs(page);
  await page.locator("#import-json").setInputFiles({ name: json.name, mimeType: "application/json", buffer: Buffer.from(json.text) });
  await finishedAfter(page, done);
  await expect(page.locator("#sdr-headcount-number")).toHaveValue("8");
  await expect(page.locator("#notice")).toContainText("Imported");
  await expect(page.locator("#saved-list .saved-item")).toHaveCount(1);
});

test("bad files are refused with a clear message and change nothing", async ({ page }) => {
  await load(page);
  await setNumber(page, "sdr-headcount-number", 5);
  await saveAs(page, "Keep me");
  const json = await downloadText(page, page.locator("#export-json"));
  const before = await page.evaluate(() => [localStorage.getItem("handoff.current"), localStorage.getItem("handoff.library")]);
  const good = JSON.parse(json.text);
  const outOfRange = JSON.parse(json.text);
  outOfRange.scenario.sdr.headcount = -4;
  const future = JSON.parse(json.text);
  future.version = 99;
  const typo = JSON.parse(json.text);
  typo.scenario.sdr.headcont = 9;
  const cases = [
    ["typo.json", JSON.stringify(typo), /sdr\.headcont/],
    ["truncated.json", json.text.slice(0, json.text.length / 2), /ends early|cut short/],
    ["other-tool.json", JSON.stringify({ name: "x", dependencies: { a: "1" } }), /not a Handoff scenario/],
    ["range.json", JSON.stringify(outOfRange), /sdr\.headcount/],
    ["future.json", JSON.stringify(future), /99/],
    ["notes.txt", "hello", /not JSON|JSON/],
  ];
  for (const [name, text, message] of cases) {
    await page.locator("#import-json").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
    await expect(page.locator("#notice"), name).toContainText(name);
    await expect(page.locator("#notice"), name).toContainText(message);
    await expect(page.locator("#notice"), name).toContainText("Nothing was changed");
    await page.locator("#notice").getByRole("button", { name: "Dismiss" }).click();
  }
  // A dropped file goes the same way.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    document.querySelector(".app").dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, "{\"version\": 2, \"scenario\": ");
  await expect(page.locator("#notice")).toContainText("dropped.json");
  expect(await savedNames(page)).toEqual(["Keep me"]);
  await expect(page.locator("#sdr-headcount-number")).toHaveValue("5");
  expect(await page.evaluate(() => [localStorage.getItem("handoff.current"), localStorage.getItem("handoff.library")]))
    .toEqual(before);
  expect(good.scenario.sdr.headcount).toBe(5);
});

test("a hostile name is shown as text everywhere, never run as HTML", async ({ page }) => {
  await load(page);
  await saveAs(page, HOSTILE);
  await expect(page.locator("#saved-list .saved-name")).toHaveText(HOSTILE);
  await page.locator("#saved-list .saved-item").first().getByRole("button", { name: "Open" }).click();
  await expect(page.locator(".scenario-name strong")).toHaveText(HOSTILE);
  await page.locator(".channel-more summary").first().click();
  const channel = page.locator("#channels-0--name");
  await channel.fill(HOSTILE);
  await channel.press("Enter");
  await expect(page.locator(".channel-more summary").first()).toHaveText(`More about ${HOSTILE}`);
  await page.locator("#saved-list .saved-item").first().getByRole("button", { name: "Compare" }).click();
  await expect(page.locator("#compare-table thead")).toContainText(HOSTILE);
  await expect(page.locator("#compare-note")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
  await expect(page.locator("#chart-compare-bookings svg")).toContainText(HOSTILE);
  expect(await page.locator("img").count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned === undefined)).toBe(true);
});

test("the print view is a one-page summary of the scenario and its results", async ({ page }) => {
  await load(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".controls")).toBeHidden();
  await expect(page.locator(".actions")).toBeHidden();
  await expect(page.locator(".print-summary")).toBeVisible();
  await expect(page.locator(".print-summary")).toContainText("SDR headcount");
  await expect(page.locator("#kpi-bookings")).toBeVisible();
  await expect(page.locator("#verdict-headline")).toBeVisible();
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBe(1);
  await page.screenshot({ path: path.join(ARTIFACTS, "print.png"), fullPage: true });
});
