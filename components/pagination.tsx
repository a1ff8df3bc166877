import Link from "next/link";

/** Previous and next links for a list split into pages, as `path?page=N` beside any `query`. */
export function Pagination({
  label,
  path,
  page,
  pageCount,
  query = {},
}: {
  label: string;
  path: string;
  page: number;
  pageCount: number;
  query?: Record<string, string>;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  const href = (target: number) => {
    const search = new URLSearchParams(query);
    if (target > 1) search.set("page", String(target));
    return search.size ? `${path}?${search}` : path;
  };
  const linkClass = "text-indigo-700 underline";

  return (
    <nav aria-label={label} className="flex items-center gap-4 text-sm text-slate-700">
      {page > 1 ? (
        <Link href={href(Math.min(page - 1, pageCount))} className={linkClass} rel="prev">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
