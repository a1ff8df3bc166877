import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// Two defects of @electric-sql/pglite-socket 0.1.6 make a pooled client get another query's rows
// or errors; the end-to-end suite met both (a page rendering a users row as a membership, "bind
// message supplies 2 parameters, but prepared statement "" requires 3").
//
// 1. The server queues single protocol messages, so the Parse/Bind/Execute/Sync of two
//    connections interleave and one binds the other's unnamed statement
//    (electric-sql/pglite#1046; fix proposed in electric-sql/pglite#977).
// 2. After an error inside such a batch PGlite sends ReadyForQuery twice, once with the error and
//    once at Sync (electric-sql/pglite#958); node-postgres ends the *next* query at the second,
//    and from then on every query on that connection receives the previous one's result.
//
// TODO: delete this file once pglite-socket keeps a batch together until Sync and PGlite answers a
// failed batch with one ReadyForQuery (#1046 and #958 fixed, dependencies upgraded).

const SYNC = 0x53; // S
// Parse, Bind, Describe, Execute, Close, Flush: the messages of a batch before its Sync.
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]);
const ERROR_RESPONSE = 0x45; // E, from the server
const READY_FOR_QUERY = 0x5a; // Z

type Queued = {
  handlerId: number;
  message: Uint8Array;
  resolve: (size: number) => void;
  reject: (error: Error) => void;
  onData: (data: Uint8Array) => void;
};

type Enqueue = (
  handlerId: number,
  message: Uint8Array,
  onData: (data: Uint8Array) => void,
) => Promise<number>;

// The private shape of pglite-socket's QueryQueueManager that this file relies on.
type QueryQueue = {
  queue: Queued[];
  processing: boolean;
  lastHandlerId: number | null;
  db: PGlite;
  enqueue: Enqueue;
  processQueue: () => Promise<void>;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

function queryQueueOf(server: PGLiteSocketServer): QueryQueue {
  const queue = (server as unknown as { queryQueue?: Partial<QueryQueue> }).queryQueue;
  const expected = ["enqueue", "processQueue", "clearTransactionIfNeeded"] as const;
  if (!queue || !Array.isArray(queue.queue) || expected.some((m) => typeof queue[m] !== "function"))
    throw new Error(
      "@electric-sql/pglite-socket changed: review lib/db/patch-pglite-socket-server.ts",
    );
  return queue as QueryQueue;
}

/** Runs one connection's batch, up to its Sync, before any other connection's message. */
function keepBatchesTogether(queue: QueryQueue) {
  let openBatch: number | null = null;

  queue.processQueue = async function processQueue() {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        const owner = openBatch ?? (queue.db.isInTransaction() ? queue.lastHandlerId : null);
        const index = owner === null ? 0 : queue.queue.findIndex((q) => q.handlerId === owner);
        // The owner's next message has not arrived yet; its enqueue restarts the loop.
        if (index === -1) break;
        const [query] = queue.queue.splice(index, 1) as [Queued];

        let size = 0;
        try {
          await queue.db.runExclusive(() =>
            queue.db.execProtocolRawStream(query.message, {
              onRawData: (data) => {
                size += data.length;
                query.onData(data);
              },
            }),
          );
        } catch (error) {
          // The connection fails and is detached; the other connections go on.
          if (openBatch === query.handlerId) openBatch = null;
          query.reject(error as Error);
          continue;
        }

        const type = query.message[0]!;
        if (EXTENDED.has(type)) openBatch = query.handlerId;
        else if (type === SYNC && openBatch === query.handlerId) openBatch = null;
        queue.lastHandlerId = query.handlerId;
        query.resolve(size);
      }
    } finally {
      queue.processing = false;
    }
  };

  const clearTransactionIfNeeded = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async (handlerId) => {
    if (openBatch === handlerId) openBatch = null;
    await clearTransactionIfNeeded(handlerId);
    await queue.processQueue();
  };
}

/** The backend messages in `output`, as [type, start, end]. */
function serverMessages(output: Buffer) {
  const messages: [type: number, start: number, end: number][] = [];
  let offset = 0;
  while (offset + 5 <= output.length) {
    const end = offset + 1 + output.readInt32BE(offset + 1);
    messages.push([output[offset]!, offset, end]);
    offset = end;
  }
  return messages;
}

/** Ends a failed batch as PostgreSQL does: the error, nothing more until Sync, one ReadyForQuery. */
function endFailedBatchesAtSync(queue: QueryQueue) {
  const enqueue = queue.enqueue.bind(queue);
  const failedBatches = new Set<number>();

  queue.enqueue = async (handlerId, message, onData) => {
    const type = message[0]!;
    if (!EXTENDED.has(type)) {
      if (type === SYNC) failedBatches.delete(handlerId);
      return enqueue(handlerId, message, onData);
    }
    if (failedBatches.has(handlerId)) return 0;

    const chunks: Uint8Array[] = [];
    const size = await enqueue(handlerId, message, (data) => chunks.push(data));
    let output = Buffer.concat(chunks);
    const messages = serverMessages(output);
    if (messages.some(([kind]) => kind === ERROR_RESPONSE)) {
      failedBatches.add(handlerId);
      output = Buffer.concat(
        messages
          .filter(([kind]) => kind !== READY_FOR_QUERY)
          .map(([, start, end]) => output.subarray(start, end)),
      );
    }
    if (output.length) onData(output);
    return size;
  };
}

/** Makes the socket server safe for several connections at once (see the top of this file). */
export function patchPgliteSocketServer(server: PGLiteSocketServer) {
  const queue = queryQueueOf(server);
  keepBatchesTogether(queue);
  endFailedBatchesAtSync(queue);
}
