import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { sealSecret } from "@/lib/sso/secret-box";
import { upsertStaffAccount } from "@/lib/users/staff";

// Demo and end-to-end data: Acme signs in with Okta (the stand-in's org issuer), Globex signs in
// with passwords, and a support account. Running it twice changes nothing.

export const SEED_PASSWORD = "Teamline-demo-1";
export const STAFF_LOGIN = { email: "support@teamline.test", password: "Support-demo-1" };

export type SeedOptions = {
  acme: { issuer: string; clientId: string; clientSecret: string };
};

async function ensureUser(email: string, name: string) {
  return db.user.upsert({
    where: { email },
    create: { email, name, passwordHash: await hashPassword(SEED_PASSWORD) },
    update: {},
    select: { id: true },
  });
}

async function ensureTeam(input: {
  name: string;
  slug: string;
  domain: string;
  ownerEmail: string;
  ownerName: string;
}) {
  const existing = await db.team.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };

  const owner = await ensureUser(input.ownerEmail, input.ownerName);
  const team = await db.team.create({
    data: {
      name: input.name,
      slug: input.slug,
      domain: input.domain,
      teamEdition: true,
      defaultVisibility: "PRIVATE",
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  return { id: team.id, ownerId: owner.id, created: true };
}

export async function seed(options: SeedOptions) {
  await upsertStaffAccount({ ...STAFF_LOGIN, name: "Sam Support" });

  const acme = await ensureTeam({
    name: "Acme",
    slug: "acme",
    domain: "acme.example",
    ownerEmail: "olivia@acme.example",
    ownerName: "Olivia Owens",
  });
  if (acme.created) {
    const maria = await ensureUser("maria@acme.example", "Maria Garcia");
    await db.membership.create({ data: { userId: maria.id, teamId: acme.id, role: "MEMBER" } });
    await db.template.createMany({
      data: [
        {
          teamId: acme.id,
          authorId: acme.ownerId!,
          name: "Welcome",
          subject: "Welcome to Acme",
          body: "Hi {{first_name}},\n\nGreat to have you with us.",
          visibility: "PUBLIC",
        },
        {
          teamId: acme.id,
          authorId: maria.id,
          name: "Follow-up",
          subject: "Following up",
          body: "Hi {{first_name}},\n\nJust checking in.",
          visibility: "PRIVATE",
        },
      ],
    });
    await db.ssoConnection.create({
      data: {
        teamId: acme.id,
        issuer: options.acme.issuer,
        clientId: options.acme.clientId,
        clientSecret: sealSecret(options.acme.clientSecret),
        secretLast4: options.acme.clientSecret.slice(-4),
        enabled: true,
        testedAt: new Date(),
      },
    });
  }

  await ensureTeam({
    name: "Globex",
    slug: "globex",
    domain: "globex.example",
    ownerEmail: "bob@globex.example",
    ownerName: "Bob Stone",
  });
}
