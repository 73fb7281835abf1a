// Small decisions of the media upload: the title a chosen file suggests.

/** '诚信海报-2024.final.png' → '诚信海报-2024.final': the name without its extension, or the whole name if that leaves nothing. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const title = (dot > 0 ? base.slice(0, dot) : base).trim();
  return title.slice(0, 200) || base.slice(0, 200);
}
