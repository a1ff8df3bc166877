import { signIn } from "../../auth";

// Starts a sign-in with one GET, as Teamline's Initiate login URI does.
export async function GET() {
  await signIn("okta", { redirectTo: "/me" });
}
