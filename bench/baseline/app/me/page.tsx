import { redirect } from "next/navigation";

import { auth } from "../../auth";

export default async function SignedInPage() {
  const session = await auth();
  if (!session?.user) redirect("/start");

  return (
    <main>
      <h1>Signed in</h1>
      <p>{session.user.email}</p>
    </main>
  );
}
