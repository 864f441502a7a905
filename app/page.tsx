import { redirect } from "next/navigation";
import { homePathFor } from "@/components/shell/nav-items";
import { requireSession } from "@/lib/http/require-session";

/** "/" opens the first screen the user's role may see. */
export default async function HomePage() {
  const user = await requireSession({ callbackUrl: "/" });
  redirect(homePathFor(user.role));
}
