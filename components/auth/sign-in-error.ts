/**
 * next-auth's error codes as people should read them. A bad e-mail and a bad password read the
 * same on purpose.
 */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === "CredentialsSignin") return "Incorrect e-mail or password.";
  if (code === "SessionRequired") return "Please sign in to continue.";
  return "Sign-in failed. Try again, or ask your administrator to check your access.";
}
