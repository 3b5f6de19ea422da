/** The telegram header shortcode's arguments, in each of the forms Liquid and Nunjucks give them. */
import type { EditionDocument } from "../model/edition.js";
import type { TelegramOverrides } from "../model/telegram.js";
import { isDocument } from "./template-api.js";

/**
 * The document (the page's own by default) and the fields to override, from any of
 * `{% telegramHeader %}`, `{% telegramHeader doc %}`, `{% telegramHeader "precedence", "Flash" %}`
 * (field and value in pairs, in Liquid or Nunjucks), `{% telegramHeader doc, { precedence: "Flash" } %}`
 * or, in Nunjucks, `{% telegramHeader precedence="Flash" %}`.
 */
export function telegramArguments(
  args: readonly unknown[],
  pageDocument: EditionDocument | undefined,
): { doc: EditionDocument | undefined; overrides: TelegramOverrides } {
  let doc = pageDocument;
  const overrides: TelegramOverrides = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (isDocument(arg)) doc = arg;
    else if (typeof arg === "string") {
      if (i + 1 >= args.length) throw new Error(`telegramHeader: the field "${arg}" is given without a value`);
      overrides[arg as keyof TelegramOverrides] = args[++i];
    } else if (arg && typeof arg === "object") {
      const { __keywords: _keywords, ...fields } = arg as Record<string, unknown>;
      Object.assign(overrides, fields);
    }
  }
  return { doc, overrides };
}
