/// <reference lib="dom" />
// The FRUS fixture imported by `documentary-edition import-tei` and built, in Chromium: axe-core's
// WCAG 2.2 AA checks on the imported edition's pages, as site.e2e.ts checks the hand-made one's.
import type { Server } from "node:http";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDITION, importedSite } from "../helpers/imported.js";
import { buildSite } from "../helpers/site.js";
import { axeViolations, browserAvailable, launch, serve, inBothSchemes } from "./browser.js";

const run = browserAvailable();

const PAGES = {
  edition: `/editions/${EDITION}/`,
  chapter: `/editions/${EDITION}/comp1/ch2/`,
  "memorandum of conversation (d54)": `/editions/${EDITION}/d54/`,
  // Five notes, the most of the twelve: the source note and four in the text, with a cross-reference.
  "document with many notes (d47)": `/editions/${EDITION}/d47/`,
};

describe.skipIf(!run)("the imported FRUS edition in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const site = importedSite();
    const built = await buildSite(site.input, site.config);
    ({ url: base, server } = await serve(built.output));
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it.each(inBothSchemes(PAGES))("%s page (%s, %s colours) has no axe violations", async (_name, path, scheme) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    const response = await page.goto(base + path);
    expect(response?.status()).toBe(200);
    // The page is the imported edition's, not a "not found".
    expect(await page.locator("h1").first().textContent()).toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("serves the pages axe checked with the imported edition's headings and notes", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}${PAGES["memorandum of conversation (d54)"]}`);
    expect(await page.locator("h1").textContent()).toBe("Memorandum of Conversation");
    expect(await page.locator(".de-conversation-heading").first().textContent()).toBe("Participants");
    await page.goto(`${base}${PAGES["document with many notes (d47)"]}`);
    expect(await page.locator(".de-notes .de-note").count()).toBe(5);
    await page.close();
  });
});
