-- An address has at most one unaccepted invitation per team; inviting it again renews that one
-- (lib/teams/invitations.ts). Duplicates made before this migration are removed first, keeping
-- the newest of each: the older links stop working, as a renewal would have made them.
DELETE FROM "invitations" AS "older"
USING "invitations" AS "newer"
WHERE "older"."team_id" = "newer"."team_id"
  AND "older"."email" = "newer"."email"
  AND "older"."accepted_at" IS NULL
  AND "newer"."accepted_at" IS NULL
  AND ("older"."created_at", "older"."id") < ("newer"."created_at", "newer"."id");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_team_id_email_open_key" ON "invitations"("team_id", "email") WHERE ("accepted_at" IS NULL);
