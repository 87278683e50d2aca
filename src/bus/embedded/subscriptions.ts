/** Which consumers receive which event types. */
export class Subscriptions {
  readonly #byType = new Map<string, string[]>();

  add(consumer: string, types: readonly string[]): void {
    for (const type of types) {
      const consumers = this.#byType.get(type) ?? [];
      if (consumers.includes(consumer))
        throw new Error(`consumer ${consumer} is already subscribed to ${type}`);
      consumers.push(consumer);
      this.#byType.set(type, consumers);
    }
  }

  consumersOf = (type: string): readonly string[] => this.#byType.get(type) ?? [];
}
