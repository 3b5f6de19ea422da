/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The sample site in a real browser: what a reader sees and can do, at phone and desktop widths,
// by keyboard and in print, and axe-core's WCAG 2.2 AA checks on every kind of page.
import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../helpers/site.js";
import { axeViolations, browserAvailable, launch, serve, inBothSchemes } from "./browser.js";

const CABLE = "/editions/sino-vietnamese-talks-1979/1979-04-16-notice-on-talks/";
const ARTIFACTS = "test-results";
const ARCHIVE_CITATION =
  "\"Cable from the Foreign Ministry, 'Notice on Holding Vice Foreign Minister Level Talks Between China and Vietnam'\", April 16, 1979, Wilson Center Digital Archive, Fujian Provincial Archives, 222-12-287, 10-12. Translated by David Cowhig. https://wilson-center-digital-archive.dvincitest.com/document/291001";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };

const run = browserAvailable();

describe.skipIf(!run)("the sample site in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const site = await buildSite(".", ".eleventy.js");
    ({ url: base, server } = await serve(site.output));
    browser = await launch();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(path: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(base + path);
    return page;
  }

  const visible = (page: Page, selector: string) => page.locator(selector).first().isVisible();

  it.each([
    ["desktop", DESKTOP, true],
    ["phone", PHONE, false],
  ] as const)("shows the cable's header and notes on a %s", async (name, viewport, sidenotes) => {
    const page = await open(CABLE, viewport);
    expect(await page.locator(".de-telegram dt", { hasText: "Precedence:" }).isVisible()).toBe(true);
    expect(await visible(page, ".de-sidenote")).toBe(sidenotes);
    expect(await visible(page, ".de-notes-list")).toBe(!sidenotes);
    // On a wide screen a note stands beside its reference, not below the text.
    if (sidenotes) {
      const ref = await page.locator(".de-ref").first().boundingBox();
      const note = await page.locator(".de-sidenote").first().boundingBox();
      expect(note!.x).toBeGreaterThan(ref!.x);
      expect(Math.abs(note!.y - ref!.y)).toBeLessThan(400);
    }
    await page.screenshot({ path: `${ARTIFACTS}/cable-${name}.png`, fullPage: true });
    await page.context().close();
  });

  it.each([
    ["desktop", DESKTOP, ".de-ref-side"],
    ["phone", PHONE, ".de-ref-end"],
  ] as const)("moves focus from each reference to its note and back (%s)", async (_name, viewport, linkClass) => {
    const page = await open(CABLE, viewport);
    const links = page.locator(`${linkClass}`);
    const count = await links.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      const link = links.nth(i);
      const target = ((await link.getAttribute("href")) as string).slice(1);
      await link.focus();
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(target);
      // The note's back-link returns to the reference.
      const back = page.locator(`[id="${target}"] .de-backref`).first();
      await back.focus();
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.className)).toContain("de-ref");
    }
    await page.context().close();
  });

  it("shows the list of notes on a wide screen when a link leads into it (the register's, to a mention in a note)", async () => {
    const page = await open(CABLE);
    expect(await visible(page, ".de-notes-list")).toBe(false);
    const id = await page.locator(".de-notes-list li").first().getAttribute("id");
    await page.goto(`${base}${CABLE}#${id}`);
    expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    await page.context().close();
  });

  it("copies a citation to the clipboard with its copy button", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    const page = await context.newPage();
    await page.goto(base + CABLE);
    const button = page.locator('button.de-copy[data-copy$="cite-archive"]');
    expect(await button.isVisible()).toBe(true);
    await button.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ARCHIVE_CITATION);
    expect(await button.textContent()).toBe("Copied");
    await context.close();
  });

  it("finds the cable when a reader types Han Nianlong into search", async () => {
    const page = await open("/search/");
    const input = page.locator("input.pagefind-ui__search-input");
    await input.focus();
    await page.keyboard.type("Han Nianlong");
    const result = page.locator(`.pagefind-ui__result-link[href$="${CABLE}"]`);
    await result.waitFor({ timeout: 15_000 });
    expect(await page.locator(".pagefind-ui__result").count()).toBe(1);
    await input.fill("qqqzzzxxx");
    await page.locator(".pagefind-ui__message", { hasText: "No results" }).waitFor();
    await page.context().close();
  });

  it("reaches every link and button of the cable page by keyboard, each with a visible focus", async () => {
    const page = await open(CABLE);
    const expected = await page.evaluate(
      () =>
        [...document.querySelectorAll("a[href], button")].filter((e) => (e as HTMLElement).offsetParent !== null)
          .length,
    );
    const reached = new Set<string>();
    for (let i = 0; i < expected + 5; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const style = getComputedStyle(el);
        const path = [...document.querySelectorAll("a[href], button")].indexOf(el);
        return { path, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 };
      });
      if (!focused) continue;
      expect(focused.outline, `element ${focused.path} has no visible focus`).toBe(true);
      reached.add(String(focused.path));
    }
    expect(reached.size).toBe(expected);
    await page.context().close();
  });

  it("prints the cable without navigation, with its notes as endnotes", async () => {
    const page = await open(CABLE);
    await page.emulateMedia({ media: "print" });
    expect(await visible(page, ".de-site-header")).toBe(false);
    expect(await visible(page, ".de-document-nav")).toBe(false);
    expect(await visible(page, ".de-sidenote")).toBe(false);
    expect(await visible(page, ".de-notes-list")).toBe(true);
    expect(await visible(page, ".de-cite")).toBe(true);
    await page.pdf({ path: `${ARTIFACTS}/cable-print.pdf` });
    await page.screenshot({ path: `${ARTIFACTS}/cable-print.png`, fullPage: true });
    await page.context().close();
  });

  describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
    const PAGES = {
      home: "/",
      edition: "/editions/sino-vietnamese-talks-1979/",
      document: CABLE,
      chronology: "/chronology/",
      "index entry": "/people/han-nianlong/",
      index: "/people/",
      register: "/editions/sino-vietnamese-talks-1979/register/",
      search: "/search/",
      // The FRUS edition: its parts, a memorandum of conversation, a document with cross-references and printed pages.
      "FRUS edition": "/editions/frus1969-76v19p1/",
      "FRUS chapter": "/editions/frus1969-76v19p1/comp1/ch2/",
      "FRUS memorandum of conversation": "/editions/frus1969-76v19p1/d54/",
      "FRUS memorandum": "/editions/frus1969-76v19p1/d47/",
      "FRUS register": "/editions/frus1969-76v19p1/register/",
    };
    it.each(inBothSchemes(PAGES))("%s page (%s, %s colours) has no violations", async (_name, path, scheme) => {
      const context = await browser.newContext({ viewport: DESKTOP, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(base + path);
      if (path === "/search/") {
        await page.locator("input.pagefind-ui__search-input").fill("Hanoi");
        await page.locator(".pagefind-ui__result").first().waitFor({ timeout: 15_000 });
      }
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      await context.close();
    });
  });
});
