/**
 * The cursors of a list walk's last `size` pages, by fingerprint: what a loop check needs,
 * in memory that does not grow with the walk or with the cursors' length. A cursor seen
 * again within the window is found; a loop longer than the window is left to `maxPages`.
 */
export class RecentCursors {
  readonly #order: number[] = [];
  readonly #counts = new Map<number, number>();
  #next = 0;

  constructor(readonly size: number) {}

  has(cursor: string): boolean {
    return this.#counts.has(fingerprint(cursor));
  }

  add(cursor: string): void {
    const print = fingerprint(cursor);
    if (this.#order.length === this.size) {
      const old = this.#order[this.#next] as number;
      const left = (this.#counts.get(old) ?? 1) - 1;
      if (left === 0) this.#counts.delete(old);
      else this.#counts.set(old, left);
    }
    this.#order[this.#next] = print;
    this.#next = (this.#next + 1) % this.size;
    this.#counts.set(print, (this.#counts.get(print) ?? 0) + 1);
  }
}

/**
 * 53 bits of two FNV-1a passes (different offsets) over the UTF-16 code units: two walks'
 * distinct cursors share one with a chance near 2^-53, so a false "seen before" (which
 * would end a list early) is out of reach for any walk `maxPages` allows.
 */
function fingerprint(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x6b43a9b5;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
