/**
 * Results of a pure function of a short text, kept by text up to `limit` entries. Validation reads a
 * few hundred distinct periods and a handful of flag texts over millions of rows (see PeriodCache,
 * FlagCache). Results are frozen by the caller's function because every cell with that text shares one.
 */
export class TextMemo<T> {
  private readonly results = new Map<string, T>();

  constructor(
    private readonly compute: (text: string) => T,
    readonly limit: number,
  ) {}

  get(text: string): T {
    if (this.results.has(text)) return this.results.get(text)!;
    const result = this.compute(text);
    // V8 copies substrings this short instead of slicing the chunk they came from, so a key keeps no
    // chunk alive; longer texts are never periods or flags worth keeping.
    if (text.length <= MAX_KEPT_TEXT) {
      // Emptying when full keeps the bound without bookkeeping; a file with more distinct texts just computes more.
      if (this.results.size >= this.limit) this.results.clear();
      this.results.set(text, result);
    }
    return result;
  }

  get size(): number {
    return this.results.size;
  }
}

/** "2019-Q1" with room for stray spaces, or a dozen flag letters. */
const MAX_KEPT_TEXT = 12;
