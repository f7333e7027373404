import { describe, expect, it } from "vitest";
import { citedRegulations, compareReferenceKeys, referenceKey } from "./references";

describe("citedRegulations", () => {
  it("reads short, numbered and long forms as one key each, in order of appearance", () => {
    const text =
      "Menurut Undang-Undang Nomor 14 Tahun 2008, PPID menjawab. UU No. 27 Tahun 2022 dan UU 27/2022 sama. " +
      "Dasarnya Perpres 76/2013 dan Peraturan Menteri PANRB Nomor 83 Tahun 2012; lihat Putusan MK 105/PUU-XXII/2024 dan PP 94/2021.";
    expect(citedRegulations(text)).toEqual(["UU 14/2008", "UU 27/2022", "Perpres 76/2013", "PermenPAN-RB 83/2012", "Putusan MK 105/PUU-XXII/2024", "PP 94/2021"]);
  });
  it("finds nothing in ordinary numbers and dates", () => {
    expect(citedRegulations("Layanan 08.00–15.00, 14 hari kerja, 17 April 2019, Pasal 46.")).toEqual([]);
  });
});

describe("referenceKey and ordering", () => {
  it("keys an entry by the first act it names, else by its text", () => {
    expect(referenceKey("UU 24/2013 tentang Perubahan atas UU 23/2006")).toBe("UU 24/2013");
    expect(referenceKey("Keputusan Bersama tentang Netralitas ASN")).toBe("Keputusan Bersama tentang Netralitas ASN");
  });
  it("lists acts before regulations, by year, court rulings after them, free entries last", () => {
    const keys = ["Keputusan Bersama 2022", "Putusan MK 105/PUU-XXII/2024", "PP 94/2021", "UU 27/2022", "UU 14/2008", "PermenPAN-RB 83/2012"];
    expect([...keys].sort(compareReferenceKeys)).toEqual(["UU 14/2008", "UU 27/2022", "PP 94/2021", "PermenPAN-RB 83/2012", "Putusan MK 105/PUU-XXII/2024", "Keputusan Bersama 2022"]);
  });
});
