import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";

import { getCurrentUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/app/sign-out-action";
import { Button } from "@/components/ui/button";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Teamline", template: "%s · Teamline" },
  description: "Your team's workspace, signed in through Okta.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();

  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <nav
            aria-label="Main"
            className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3"
          >
            <Link href="/" className="text-lg font-semibold text-indigo-800">
              Teamline
            </Link>
            {user ? (
              <div className="flex flex-wrap items-center gap-4 text-sm">
                {user.isStaff ? (
                  <Link
                    href="/staff"
                    className="text-indigo-700 underline-offset-2 hover:underline"
                  >
                    Support console
                  </Link>
                ) : null}
                <Link href="/team" className="text-indigo-700 underline-offset-2 hover:underline">
                  Team
                </Link>
                <span className="text-slate-600">{user.email}</span>
                <form action={signOutAction}>
                  <Button variant="secondary" type="submit">
                    Sign out
                  </Button>
                </form>
              </div>
            ) : (
              <div className="flex items-center gap-4 text-sm">
                <Link
                  href="/sign-in"
                  className="text-indigo-700 underline-offset-2 hover:underline"
                >
                  Sign in
                </Link>
                <Link
                  href="/register"
                  className="text-indigo-700 underline-offset-2 hover:underline"
                >
                  Create account
                </Link>
              </div>
            )}
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
