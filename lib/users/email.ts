import publicMailDomains from "email-providers/all.json";
import { z } from "zod";

const publicDomains = new Set<string>(publicMailDomains);

/** Emails are compared case-insensitively: this is the one form we store and look up. */
export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string) {
  return normalizeEmail(email).split("@").pop() ?? "";
}

/** Public mail providers (gmail.com and the like) cannot stand for one company's team. */
export function isPublicMailDomain(domain: string) {
  return publicDomains.has(domain.toLowerCase());
}

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@company.com."))
  .transform(normalizeEmail);
