/** BCP 47 language tags, checked and named through the ICU data that ships with Node. */

export const LANGUAGE_EXPECTED =
  'a BCP 47 language tag for a known language (for example "zh", "zh-Hans", "en", "vi", "ru")';

const displayNames = new Map<string, Intl.DisplayNames>();

function namesIn(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
    displayNames.set(locale, names);
  }
  return names;
}

const known = new Map<string, boolean>();

/** True when the tag is well formed and its language is one ICU can name (asked once per tag). */
export function isKnownLanguage(tag: unknown): tag is string {
  if (typeof tag !== "string" || tag.trim() !== tag || tag === "") return false;
  let answer = known.get(tag);
  if (answer === undefined) {
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      answer = canonical !== undefined && namesIn("en").of(canonical) !== undefined;
    } catch {
      answer = false;
    }
    known.set(tag, answer);
  }
  return answer;
}

const names = new Map<string, string>();

/** "Chinese" for "zh" in English, "chinois" in French; the tag itself if ICU has no name. */
export function languageName(tag: string, locale: string): string {
  const key = `${locale} ${tag}`;
  let name = names.get(key);
  if (name === undefined) {
    try {
      name = namesIn(locale).of(tag) ?? tag;
    } catch {
      name = tag;
    }
    names.set(key, name);
  }
  return name;
}
