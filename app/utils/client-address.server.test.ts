import { afterEach, describe, expect, it } from "vitest";
import { clientIp, rememberClientAddress } from "./client-address.server";

function request(headers: Record<string, string>, socket?: string) {
  const r = new Request("http://localhost/masuk", { headers });
  rememberClientAddress(r, socket ? { clientAddress: socket } : {});
  return r;
}

describe("clientIp", () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
  });

  it("uses the socket address and ignores X-Forwarded-For when no proxy is trusted (probe finding 3, failed on main)", () => {
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.9" }, "198.51.100.1"))).toBe("198.51.100.1");
    expect(clientIp(request({ "x-forwarded-for": "1.2.3.4" }, "198.51.100.1"))).toBe("198.51.100.1");
    expect(clientIp(request({ "x-real-ip": "1.2.3.4" }))).toBeNull();
  });

  it("behind one trusted proxy takes the address that proxy appended, not one the client put in front", () => {
    process.env.TRUSTED_PROXIES = "1";
    expect(clientIp(request({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }, "10.0.0.1"))).toBe("203.0.113.9");
    expect(clientIp(request({ "x-forwarded-for": "203.0.113.9" }, "10.0.0.1"))).toBe("203.0.113.9");
  });

  it("counts hops from the right when there are several trusted proxies", () => {
    process.env.TRUSTED_PROXIES = "2";
    expect(clientIp(request({ "x-forwarded-for": "1.2.3.4, 203.0.113.9, 10.0.0.2" }, "10.0.0.1"))).toBe("203.0.113.9");
  });
});
