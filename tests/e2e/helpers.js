// Shared by the end-to-end specs: number parsing, waiting for the simulation, and a guard
// that fails a test on any console error, page error, dialog or request leaving the origin.
const { expect } = require("@playwright/test");
const fs = require("fs");
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

/** Number of simulation runs finished so far. */
async function runs(page) {
  return Number(await page.locator("#progress").getAttribute("data-runs"));
}

/** Waits until a run after `before` runs has finished (bands and levers complete). */
async function finishedAfter(page, before) {
  await expect
    .poll(async () => runs(page), { timeout: 60_000, intervals: [100, 200, 400] })
    .toBeGreaterThan(before);
  await expect(page.locator("#progress")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
}

async function load(page, url = "/") {
  await page.goto(url);
  await finishedAfter(page, 0);
}

/** Records console errors, page errors, dialogs and foreign requests of `page`. */
function watch(page, baseURL, problems) {
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on("request", (req) => {
    const origin = new URL(baseURL).origin;
    const url = new URL(req.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin) {
      problems.push(`request to another host: ${req.url()}`);
    }
  });
}

/** Installs the guard on every test of a spec file. */
function guard(test) {
  test.beforeEach(async ({ page }, testInfo) => {
    testInfo.problems = [];
    watch(page, testInfo.project.use.baseURL, testInfo.problems);
  });
  test.afterEach(async ({}, testInfo) => {
    expect(testInfo.problems, "no console errors, dialogs or foreign requests").toEqual([]);
  });
}

/** Parses CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Sets a numeric control by its id and waits for the new results. */
async function setNumber(page, id, value) {
  const done = await runs(page);
  await page.locator(`#${id}`).fill(String(value));
  await page.locator(`#${id}`).press("Enter");
  await finishedAfter(page, done);
}

/** The text of a download triggered by clicking `locator`. */
async function downloadText(page, locator) {
  const [download] = await Promise.all([page.waitForEvent("download"), locator.click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), "utf8") };
}

module.exports = {
  parseCsv, ARTIFACTS, dollars, count, runs, finishedAfter, load, watch, guard, setNumber, downloadText,
};
