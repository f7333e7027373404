/**
 * Where lesson images may come from and how they are sent: one file directly inside the
 * course's media/ folder, with a name the media route accepts and a type it can label safely.
 * Shared by content:check, the lesson renderer and /media/<course>/<file>. Pure, no I/O.
 */

/** Image types served from media/, by extension: nothing a browser would run or sniff as HTML. */
export const mediaTypes: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
};

/** A media file name: letters, digits, `_` and `-`, one dot, a known image extension. No folders. */
export function isMediaFileName(name: string): boolean {
  const m = /^[\w-]+(\.[a-z]+)$/i.exec(name);
  return !!m && m[1]!.toLowerCase() in mediaTypes;
}

export function mediaType(name: string): string | null {
  const ext = /\.[a-z]+$/i.exec(name)?.[0]?.toLowerCase();
  return isMediaFileName(name) && ext ? mediaTypes[ext]! : null;
}

/**
 * The file name an image URL in a lesson points at — `media/x.svg`, `./media/x.svg` or
 * `../media/x.svg` — or null for anything else (another folder, the internet, `..` tricks).
 */
export function mediaFileOf(url: string): string | null {
  const m = /^(?:\.{1,2}\/)?media\/([^/?#]+)$/.exec(url.trim());
  return m && isMediaFileName(m[1]!) ? m[1]! : null;
}

/** The public address of a course's media file (app/routes/media.$course.$file.ts). */
export const mediaUrl = (courseSlug: string, file: string) => `/media/${courseSlug}/${file}`;

export type ImageSize = { width: number; height: number };

/**
 * Intrinsic pixel size of a PNG, JPEG, WebP or SVG from its bytes, for the width/height
 * attributes that keep the page from jumping while images load; null when unknown.
 */
export function imageSize(bytes: Uint8Array, name: string): ImageSize | null {
  const type = mediaType(name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ok = (s: ImageSize | null) => (s && s.width > 0 && s.height > 0 ? s : null);
  try {
    if (type === "image/png") {
      if (bytes.length < 24 || view.getUint32(0) !== 0x89504e47) return null;
      return ok({ width: view.getUint32(16), height: view.getUint32(20) });
    }
    if (type === "image/jpeg") {
      let i = 2;
      while (i + 9 < bytes.length) {
        if (bytes[i] !== 0xff) return null;
        const marker = bytes[i + 1]!;
        // Start-of-frame markers (not DHT C4, JPG C8, DAC CC) carry the size.
        if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
          return ok({ height: view.getUint16(i + 5), width: view.getUint16(i + 7) });
        }
        i += 2 + view.getUint16(i + 2);
      }
      return null;
    }
    if (type === "image/webp") {
      const chunk = new TextDecoder().decode(bytes.subarray(12, 16));
      const u24 = (i: number) => bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16);
      if (chunk === "VP8X") return bytes.length >= 30 ? ok({ width: 1 + u24(24), height: 1 + u24(27) }) : null;
      if (chunk === "VP8L") {
        const b = view.getUint32(21, true);
        return ok({ width: 1 + (b & 0x3fff), height: 1 + ((b >> 14) & 0x3fff) });
      }
      if (chunk === "VP8 ") return ok({ width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff });
      return null;
    }
    if (type === "image/svg+xml") {
      const root = /<svg\b[^>]*>/i.exec(new TextDecoder().decode(bytes.subarray(0, 4096)))?.[0];
      if (!root) return null;
      const attr = (n: string) => new RegExp(`\\s${n}\\s*=\\s*["']([^"']*)["']`, "i").exec(root)?.[1];
      const px = (v: string | undefined) => (v && /^\s*[\d.]+\s*(px)?\s*$/.test(v) ? Math.round(parseFloat(v)) : null);
      const [w, h] = [px(attr("width")), px(attr("height"))];
      if (w && h) return ok({ width: w, height: h });
      const box = attr("viewBox")?.trim().split(/[\s,]+/).map(Number);
      if (box?.length === 4 && box.every(Number.isFinite)) return ok({ width: Math.round(box[2]!), height: Math.round(box[3]!) });
      return null;
    }
  } catch {
    return null;
  }
  return null;
}
