import { db } from "@/lib/db";
import { isSealedWithRetiredKey, openSecret, sealSecret } from "@/lib/sso/secret-box";

/** Seals every client secret still sealed with a retired key again with the current key. */
export async function reencryptClientSecrets() {
  const rows = await db.ssoConnection.findMany({ select: { id: true, clientSecret: true } });
  let resealed = 0;
  for (const row of rows) {
    if (!isSealedWithRetiredKey(row.clientSecret)) continue;
    await db.ssoConnection.update({
      where: { id: row.id },
      data: { clientSecret: sealSecret(openSecret(row.clientSecret)) },
    });
    resealed += 1;
  }
  return { total: rows.length, resealed };
}
