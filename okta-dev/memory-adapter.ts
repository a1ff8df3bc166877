import type { Adapter, AdapterPayload } from "oidc-provider";

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const PRUNE_EVERY_WRITES = 500;

// Outlives provider instances: rotating keys rebuilds a provider, and sessions, grants and codes
// must survive that, as they do at Okta.
export class MemoryStore {
  readonly #entries = new Map<string, Entry>();
  readonly #index = new Map<string, Set<string>>();
  #writes = 0;

  get(key: string): AdapterPayload | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresIn?: number): void {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
    this.#entries.set(key, { payload, expiresAt });

    this.#writes += 1;
    if (this.#writes % PRUNE_EVERY_WRITES === 0) this.#prune();
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }

  addToIndex(indexKey: string, key: string): void {
    const keys = this.#index.get(indexKey) ?? new Set<string>();
    keys.add(key);
    this.#index.set(indexKey, keys);
  }

  takeIndex(indexKey: string): string[] {
    const keys = [...(this.#index.get(indexKey) ?? [])];
    this.#index.delete(indexKey);
    return keys;
  }

  #prune(): void {
    const now = Date.now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
    for (const [indexKey, keys] of this.#index) {
      for (const key of keys) if (!this.#entries.has(key)) keys.delete(key);
      if (keys.size === 0) this.#index.delete(indexKey);
    }
  }
}

type ClientLookup = (clientId: string) => AdapterPayload | undefined;

// Builds oidc-provider's adapter factory over a store; clients come from the app directory so
// that apps added while running are seen at once.
export function memoryAdapter(store: MemoryStore, findClient: ClientLookup) {
  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;

    return {
      async upsert(id, payload, expiresIn) {
        store.set(key(id), payload, expiresIn);
        if (payload.grantId) store.addToIndex(`grant:${payload.grantId}`, key(id));
        if (payload.uid) store.set(`sessionUid:${payload.uid}`, { id }, expiresIn);
      },
      async find(id) {
        return model === "Client" ? findClient(id) : store.get(key(id));
      },
      async findByUid(uid) {
        const pointer = store.get(`sessionUid:${uid}`);
        return typeof pointer?.id === "string" ? store.get(key(pointer.id)) : undefined;
      },
      async findByUserCode() {
        return undefined;
      },
      async consume(id) {
        const payload = store.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        store.delete(key(id));
      },
      async revokeByGrantId(grantId) {
        for (const entryKey of store.takeIndex(`grant:${grantId}`)) store.delete(entryKey);
      },
    };
  };
}

export function sessionAccountId(store: MemoryStore, sessionId: string): string | undefined {
  const accountId = store.get(`Session:${sessionId}`)?.accountId;
  return typeof accountId === "string" ? accountId : undefined;
}
