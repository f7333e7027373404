import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { imageSize, isMediaFileName, mediaFileOf, mediaType } from "./media-path";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("media paths", () => {
  it("accepts one image file directly in the course's media/ folder", () => {
    expect(mediaFileOf("media/pola-unggahan.svg")).toBe("pola-unggahan.svg");
    expect(mediaFileOf("./media/foto_1.PNG")).toBe("foto_1.PNG");
    expect(mediaFileOf("../media/x.webp")).toBe("x.webp");
  });

  it("refuses other folders, the internet, traversal and types a browser could run", () => {
    for (const url of ["gambar.png", "media/sub/x.png", "media/../course.mdx", "../../media/x.png", "/etc/passwd", "https://contoh.id/media/x.png", "media/x.html", "media/x.svg.bak", "media/x y.png", "media/.png", "media/x.png?v=1", "media/%2e%2e%2fx.png"]) {
      expect(mediaFileOf(url), url).toBeNull();
    }
    expect(isMediaFileName("..")).toBe(false);
    expect(mediaType("x.svg")).toBe("image/svg+xml");
    expect(mediaType("x.JPG")).toBe("image/jpeg");
    expect(mediaType("x.html")).toBeNull();
    expect(mediaType("x.svgz")).toBeNull();
  });
});

describe("imageSize", () => {
  it("reads PNG, JPEG, WebP and SVG sizes", () => {
    expect(imageSize(readFileSync("tests/fixtures/content-media/courses/kursus-gambar/media/kecil.png"), "kecil.png")).toEqual({ width: 3, height: 2 });
    // SOI, an APP0 segment, then SOF0 with height 200 and width 300.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0xc8, 0x01, 0x2c, 0x03, 0, 0, 0, 0, 0, 0]);
    expect(imageSize(jpeg, "foto.jpg")).toEqual({ width: 300, height: 200 });
    const webp = new Uint8Array(30);
    webp.set(bytes("RIFF"), 0);
    webp.set(bytes("WEBPVP8X"), 8);
    webp.set([0x3f, 0x01, 0x00], 24); // width - 1 = 319
    webp.set([0xef, 0x00, 0x00], 27); // height - 1 = 239
    expect(imageSize(webp, "x.webp")).toEqual({ width: 320, height: 240 });
    expect(imageSize(bytes('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">'), "a.svg")).toEqual({ width: 640, height: 360 });
    expect(imageSize(bytes('<?xml version="1.0"?><svg viewBox="0 0 720 400" xmlns="http://www.w3.org/2000/svg">'), "b.svg")).toEqual({ width: 720, height: 400 });
  });

  it("says null rather than guessing", () => {
    expect(imageSize(bytes('<svg width="100%" height="50%">'), "c.svg")).toBeNull();
    expect(imageSize(bytes("bukan gambar"), "d.png")).toBeNull();
    expect(imageSize(new Uint8Array([0xff, 0xd8]), "e.jpg")).toBeNull();
    expect(imageSize(bytes("<svg/>"), "f.html")).toBeNull();
  });
});
