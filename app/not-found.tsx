import { ButtonLink } from "@/components/ui/button";
import { Card, NarrowPage } from "@/components/ui/card";

export default function NotFound() {
  return (
    <NarrowPage>
      <Card className="space-y-4">
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="text-sm text-slate-800">
          There is no page at this address. Check the link, or start from your team.
        </p>
        <ButtonLink href="/">Home</ButtonLink>
      </Card>
    </NarrowPage>
  );
}
