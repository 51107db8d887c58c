/**
 * The join link as a QR code (SVG). The create response carries one from the server; the public
 * workshop info does not, so pages opened later draw it here with the same `qrcode` package the
 * server uses (loaded only when needed).
 */
import { readJson, storageKey } from './local-store';

export async function joinQrSvg(code: string, joinUrl: string): Promise<string> {
  const fromServer = readJson<{ joinUrl?: string; qrSvg?: string }>(storageKey(code, 'info'));
  if (fromServer?.qrSvg && fromServer.joinUrl === joinUrl) return fromServer.qrSvg;
  const QRCode = await import('qrcode');
  return QRCode.toString(joinUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#10243e', light: '#ffffff' } });
}

/** An SVG string made from the join link (never from user text) as a DOM node. */
export function svgElement(markup: string): Element {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName.toLowerCase() !== 'svg') return document.createElement('span');
  root.removeAttribute('width');
  root.removeAttribute('height');
  root.setAttribute('role', 'img');
  return document.importNode(root, true);
}
