import type { Metadata } from "next";

import { Card } from "@/components/ui/card";
import { requireTeamContext } from "@/lib/teams/team-context";
import { listVisibleTemplates } from "@/lib/templates/templates";

import { TemplateForm } from "./template-form";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage() {
  const ctx = await requireTeamContext();
  const templates = await listVisibleTemplates(ctx);

  return (
    <div className="grid gap-6 md:grid-cols-[1fr_20rem]">
      <section aria-labelledby="templates-heading" className="space-y-4">
        <h2 id="templates-heading" className="text-xl font-semibold">
          Email templates
        </h2>
        {templates.length === 0 ? (
          <p className="text-sm text-slate-700">No templates you can see yet.</p>
        ) : (
          <ul className="space-y-3" aria-label="Templates">
            {templates.map((template) => (
              <li key={template.id}>
                <Card>
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="font-semibold">{template.name}</h3>
                    <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-800">
                      {template.visibility === "PUBLIC" ? "Public" : "Private"} · by{" "}
                      {template.author.name}
                    </span>
                  </div>
                  <p className="mt-1 text-sm text-slate-800">Subject: {template.subject}</p>
                  <p className="mt-2 whitespace-pre-wrap text-sm text-slate-700">{template.body}</p>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Card className="h-fit space-y-3">
        <h2 className="text-lg font-semibold">New template</h2>
        <p className="text-sm text-slate-700">
          New templates are{" "}
          {ctx.team.defaultVisibility === "PUBLIC"
            ? "visible to the whole team"
            : "private to you and the team's managers"}
          .
        </p>
        <TemplateForm />
      </Card>
    </div>
  );
}
