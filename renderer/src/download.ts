/** Saves bytes (base64, as core produces files) or a text through the browser's download. */
export function download(fileName: string, mimeType: string, content: { base64: string } | { text: string }): void {
  const bytes = 'base64' in content ? Uint8Array.from(atob(content.base64), (char) => char.charCodeAt(0)) : new TextEncoder().encode(content.text);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
