import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { normalizeEmail } from "@/lib/users/email";

/** Creates a support staff account, or makes an existing account staff with a new password. */
export async function upsertStaffAccount(input: { email: string; name: string; password: string }) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.user.upsert({
    where: { email },
    create: { email, name: input.name, passwordHash, isStaff: true },
    update: { passwordHash, isStaff: true },
    select: { id: true, email: true },
  });
}
