/**
 * Hands a file from the backend to the user: a Blob behind an <a download> click. Browsers save it to the
 * downloads folder; Electron shows its native save dialog.
 */
import { base64ToBytes } from '../../../core/api/base64';
import type { FileDownload } from '../../../core/api/contract';

export function downloadFile(file: FileDownload, type = 'application/octet-stream'): void {
  const bytes = base64ToBytes(file.data);
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
