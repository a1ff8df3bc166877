import type { ProblemCode } from "@/lib/errors";

type Problem = {
  title: string;
  explanation: string;
  whatToDo: string;
  action?: { href: string; label: string };
};

const signInAgain = { href: "/sign-in", label: "Back to sign-in" };

// What each refusal says. Every page names what happened and what the reader can do next.
export const problems: Record<ProblemCode, Problem> = {
  "unknown-issuer": {
    title: "This Okta app isn't connected to a Teamline team",
    explanation:
      "The Okta tile or link you used either names an Okta org that no Teamline team is connected to, or names no Okta org at all.",
    whatToDo:
      "Ask your Okta admin to check the app's settings: the issuer Teamline stores must match your Okta org exactly. Your team's owner sees the expected values on the Single sign-on tab.",
    action: signInAgain,
  },
  "sso-not-enabled": {
    title: "Single sign-on is switched off for this team",
    explanation:
      "Your team has an Okta connection, but single sign-on isn't on: it hasn't been switched on yet, or the team's owner or Teamline support has switched it off for now.",
    whatToDo:
      "If you have a Teamline password, sign in with it. If you have always signed in through Okta, you have no password: ask your team's owner when single sign-on will be back on.",
    action: signInAgain,
  },
  "attempt-expired": {
    title: "This sign-in expired or was started elsewhere",
    explanation:
      "Teamline couldn't match Okta's answer to a sign-in started in this browser. Sign-ins expire after 15 minutes, and a sign-in link can't be reused in another browser.",
    whatToDo: "Start again from your Okta dashboard or from Teamline's sign-in page.",
    action: signInAgain,
  },
  "state-mismatch": {
    title: "This sign-in link was already used or doesn't belong to this browser",
    explanation:
      "Okta's answer didn't match the sign-in this browser started, so Teamline ignored it.",
    whatToDo: "Start again from your Okta dashboard or from Teamline's sign-in page.",
    action: signInAgain,
  },
  "okta-access-denied": {
    title: "Okta didn't let you into Teamline",
    explanation:
      "Okta refused the sign-in. Usually this means your Okta account isn't assigned to the Teamline app.",
    whatToDo:
      "Ask your Okta admin to assign you to the Teamline app in Okta (Applications → Teamline → Assignments), then try again.",
    action: signInAgain,
  },
  "okta-error": {
    title: "Okta couldn't complete the sign-in",
    explanation: "Okta answered with an error instead of signing you in.",
    whatToDo: "Try again. If it keeps happening, give your Okta admin the reference below.",
    action: signInAgain,
  },
  "okta-unreachable": {
    title: "Teamline couldn't reach your Okta org",
    explanation:
      "Okta didn't answer in time, or answered with something that isn't OpenID Connect.",
    whatToDo:
      "Wait a minute and try again. If Okta is up and this continues, your team's owner should check the issuer on the Single sign-on tab.",
    action: signInAgain,
  },
  "okta-client-refused": {
    title: "Okta refused this team's connection",
    explanation:
      "Okta signed you in, but refused the Client ID or Client secret your team's Teamline connection uses, so Teamline could not finish.",
    whatToDo:
      "Tell your team's owner or Teamline support: the Client ID and Client secret on the Single sign-on tab must be copied again from the app in Okta.",
    action: signInAgain,
  },
  "id-token-invalid": {
    title: "Okta's answer failed Teamline's security checks",
    explanation:
      "The identity token Okta sent didn't pass verification (signature, audience, issuer, expiry or nonce), so nobody was signed in.",
    whatToDo:
      "Try again from your Okta dashboard. If it fails again, give the reference below to your Okta admin or Teamline support: the client ID or issuer may be wrong, or a server clock may be off.",
    action: signInAgain,
  },
  "unsolicited-id-token": {
    title: "Okta sent a sign-in Teamline didn't ask for",
    explanation:
      "The Teamline app in Okta is set to “Send ID Token directly to app (Okta Simplified)”. Teamline only accepts sign-ins it starts itself.",
    whatToDo:
      "Okta admin: in the Teamline app's General settings, set Login flow to “Redirect to app to initiate login (OIDC Compliant)” and Login initiated by to “Either Okta or App”. Then click the tile again.",
    action: signInAgain,
  },
  "email-missing": {
    title: "Okta didn't share your email address",
    explanation:
      "Teamline needs your email to find or create your account, and Okta's answer had none.",
    whatToDo:
      "Ask your Okta admin to grant the app the email scope and make sure your Okta profile has an email.",
    action: signInAgain,
  },
  "wrong-domain": {
    title: "Your email isn't on this team's domain",
    explanation:
      "Teamline creates accounts through Okta only for addresses on the team's own email domain.",
    whatToDo:
      "Ask your team's owner to invite you, then sign in again. If your Okta email is wrong, ask your Okta admin to fix it.",
    action: signInAgain,
  },
  "member-of-another-team": {
    title: "Your account belongs to another team",
    explanation:
      "A Teamline account belongs to one team at a time, and yours is in a different team than the Okta app you used. Nothing was changed.",
    whatToDo:
      "Sign in to your own team instead, or ask its owner to remove you before joining this one. Support can help with the reference below.",
    action: signInAgain,
  },
  "sso-required": {
    title: "Your team signs in with Okta",
    explanation: "Once a team turns on single sign-on, Okta is the only way in.",
    whatToDo:
      "Click Teamline on your Okta dashboard, or enter your work email on the sign-in page to continue with Okta.",
    action: signInAgain,
  },
  "rate-limited": {
    title: "Too many attempts",
    explanation: "Teamline paused sign-ins from here for a short while to protect your account.",
    whatToDo: "Wait and try again.",
    action: signInAgain,
  },
  "not-signed-in": {
    title: "Sign in first",
    explanation: "This page needs you to be signed in.",
    whatToDo: "Sign in, then try again.",
    action: signInAgain,
  },
  "sign-in-failed": {
    title: "This sign-in didn't complete",
    explanation:
      "Teamline stopped the sign-in before it finished, so nobody was signed in. This happens when a sign-in page is opened again from the browser's history or from a copied link.",
    whatToDo: "Start again from Teamline's sign-in page or from your Okta dashboard.",
    action: signInAgain,
  },
  "sign-in-unavailable": {
    title: "Sign-in isn't working on our side",
    explanation:
      "Teamline couldn't complete the sign-in because of a problem with its own set-up. Nobody was signed in, and nothing you did caused it.",
    whatToDo:
      "Try again in a few minutes. If it keeps failing, tell Teamline support when it happened.",
    action: signInAgain,
  },
  "not-allowed": {
    title: "You can't open this page",
    explanation: "This page is for other people, such as Teamline support staff.",
    whatToDo: "Go back to your team.",
    action: { href: "/team", label: "Go to your team" },
  },
  "invite-invalid": {
    title: "This invite link doesn't work",
    explanation: "It may have been used already, expired, or been copied incompletely.",
    whatToDo: "Ask your team's owner for a new link.",
  },
  "invite-other-team": {
    title: "You already belong to another team",
    explanation: "A Teamline account belongs to one team at a time. Nothing was changed.",
    whatToDo: "Ask your current team's owner to remove you first, or use a different account.",
    action: { href: "/team", label: "Go to your team" },
  },
  "server-error": {
    title: "Something failed on our side",
    explanation: "Teamline hit an unexpected error and recorded it.",
    whatToDo:
      "Try again in a moment. If it keeps failing, contact support with the reference below.",
    action: signInAgain,
  },
};
