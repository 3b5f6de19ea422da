// The parts of citation-js the tests use (it ships no type declarations).
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(type: string, options?: Record<string, unknown>): string;
  }
  export const plugins: { config: { get(name: string): { styles: { add(name: string, xml: string): void } } } };
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
