// Which files the wizard takes, and how it names their size.

/** CSV or XLSX by name: the server reads the bytes and refuses anything else with its own message. */
export function isImportFile(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name.trim());
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
