import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Fraud Console", template: "%s · Fraud Console" },
  description: "Fraud review and SageMaker model operations",
  robots: { index: false, follow: false },
};

/**
 * Every page renders per request: proxy.ts gives each response a fresh CSP nonce that Next stamps
 * on its scripts while rendering, and a page prerendered at build time (the not-found page would
 * be) has scripts without it, which the policy blocks.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
