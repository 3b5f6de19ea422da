/** What an import did not map, counted by element and document, for the report. */
export interface UnmappedEntry {
  element: string;
  document: string;
  count: number;
}

/** The counts of one document (or of the header, the front, a part), added to the report when done. */
export class Unmapped {
  private readonly counts = new Map<string, number>();
  constructor(
    private readonly report: UnmappedEntry[],
    private readonly document: string,
  ) {}
  add(element: string): void {
    this.counts.set(element, (this.counts.get(element) ?? 0) + 1);
  }
  /** Adds the counts to the report, elements in code-point order. */
  done(document = this.document): void {
    for (const [element, count] of [...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      this.report.push({ element, document, count });
    this.counts.clear();
  }
}
