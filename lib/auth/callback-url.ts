/**
 * Return targets after sign-in. Only paths on this site qualify: "//evil.example" and
 * "/\evil.example" are read by browsers as another host.
 */
export function isLocalPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
}

/** A safe return target: the given path when local, otherwise the console's home. */
export function safeCallbackUrl(value: string | null | undefined, fallback = "/"): string {
  return value && isLocalPath(value) ? value : fallback;
}

export function signInPath(callbackUrl?: string): string {
  return callbackUrl && isLocalPath(callbackUrl) ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin";
}
