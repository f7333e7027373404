import { afterEach, describe, expect, it } from "vitest";
import { clientIp } from "./rate-limit.server";

const request = (headers: Record<string, string>) => new Request("http://localhost/masuk", { headers });

describe("clientIp", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
  });

  it("takes the address our proxy appended, not one the client put in front", () => {
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
    expect(clientIp(request({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("counts hops from the right when there are several trusted proxies", () => {
    process.env.TRUSTED_PROXIES = "2";
    expect(clientIp(request({ "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.2" }))).toBe("203.0.113.9");
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.9" }))).toBe("203.0.113.9");
  });

  it("falls back to X-Real-IP, and to unknown", () => {
    expect(clientIp(request({ "x-real-ip": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(request({}))).toBeNull();
    expect(clientIp(request({ "x-forwarded-for": " , " }))).toBeNull();
  });
});
