import Link from "next/link";
import type { ComponentProps } from "react";

const variants = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-300",
  secondary: "border border-slate-300 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
  link: "text-indigo-700 underline underline-offset-2 hover:text-indigo-900 px-0 py-0",
} as const;

type Variant = keyof typeof variants;

function classes(variant: Variant, extra?: string) {
  const base =
    variant === "link" ? "" : "inline-flex items-center justify-center rounded-md px-4 py-2";
  return [
    base,
    "text-sm font-medium transition-colors disabled:cursor-not-allowed",
    variants[variant],
    extra,
  ]
    .filter(Boolean)
    .join(" ");
}

export function Button({
  variant = "primary",
  className,
  ...props
}: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={classes(variant, className)} {...props} />;
}

export function ButtonLink({
  variant = "primary",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={classes(variant, className)} {...props} />;
}
