/**
 * A value that changes over time and tells who listens. Notebook cells turn one into a reactive value
 * with `Generators.observe((notify) => signal.subscribe(notify))`.
 */
export interface Signal<T> {
  get(): T;
  set(value: T): void;
  /** Calls `listener` now with the current value, then on every change; returns the unsubscribe. */
  subscribe(listener: (value: T) => void): () => void;
}

export function signal<T>(initial: T): Signal<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      listener(value);
      return () => listeners.delete(listener);
    },
  };
}
