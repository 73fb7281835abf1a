// The image and video formats a screen plays, recognised by their first bytes rather than by a file name or a browser's claim.

export const MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'video/mp4', 'video/webm'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export type MediaKind = 'image' | 'video';

export function mediaKindOf(type: MediaType): MediaKind {
  return type.startsWith('video/') ? 'video' : 'image';
}

/** Bytes a sniff needs: the longest signature below ends at offset 12. */
export const MEDIA_SNIFF_BYTES = 16;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean => signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * PNG, JPEG and WebP by their signatures; MP4 by its leading 'ftyp' box; WebM by the EBML magic
 * (Matroska shares it, and Chromium plays the codecs WebM allows from either). Anything else is
 * refused: a renamed .exe or an HTML page must never reach a public screen.
 */
export function sniffMediaType(head: Uint8Array): MediaType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('ftyp'), 4)) return 'video/mp4';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  return null;
}
