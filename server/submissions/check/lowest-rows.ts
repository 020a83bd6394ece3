/** Keeps the `limit` entries with the lowest file rows (the report lists problems in file order) and counts the rest. */
export class LowestRows<T> {
  private readonly kept: { row: number; entry: T }[] = [];
  unlisted = 0;

  constructor(private readonly limit: number) {}

  add(row: number, entry: T): void {
    const kept = this.kept;
    if (kept.length === this.limit && (this.limit === 0 || row >= kept[kept.length - 1]!.row)) {
      this.unlisted++;
      return;
    }
    let at = kept.length;
    while (at > 0 && kept[at - 1]!.row > row) at--;
    kept.splice(at, 0, { row, entry });
    if (kept.length > this.limit) {
      kept.pop();
      this.unlisted++;
    }
  }

  listed(): T[] {
    return this.kept.map((k) => k.entry);
  }
}
