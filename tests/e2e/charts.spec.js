// End-to-end, the charts' text alternatives (issue 14, item 8): every chart on the screen, in
// the main view and in the A/B comparison, is named by a visible summary sentence with its key
// numbers, and its "Data table" opens a table with one row per week or bar, whose figures are
// the ones shown elsewhere on the screen. axe finds nothing serious with every table open.
// Every test also fails on a console error or on any request that leaves the page's origin.
const { test, expect } = require("@playwright/test");
const path = require("path");
const { ARTIFACTS, load, guard, setNumber, dollars, count } = require("./helpers");

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

/**
 * What each chart draws, read from its SVG: the points of its longest line (a weekly chart's
 * median; grid lines have two) and its bars (the filled rectangles with an end on the zero
 * line, the most common edge, on the left or the right of a negative bar; the background and
 * legend swatches are elsewhere).
 */
async function drawn(figure) {
  return figure.locator(".chart-svg svg").evaluate((svg) => {
    const points = Math.max(0, ...[...svg.querySelectorAll("polyline")]
      .map((l) => l.getAttribute("points").trim().split(/\s+/).length));
    const rects = [...svg.querySelectorAll("rect")]
      .filter((r) => (r.getAttribute("fill") || "").toUpperCase() !== "#FFFFFF")
      .map((r) => [Number(r.getAttribute("x")), Number(r.getAttribute("x")) + Number(r.getAttribute("width"))]);
    // Every bar has one end on the zero line: the most common edge.
    const edges = {};
    for (const e of rects.flat()) edges[e] = (edges[e] || 0) + 1;
    const zero = Number(Object.keys(edges).sort((p, q) => edges[q] - edges[p])[0]);
    const bars = rects.filter(([l, r]) => Math.abs(l - zero) <= 1 || Math.abs(r - zero) <= 1).length;
    return { points, bars };
  });
}

/** Opens a chart's data table; returns its header cells and its rows (cells as text). */
async function openTable(figure) {
  const details = figure.locator("details.chart-table");
  await details.locator("summary").click();
  await expect(details).toHaveAttribute("open", "");
  const table = details.locator("table");
  await expect(table).toBeVisible();
  await expect(table.locator("caption")).not.toBeEmpty();
  const headers = await table.locator("thead th[scope=col]").allTextContents();
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => {
    const head = tr.querySelector("th[scope=row]");
    return [head ? head.textContent : null, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)];
  }));
  for (const row of rows) expect(row[0], "each row starts with a row header").not.toBeNull();
  return { headers, rows };
}

/** The cell of `column` (a header) in the row whose header is `name`. */
function cellOf({ headers, rows }, name, column) {
  const row = rows.find((r) => r[0] === name);
  expect(row, `row ${name} in ${rows.map((r) => r[0]).join(", ")}`).toBeTruthy();
  const j = headers.indexOf(column);
  expect(j, `column ${column} in ${headers.join(", ")}`).toBeGreaterThan(0);
  return row[j];
}

/**
 * Checks every chart of `scope`: named by its visible summary (which holds a number), and a
 * data table with the chart's rows. Returns each chart's table by figure id.
 */
async function checkCharts(page, scope, expectedIds) {
  const figures = scope.locator("figure.chart");
  await expect(figures).toHaveCount(expectedIds.length);
  const ids = await figures.evaluateAll((fs) => fs.map((f) => f.id));
  expect(ids.sort()).toEqual([...expectedIds].sort());
  const tables = {};
  for (const id of ids) {
    const figure = page.locator(`#${id}`);
    const picture = figure.locator(".chart-svg");
    await expect(picture, id).toHaveAttribute("role", "img");
    const summary = figure.locator(".chart-summary");
    await expect(summary, id).toBeVisible();
    await expect(summary, id).toContainText(/\d/);
    const sentence = (await summary.textContent()).trim();
    await expect(picture, id).toHaveAccessibleName(sentence);
    expect(sentence.length, id).toBeGreaterThan(20);
    // Not put in the page until opened.
    await expect(figure.locator("details.chart-table table"), id).toHaveCount(0);
    const table = await openTable(figure);
    const svg = await drawn(figure);
    if (svg.points > 2) {
      // A weekly chart: a row a week, as many as the median line has points.
      expect(table.rows.length, `${id}: rows vs the line's points`).toBe(svg.points);
      expect(table.rows.length, id).toBe(52);
      expect(table.rows.map((r) => r[0]), id).toEqual(table.rows.map((_, i) => String(i + 1)));
    } else {
      // A bar chart: a row a bar (the A/B funnel has two bars a row).
      const perRow = id === "chart-compare-funnel" ? 2 : 1;
      expect(table.rows.length * perRow, `${id}: rows vs bars`).toBe(svg.bars);
    }
    for (const row of table.rows) expect(row.length, id).toBe(table.headers.length);
    tables[id] = { ...table, sentence };
  }
  return tables;
}

const MAIN = ["chart-levers", "chart-funnel", "chart-leaks", "chart-bookings", "chart-cumulative",
  "chart-capacity", "chart-queue", "chart-speed", "chart-utilisation"];

test.describe("chart text alternatives", () => {
  // The page's Content-Security-Policy rightly refuses inline scripts; axe is the test's own.
  test.use({ bypassCSP: true });

  test("every chart of the main view has a summary naming it and a data table of its data", async ({ page }) => {
    await load(page);
    const t = await checkCharts(page, page.locator("#results"), MAIN);

    // Cumulative bookings at the last week is the bookings key figure (both are the median of
    // the run's bookings), and the summary says the same figure.
    const last = t["chart-cumulative"].rows.at(-1);
    const median = last[t["chart-cumulative"].headers.indexOf("Bookings to date median")];
    const kpi = (await page.locator("#kpi-bookings").textContent()).trim();
    expect(Math.abs(dollars(median) - dollars(kpi)) / dollars(kpi), `${median} vs ${kpi}`).toBeLessThan(0.01);
    expect(t["chart-cumulative"].sentence).toContain(`at week 52: ${median}`);

    // The funnel's MQLs and won deals are the key figures.
    expect(cellOf(t["chart-funnel"], "MQLs", "Leads over the run (median)")).toBe((await page.locator("#kpi-mqls").textContent()).trim());
    expect(cellOf(t["chart-funnel"], "Won deals", "Leads over the run (median)")).toBe((await page.locator("#kpi-won").textContent()).trim());
    // Where every lead is: the won leads are the won deals, and the summary's largest leak is a row.
    expect(cellOf(t["chart-leaks"], "Won", "Leads (median)")).toBe((await page.locator("#kpi-won").textContent()).trim());
    const leak = t["chart-leaks"].sentence.match(/^The largest leak is (.+?): ([\d,]+) leads/);
    expect(leak, t["chart-leaks"].sentence).toBeTruthy();
    const leakRow = t["chart-leaks"].rows.find((r) => r[0].toLowerCase() === leak[1].toLowerCase());
    expect(leakRow && leakRow[1], t["chart-leaks"].sentence).toBe(leak[2]);
    // The levers: every row's interval holds its mean; the effect agrees with the interval.
    for (const [lever, mean, interval, effect] of t["chart-levers"].rows) {
      const [low, high] = interval.split(" to ").map((s) => dollars(s.replace("+", "")));
      expect(low <= dollars(mean.replace("+", "")) && dollars(mean.replace("+", "")) <= high, `${lever}: ${mean} in ${interval}`).toBe(true);
      expect(effect, lever).toBe(low > 0 ? "surely adds" : high < 0 ? "surely costs" : "cannot be told from zero");
    }
    // Weekly bookings: the summary's average is the average of the table's weekly medians.
    const weekly = t["chart-bookings"];
    const medians = weekly.rows.map((r) => dollars(r[weekly.headers.indexOf("Bookings median")]));
    const average = dollars(weekly.sentence.match(/Bookings average (\S+),/)[1]);
    const mean = medians.reduce((x, y) => x + y, 0) / medians.length;
    expect(Math.abs(average - mean) / mean, `${weekly.sentence} vs ${mean}`).toBeLessThan(0.06);

    expect(await seriousViolations(page), "main view, every table open").toEqual([]);
    await page.locator("#chart-funnel").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "chart-table.png") });
    // A closed table leaves the page again.
    await page.locator("#chart-funnel details.chart-table summary").click();
    await expect(page.locator("#chart-funnel details.chart-table table")).toHaveCount(0);
  });

  test("the A/B comparison's charts have them too, with A's and B's figures", async ({ page }) => {
    await load(page);
    await page.getByRole("button", { name: "Pin current as A and compare" }).click();
    await page.locator("summary", { hasText: "Closing" }).click();
    const deal = Number(await page.locator("#closing-deal_median-number").inputValue());
    await setNumber(page, "closing-deal_median-number", deal * 2);
    await expect(page.locator("#compare-note")).toHaveAttribute("data-running", "false", { timeout: 60_000 });
    const compare = page.locator("#compare");
    const t = await checkCharts(page, compare, ["chart-compare-bookings", "chart-compare-funnel"]);

    // The last week's medians are the comparison table's bookings of A and B.
    const bookings = page.locator('#compare-table tr[data-metric="Bookings"]');
    const a = dollars(await bookings.locator("td").nth(0).locator(".p50").textContent());
    const b = dollars(await bookings.locator("td").nth(1).locator(".p50").textContent());
    const band = t["chart-compare-bookings"];
    const last = band.rows.at(-1);
    const medianOf = (side) => dollars(last[band.headers.findIndex((h) => h.startsWith(`${side}: `) && h.endsWith(" median"))]);
    expect(Math.abs(medianOf("A") - a) / a, `A ${medianOf("A")} vs ${a}`).toBeLessThan(0.01);
    expect(Math.abs(medianOf("B") - b) / b, `B ${medianOf("B")} vs ${b}`).toBeLessThan(0.01);
    // A doubled deal size changes no lead: the funnels are the same stage by stage.
    const funnel = t["chart-compare-funnel"];
    expect(funnel.headers.slice(1).map((h) => h.slice(0, 3))).toEqual(["A: ", "B: "]);
    for (const [stage, av, bv] of funnel.rows) expect(bv, stage).toBe(av);
    expect(funnel.sentence).toContain("The two funnels are the same.");
    expect(count(funnel.rows[0][1])).toBeGreaterThan(0);

    expect(await seriousViolations(page), "comparison, every table open").toEqual([]);
  });
});
