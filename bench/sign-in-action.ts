import { readFile } from "node:fs/promises";

// The email step of the sign-in page is a server action. A browser calls it with a POST to the
// page carrying the action's id and React's encoding of its arguments; this builds that request
// so a script (or autocannon) can send exactly what Chromium sends.

type ServerReferenceManifest = {
  node: Record<string, { filename: string; exportedName: string }>;
};

/** The action's id, from the build's server reference manifest. */
export async function signInActionId(distDir: string): Promise<string> {
  const file = `${distDir}/server/server-reference-manifest.json`;
  const manifest = JSON.parse(await readFile(file, "utf8")) as ServerReferenceManifest;
  const found = Object.entries(manifest.node).find(
    ([, entry]) =>
      entry.filename === "app/sign-in/actions.ts" && entry.exportedName === "signInAction",
  );
  if (!found) throw new Error(`signInAction is not in ${file}`);
  return found[0];
}

// The router state of /sign-in, as the client sends it with every action call.
const SIGN_IN_ROUTER_STATE = [
  "",
  { children: ["sign-in", { children: ["__PAGE__", {}, null, null] }, null, null] },
  null,
  null,
  true,
];

/**
 * `signInAction(previousState, formData)` with the email typed in: React sends the arguments as
 * multipart form data, the form's fields prefixed with `_1_`, the part that `$K1` refers to.
 */
export async function emailStepRequest(appUrl: string, actionId: string, email: string) {
  const form = new FormData();
  // The parts come before the root ("0"), in the order React writes them.
  form.append("_1_email", email);
  form.append("0", JSON.stringify([{ ok: false, step: "email" }, "$K1"]));
  const encoded = new Response(form);

  return {
    method: "POST",
    path: "/sign-in",
    headers: {
      "content-type": encoded.headers.get("content-type") ?? "",
      accept: "text/x-component",
      "next-action": actionId,
      "next-router-state-tree": encodeURIComponent(JSON.stringify(SIGN_IN_ROUTER_STATE)),
      origin: appUrl,
    },
    body: Buffer.from(await encoded.arrayBuffer()),
  };
}
