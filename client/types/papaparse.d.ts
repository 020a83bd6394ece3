/**
 * The part of papaparse the dashboard uses: parsing a string in the browser. @types/papaparse
 * references Node's types (for its stream API), which would bring Node's globals into the client
 * project, so client/tsconfig.json resolves 'papaparse' here; the root project checks the same
 * calls against @types/papaparse.
 */
export interface ParseConfig {
  preview?: number;
  skipEmptyLines?: boolean | 'greedy';
  delimiter?: string;
}

export interface ParseError {
  type: string;
  code: string;
  message: string;
  row?: number;
}

export interface ParseResult<T> {
  data: T[];
  errors: ParseError[];
  meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean };
}

declare const Papa: { parse<T>(input: string, config?: ParseConfig): ParseResult<T> };
export default Papa;
