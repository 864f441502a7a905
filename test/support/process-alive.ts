/** Whether a process still exists (signal 0 checks without signalling): a stopped job's script must be gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
