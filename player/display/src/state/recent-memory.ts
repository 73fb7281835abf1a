// What the display remembers per list item between its appearances (how far a scroll got): the
// most recently set entries only, so a kiosk running for months cannot grow it.

export class RecentMemory<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    // Re-inserted so Map order is recency order: the first key is the least recently set.
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
