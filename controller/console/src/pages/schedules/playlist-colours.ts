// One colour per playlist for the week calendar, stable for a given list of playlists. Red is left
// out: the calendar keeps it for conflicts.

const PALETTE = ['#1677ff', '#389e0d', '#d46b08', '#722ed1', '#08979c', '#c41d7f', '#1d39c4', '#7cb305', '#d48806', '#595959'] as const;

/** Colours in the order the playlists are given (their creation order), cycling past ten. */
export function playlistColours(playlistIds: readonly string[]): Map<string, string> {
  return new Map(playlistIds.map((id, index) => [id, PALETTE[index % PALETTE.length] as string]));
}

/** The colour at 12 % strength on white, for a block's fill under its text. */
export function tint(hex: string, alpha = 0.12): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}
