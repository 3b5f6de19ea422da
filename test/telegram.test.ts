import { describe, expect, it } from "vitest";
import { buildEditions } from "../src/model/edition.js";
import { applyOverrides, TELEGRAM_FIELDS } from "../src/model/telegram.js";
import { DEFAULT_LABELS } from "../src/options.js";
import { telegramHeaderHtml, telegramHeadingText } from "../src/render/telegram.js";
import { telegramArguments } from "../src/eleventy/telegram-arguments.js";
import { build, errorOf, SETTINGS, source } from "./helpers/model.js";
import { blocks } from "./helpers/site.js";

const cableTelegram = {
  heading: "Fujian Province Telegram Received",
  from: "Ministry of Foreign Affairs",
  precedence: "Priority Urgent",
  device: 150,
  serial: "",
  principalAgency: "Foreign Affairs Bureau.",
  distribution: "Provincial Party Standing Committee",
  classification: "(Top Secret)",
  labels: { principalAgency: "Principal agency responsible:", distribution: "Already transmitted to" },
};

const docWith = (telegram: unknown, extra: Record<string, unknown> = {}) =>
  build([source("e/t", { title: "T", date: "1979-04-16", telegram, ...extra })]).documents[0]!;

describe("the telegram header", () => {
  it("renders every field in the order the front matter gives, with the original's labels", () => {
    const doc = docWith(cableTelegram);
    const out = telegramHeaderHtml(doc.telegram, DEFAULT_LABELS).value;
    expect(blocks(out)).toEqual([
      "Fujian Province Telegram Received",
      "From: Ministry of Foreign Affairs",
      "Precedence: Priority Urgent",
      "Device No. 150",
      "Serial No.",
      "Principal agency responsible: Foreign Affairs Bureau.",
      "Already transmitted to Provincial Party Standing Committee",
      "(Top Secret)",
    ]);
    expect(out).toMatch(/^<header class="de-telegram" aria-label="Telegram header">/);
    expect(out).toContain(
      '<dl class="de-telegram-fields"><div class="de-telegram-from"><dt>From:</dt>\n<dd>Ministry of Foreign Affairs</dd></div>',
    );
    expect(out).toContain('<p class="de-telegram-classification">(Top Secret)</p>');
  });

  it("keeps another order when the original has one, splitting the list around lines of their own", () => {
    const doc = docWith({
      classification: "SECRET",
      to: ["Embassy Hanoi", "Embassy Phnom Penh"],
      heading: "Telegram",
      from: "Beijing",
      lines: ["Received 17 April", { label: "Ref:", value: "Your 345" }],
    });
    const out = telegramHeaderHtml(doc.telegram, DEFAULT_LABELS).value;
    expect(blocks(out)).toEqual([
      "SECRET",
      "To: Embassy Hanoi",
      "Embassy Phnom Penh",
      "Telegram",
      "From: Beijing",
      "Received 17 April",
      "Ref: Your 345",
    ]);
    expect(out.match(/<dl /g)).toHaveLength(3);
  });

  it("leaves no row, and no header, for absent fields", () => {
    const out = telegramHeaderHtml(docWith({ from: "Beijing" }).telegram, DEFAULT_LABELS).value;
    expect(blocks(out)).toEqual(["From: Beijing"]);
    for (const label of ["To:", "Precedence:", "Device No.", "Serial No."]) expect(out).not.toContain(label);
    expect(telegramHeaderHtml(docWith(undefined).telegram, DEFAULT_LABELS).value).toBe("");
  });

  it("escapes an XSS payload in every field and label", () => {
    const payloads = [
      "<script>alert(1)</script>",
      '" onmouseover="alert(1)',
      "javascript:alert(1)",
      "<img src=x onerror=alert(1)>",
    ];
    for (const payload of payloads) {
      const telegram = Object.fromEntries(
        TELEGRAM_FIELDS.map((field) => [
          field,
          field === "lines" ? [payload, { label: payload, value: payload }] : payload,
        ]),
      );
      const labels = Object.fromEntries(
        [
          "from",
          "to",
          "copies",
          "precedence",
          "device",
          "serial",
          "dateTimeGroup",
          "principalAgency",
          "distribution",
        ].map((f) => [f, payload]),
      );
      const out = telegramHeaderHtml(docWith({ ...telegram, labels }).telegram, {
        ...DEFAULT_LABELS,
        telegramHeader: payload,
      }).value;
      expect(out).not.toMatch(/<script|<img|" onmouseover|href=/);
      expect(out.split("&lt;").length + out.split("&quot;").length + out.split("javascript:").length).toBeGreaterThan(
        TELEGRAM_FIELDS.length,
      );
    }
  });

  it("takes shortcode arguments over single fields, in place or at the end", () => {
    const doc = docWith(cableTelegram);
    const overridden = applyOverrides(doc.telegram, { precedence: "Flash", dateTimeGroup: "161030Z" });
    expect(blocks(telegramHeaderHtml(overridden, DEFAULT_LABELS).value)).toEqual(
      expect.arrayContaining(["Precedence: Flash", "Date-time group: 161030Z"]),
    );
    expect(blocks(telegramHeaderHtml(overridden, DEFAULT_LABELS).value).at(-1)).toBe("Date-time group: 161030Z");
    expect(() => applyOverrides(doc.telegram, { precedance: "Flash" } as never)).toThrow(
      "telegramHeader: unknown field precedance; expected one of heading, from, to",
    );
  });

  it("reads the shortcode's arguments in each form templates can pass", () => {
    const doc = docWith(cableTelegram);
    expect(telegramArguments([], doc)).toEqual({ doc, overrides: {} });
    expect(telegramArguments(["precedence", "Flash", "serial", "12"], doc).overrides).toEqual({
      precedence: "Flash",
      serial: "12",
    });
    expect(telegramArguments([doc, { precedence: "Flash" }], undefined)).toEqual({
      doc,
      overrides: { precedence: "Flash" },
    });
    expect(telegramArguments([{ precedence: "Flash", __keywords: true }], doc).overrides).toEqual({
      precedence: "Flash",
    });
    expect(() => telegramArguments(["precedence"], doc)).toThrow('the field "precedence" is given without a value');
  });

  it("gives a FRUS-style one-line heading", () => {
    expect(
      telegramHeadingText(
        docWith({ from: "the Ministry of Foreign Affairs", to: ["the Embassy in Hanoi"] }),
        DEFAULT_LABELS,
      ),
    ).toBe("Telegram From the Ministry of Foreign Affairs to the Embassy in Hanoi");
    expect(
      telegramHeadingText(docWith({ heading: "x" }, { author: "the Ministry of Foreign Affairs" }), DEFAULT_LABELS),
    ).toBe("Telegram From the Ministry of Foreign Affairs");
  });
});

describe("the telegram block in front matter", () => {
  it.each([
    ["an unknown field", { precedance: "Flash" }, 'telegram.precedance: unknown field; did you mean "precedence"?'],
    [
      "an unknown label",
      { labels: { sender: "Sender:" } },
      "telegram.labels.sender: unknown field; one of the known fields: from, to, copies",
    ],
    [
      "a list for a single field",
      { from: ["A", "B"] },
      'telegram.from: found ["A","B"]; expected text (empty text for a field the original leaves blank)',
    ],
    ["text for the whole block", "Priority", 'telegram: found "Priority"; expected a group of telegram header fields'],
  ])("rejects %s", (_name, telegram, message) => {
    expect(errorOf(() => docWith(telegram))).toContain(`editions/e/t.md: ${message}`);
  });

  it("checks the precedence against the site's list, where it declares one", () => {
    const doc = (precedence: string) =>
      buildEditions(
        [source("e/t", { title: "T", date: "1979", telegram: { precedence } })],
        [],
        {},
        { ...SETTINGS, precedences: ["Flash", "Immediate", "Priority", "Routine"] },
      );
    expect(doc("Flash").documents[0]?.telegram?.precedence).toBe("Flash");
    expect(errorOf(() => doc("Priority Urgent"))).toContain(
      'editions/e/t.md: telegram.precedence: found "Priority Urgent"; expected one of the site\'s precedences: "Flash", "Immediate", "Priority", "Routine"',
    );
    // Without a list, any precedence is taken as printed.
    expect(docWith({ precedence: "Priority Urgent" }).telegram?.precedence).toBe("Priority Urgent");
  });
});
