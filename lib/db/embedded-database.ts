import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { Client } from "pg";

import { patchPgliteSocketServer } from "@/lib/db/patch-pglite-socket-server";
import { applyMigrations } from "@/lib/db/migrations";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export function embeddedDatabaseUrl(port: number) {
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

function isPortInUse(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * Serves an embedded PostgreSQL (PGlite) over the wire protocol on 127.0.0.1:port, with its data
 * in `dir`, and brings its schema up to date. When something already listens on the port (another
 * app instance on the same machine started it), that server is used as it is.
 */
export async function startEmbeddedDatabase(options: {
  dir: string;
  port: number;
}): Promise<EmbeddedDatabase> {
  const url = embeddedDatabaseUrl(options.port);
  if (await isPortInUse(options.port)) {
    return { url, stop: async () => {} };
  }

  const dataDir = path.resolve(options.dir);
  await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  // PGlite runs one query at a time; the socket server queues connections' queries and keeps a
  // transaction on the connection that opened it.
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port: options.port,
    maxConnections: 64,
  });
  patchPgliteSocketServer(server);
  await server.start();

  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await applyMigrations(client);
  } finally {
    await client.end();
  }

  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
