/** Where a file beside a page goes in the output folder; never anywhere outside it. */
import path from "node:path";

/** `outputFile("/site/_site", "/editions/a/doc/", "document.xml")`, or undefined for a path that leaves the folder. */
export function outputFile(output: string, siteUrl: string, file: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(siteUrl);
  } catch {
    return undefined;
  }
  const root = path.resolve(output);
  const target = path.resolve(root, `.${decoded}`, file);
  return target.startsWith(root + path.sep) ? target : undefined;
}
