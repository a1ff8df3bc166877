import { BrowserError, ScriptedBrowser, type Visit } from "./browser";

// The journeys the benchmark times, as a browser makes them, hop by hop.

const FORM = { "content-type": "application/x-www-form-urlencoded" };

export type Person = { email: string; password: string };

/** An Okta user's browser that has signed in to the Okta dashboard once (not timed). */
export async function oktaSignedInBrowser(oktaUrl: string, person: Person, ip: string) {
  const browser = new ScriptedBrowser(ip);
  const visit = await browser.visit(`${oktaUrl}/login/login.htm`, {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ username: person.email, password: person.password }),
  });
  if (visit.response.status !== 200 || visit.url.pathname !== "/app/UserHome") {
    throw new BrowserError(`Okta dashboard sign-in failed for ${person.email}`, visit.hops);
  }
  return browser;
}

/**
 * Clicking the tile and landing signed in: the start URL (Teamline's Initiate login URI, or the
 * baseline's sign-in route), Okta's authorize endpoint, which answers at once for a browser with
 * an Okta session, the callback, and the signed-in page, whose HTML is read in full.
 */
export async function tileSignIn(browser: ScriptedBrowser, startUrl: string, landingPath: string) {
  // A fresh app session each time, as on another day; the Okta session stays.
  browser.jar.forget((name) => !name.startsWith("okta_"));

  const visit = await browser.visit(startUrl);
  if (visit.response.status !== 200 || visit.url.pathname !== landingPath) {
    throw new BrowserError(
      `sign-in ended at ${visit.url.pathname} (${visit.response.status})`,
      visit.hops,
    );
  }
  return visit;
}

/** The steps of a tile sign-in, named, with how long each took. */
export function signInSteps(visit: Visit, landingPath: string) {
  return visit.hops.map((hop, index) => {
    const path = hop.url.pathname;
    const step =
      index === 0
        ? "start"
        : path.endsWith("/authorize")
          ? "Okta authorize"
          : path.includes("/callback/")
            ? "callback"
            : path === landingPath
              ? "signed-in page"
              : path;
    return { step, ms: hop.ms };
  });
}
