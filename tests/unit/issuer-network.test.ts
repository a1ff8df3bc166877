import { createServer, type Server } from "node:http";
import type { LookupAddress } from "node:dns";
import type { AddressInfo } from "node:net";

import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import {
  InternalAddressError,
  isInternalAddress,
  refusingInternalAddresses,
} from "@/lib/sso/issuer-network";

/** A resolver that answers each lookup of any name with the next answer in `answers`. */
function scriptedDns(...answers: LookupAddress[][]) {
  let calls = 0;
  return (
    _hostname: string,
    _options: unknown,
    callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
  ) => callback(null, answers[Math.min(calls++, answers.length - 1)]!);
}

function lookUp(lookup: ReturnType<typeof refusingInternalAddresses>, all: boolean) {
  return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) =>
    lookup("issuer.example", { all }, (error, address, family) =>
      resolve({ error, address, family }),
    ),
  );
}

const PUBLIC = { address: "93.184.216.34", family: 4 };
const LOOPBACK = { address: "127.0.0.1", family: 4 };
const METADATA_SERVICE = { address: "169.254.169.254", family: 4 };
const UNIQUE_LOCAL_V6 = { address: "fd00::1", family: 6 };

describe("internal addresses", () => {
  test.each([
    ["93.184.216.34", 4],
    ["8.8.8.8", 4],
    ["2606:4700::1111", 6],
    ["::ffff:93.184.216.34", 6],
  ])("%s is public", (address, family) => {
    expect(isInternalAddress(address, family)).toBe(false);
  });

  test.each([
    ["127.0.0.1", 4],
    ["10.20.30.40", 4],
    ["172.31.255.255", 4],
    ["192.168.1.1", 4],
    ["169.254.169.254", 4],
    ["100.64.0.1", 4],
    ["0.0.0.0", 4],
    ["::1", 6],
    ["fd12:3456::1", 6],
    ["fe80::1", 6],
    ["::ffff:127.0.0.1", 6],
    ["::ffff:10.0.0.1", 6],
  ])("%s is internal", (address, family) => {
    expect(isInternalAddress(address, family)).toBe(true);
  });
});

describe("the issuer connection lookup", () => {
  test("passes a public address through, as one address or as a list", async () => {
    expect(await lookUp(refusingInternalAddresses(scriptedDns([PUBLIC])), false)).toEqual({
      error: null,
      address: PUBLIC.address,
      family: 4,
    });
    expect(await lookUp(refusingInternalAddresses(scriptedDns([PUBLIC])), true)).toMatchObject({
      error: null,
      address: [PUBLIC],
    });
  });

  test.each([
    ["loopback", [LOOPBACK]],
    ["the cloud metadata service", [METADATA_SERVICE]],
    ["an IPv6 unique local address", [UNIQUE_LOCAL_V6]],
    ["a public address mixed with a private one", [PUBLIC, { address: "10.1.2.3", family: 4 }]],
  ])("refuses a name that resolves to %s", async (_label, answer) => {
    const { error } = await lookUp(refusingInternalAddresses(scriptedDns(answer)), false);

    expect(error).toBeInstanceOf(InternalAddressError);
  });
});

describe("a name that rebinds to an internal address between check and fetch", () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_request, response) => response.end("internal"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test("is refused when the connection is made, not fetched", async () => {
    // The first answer (a check made beforehand) is public; the connection gets loopback.
    const dns = scriptedDns([PUBLIC], [LOOPBACK]);
    dns("issuer.example", {}, () => {});
    const dispatcher = new Agent({ connect: { lookup: refusingInternalAddresses(dns) } });

    const fetched = fetch(`http://issuer.example:${port}/`, { dispatcher } as RequestInit);

    await expect(fetched).rejects.toMatchObject({ cause: expect.any(InternalAddressError) });
    await dispatcher.close();
  });

  test("reaches the same server through an unguarded lookup, so the refusal above is the guard's", async () => {
    const dispatcher = new Agent({
      connect: {
        lookup: (_host, options, callback) =>
          options.all ? callback(null, [LOOPBACK]) : callback(null, LOOPBACK.address, 4),
      },
    });

    const response = await fetch(`http://issuer.example:${port}/`, { dispatcher } as RequestInit);

    expect(await response.text()).toBe("internal");
    await dispatcher.close();
  });
});
