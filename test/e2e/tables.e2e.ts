/// <reference lib="dom" />
// A document with a pipe table, an opening dateline and a signature with a note, in Chromium: the
// table scrolls in its own region on a phone (the page does not), its note stands in its cell on a
// wide screen, the opener and closer stand where they belong, and axe-core finds nothing.
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../helpers/site.js";
import { axeViolations, browserAvailable, launch, serve } from "./browser.js";

const DOCUMENT = "/editions/samples/table-and-closing/";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };

describe.skipIf(!browserAvailable())("a document with a table in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const site = await buildSite("test/fixtures/tei", "test/fixtures/tei/eleventy.config.js");
    ({ url: base, server } = await serve(site.output));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(base + DOCUMENT);
    return page;
  }

  it("scrolls a table wider than a phone inside its region, not the page", async () => {
    const page = await open(PHONE);
    const widths = await page.evaluate(() => {
      // The fixture's table is narrow: made as wide as a table of many columns would be.
      (document.querySelector(".de-table table") as HTMLElement).style.minWidth = "900px";
      const region = document.querySelector(".de-table") as HTMLElement;
      return {
        page: document.documentElement.scrollWidth,
        window: window.innerWidth,
        region: region.clientWidth,
        table: region.scrollWidth,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    expect(widths.table).toBeGreaterThan(widths.region);
    await page.context().close();
  });

  it("shows a cell's note in the cell on a wide screen, and prints the opener at the start and the closer at the end of their lines", async () => {
    const page = await open(DESKTOP);
    // As wide as the text, as most tables are: a note floated into the margin would leave the region.
    await page.locator(".de-table table").evaluate((t) => (t.style.width = "100%"));
    const note = page.locator(".de-table .de-sidenote");
    expect(await note.isVisible()).toBe(true);
    const [noteBox, regionBox] = await Promise.all([note.boundingBox(), page.locator(".de-table").boundingBox()]);
    expect(noteBox!.x).toBeGreaterThanOrEqual(regionBox!.x);
    expect(noteBox!.x + noteBox!.width).toBeLessThanOrEqual(regionBox!.x + regionBox!.width + 1);
    const align = (selector: string) => page.locator(selector).evaluate((p) => getComputedStyle(p).textAlign);
    expect(await align("p.de-opener")).toBe("start");
    expect(await align("p.de-closer")).toBe("end");
    await page.context().close();
  });

  it("has no axe-core violations (WCAG 2.2 AA)", async () => {
    const page = await open(DESKTOP);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("prints the table whole, its region not scrolling", async () => {
    const page = await open(PHONE);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".de-table").evaluate((r) => getComputedStyle(r).overflowX)).toBe("visible");
    expect(await page.locator(".de-table thead").evaluate((h) => getComputedStyle(h).display)).toBe(
      "table-header-group",
    );
    await page.context().close();
  });
});
