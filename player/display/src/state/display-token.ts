// Reads the per-boot token the player core put in the kiosk URL (?token=...).

export function readDisplayToken(search: string): string {
  return new URLSearchParams(search).get('token') ?? '';
}
