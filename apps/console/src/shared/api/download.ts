/**
 * Hands a fetched file to the browser as a download: an object URL on a transient link, clicked, then revoked (a
 * plain link to the API cannot carry the token, so the file is fetched first; shared/api/client.ts `download`).
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked a moment later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
