"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const tabs = [
  { href: "/team", label: "Members" },
  { href: "/team/templates", label: "Templates" },
  { href: "/team/permissions", label: "Permissions" },
  { href: "/team/sso", label: "Single sign-on" },
  { href: "/team/audit", label: "Audit log" },
];

export function TeamTabs() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Team sections"
      className="-mb-px flex flex-wrap gap-x-6 gap-y-1 border-b border-slate-200"
    >
      {tabs.map((tab) => {
        const active = tab.href === "/team" ? pathname === "/team" : pathname.startsWith(tab.href);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 px-1 py-2 text-sm font-medium ${active ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-700 hover:border-slate-400"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
