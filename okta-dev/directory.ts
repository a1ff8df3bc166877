import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";

import { z } from "zod";

export const issuerKeys = ["org", "default"] as const;
export type IssuerKey = (typeof issuerKeys)[number];

export const oktaUserSchema = z.object({
  id: z
    .string()
    .regex(/^[0-9A-Za-z]+$/, "Okta ids are letters and digits, e.g. 00u1a2b3c4d5e6f7g8h9"),
  email: z.email(),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  password: z.string().min(1),
});
export type OktaUser = z.infer<typeof oktaUserSchema>;

export const newOktaUserSchema = oktaUserSchema.partial({ id: true });
export type NewOktaUser = z.input<typeof newOktaUserSchema>;

export const oktaAppSchema = z.object({
  label: z.string().min(1),
  clientId: z.string().min(1),
  // null makes a public client, which must use PKCE and has no secret.
  clientSecret: z.string().min(1).nullable(),
  issuer: z.enum(issuerKeys),
  redirectUris: z.array(z.url()).min(1),
  postLogoutRedirectUris: z.array(z.url()).default([]),
  initiateLoginUri: z.url().optional(),
  initiateMethod: z.enum(["GET", "POST"]).default("GET"),
  assignedUsers: z.array(z.string()).default([]),
});
export type OktaApp = z.infer<typeof oktaAppSchema>;

export const newOktaAppSchema = oktaAppSchema.partial({ clientId: true, clientSecret: true });
export type NewOktaApp = z.input<typeof newOktaAppSchema>;

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomAlphanumeric(length: number): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("");
}

// Okta ids are a three-character type prefix ("00u" users, "0oa" apps) and 17 more characters.
export function oktaId(prefix: "00u" | "0oa"): string {
  return prefix + randomAlphanumeric(17);
}

export function clientSecret(): string {
  return randomAlphanumeric(40);
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export class Directory {
  readonly #users = new Map<string, OktaUser>();
  readonly #apps = new Map<string, OktaApp>();

  addUser(input: NewOktaUser): OktaUser {
    const user = oktaUserSchema.parse({ ...input, id: input.id ?? oktaId("00u") });
    if (this.#users.has(user.id)) throw new Error(`A user with id ${user.id} already exists.`);
    if (this.findUserByUsername(user.email)) {
      throw new Error(`A user with email ${user.email} already exists.`);
    }

    this.#users.set(user.id, user);
    return user;
  }

  // Validates and completes an app without storing it, so the caller can check it first.
  prepareApp(input: NewOktaApp): OktaApp {
    const app = oktaAppSchema.parse({
      ...input,
      clientId: input.clientId ?? oktaId("0oa"),
      clientSecret: input.clientSecret === undefined ? clientSecret() : input.clientSecret,
    });
    if (this.#apps.has(app.clientId)) {
      throw new Error(`An app with client id ${app.clientId} already exists.`);
    }
    return app;
  }

  storeApp(app: OktaApp): void {
    this.#apps.set(app.clientId, app);
  }

  getUser(id: string): OktaUser | undefined {
    return this.#users.get(id);
  }

  findUserByUsername(username: string): OktaUser | undefined {
    const wanted = username.trim().toLowerCase();
    return [...this.#users.values()].find((user) => user.email.toLowerCase() === wanted);
  }

  authenticate(username: string, password: string): OktaUser | undefined {
    const user = this.findUserByUsername(username);
    return user && sameSecret(password, user.password) ? user : undefined;
  }

  get users(): OktaUser[] {
    return [...this.#users.values()];
  }

  get apps(): OktaApp[] {
    return [...this.#apps.values()];
  }

  getApp(clientId: string): OktaApp | undefined {
    return this.#apps.get(clientId);
  }

  appsAssignedTo(userId: string): OktaApp[] {
    return this.apps.filter((app) => app.assignedUsers.includes(userId));
  }

  isAssigned(clientId: string, userId: string): boolean {
    return this.getApp(clientId)?.assignedUsers.includes(userId) ?? false;
  }
}

export function clientMetadata(app: OktaApp): Record<string, unknown> {
  return {
    client_id: app.clientId,
    ...(app.clientSecret === null ? {} : { client_secret: app.clientSecret }),
    client_name: app.label,
    redirect_uris: app.redirectUris,
    post_logout_redirect_uris: app.postLogoutRedirectUris,
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: app.clientSecret === null ? "none" : "client_secret_basic",
  };
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, "utf8"));
}

export async function readUsersFile(path: string): Promise<NewOktaUser[]> {
  return z.array(newOktaUserSchema).parse(await readJson(path));
}

export async function readAppsFile(path: string): Promise<NewOktaApp[]> {
  return z.array(newOktaAppSchema).parse(await readJson(path));
}
