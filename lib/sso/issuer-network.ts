import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, type LookupFunction } from "node:net";

import { Agent } from "undici";

import { env } from "@/lib/env";

// Every request to an issuer (discovery, signing keys, the token endpoint) goes out through one
// connection pool whose DNS lookup refuses internal addresses. Checking the name before fetching
// is not enough: a name can answer a public address to the check and an internal one to the
// fetch (DNS rebinding). Here the address is checked as the connection is made.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

// Addresses an issuer of a deployed app never has: asking for them would let anyone who can
// save an issuer make this server probe its own network.
const internalAddresses = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  internalAddresses.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  internalAddresses.addSubnet(network, prefix, "ipv6");
}

/**
 * Whether an address is one no deployed issuer has. IPv4-mapped IPv6 addresses (::ffff:10.0.0.1)
 * are checked against the IPv4 ranges by BlockList itself; a rule for all of ::ffff:0:0/96 would
 * match every IPv4 address.
 */
export function isInternalAddress(address: string, family: number) {
  return internalAddresses.check(address, family === 6 ? "ipv6" : "ipv4");
}

export function isLocalHost(hostname: string) {
  return LOCAL_HOSTS.has(hostname);
}

/** A locally run app talks to a locally run identity provider; a deployed one never does. */
export function allowsInternalIssuers() {
  return isLocalHost(new URL(env.appUrl).hostname);
}

export class InternalAddressError extends Error {
  name = "InternalAddressError";
  readonly code = "ERR_ISSUER_INTERNAL_ADDRESS";
  constructor(hostname: string) {
    super(`${hostname} resolves to a private network address`);
  }
}

type Resolve = (
  hostname: string,
  options: { all: true; family?: number; hints?: number },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A DNS lookup for outgoing connections that fails when any address a name resolves to is
 * internal. `resolve` is `dns.lookup` except in tests.
 */
export function refusingInternalAddresses(resolve: Resolve = dnsLookup as Resolve) {
  const lookup = (
    hostname: string,
    options: { all?: boolean; family?: number; hints?: number },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    resolve(hostname, { family: options.family, hints: options.hints, all: true }, (error, all) => {
      if (error) return callback(error, "");
      if (all.some(({ address, family }) => isInternalAddress(address, family)))
        return callback(new InternalAddressError(hostname), "");
      if (options.all) return callback(null, all);
      const [first] = all;
      if (!first) return callback(Object.assign(new Error(`${hostname}: no address`)), "");
      callback(null, first.address, first.family);
    });
  };
  return lookup as LookupFunction;
}

let dispatcher: Agent | undefined;

function issuerDispatcher() {
  if (allowsInternalIssuers()) return undefined;
  dispatcher ??= new Agent({ connect: { lookup: refusingInternalAddresses() } });
  return dispatcher;
}

/** `fetch` for requests to an issuer; the same arguments, through the guarded pool. */
export function fetchFromIssuer(input: string | URL | Request, init: RequestInit = {}) {
  // Node's fetch takes undici's `dispatcher` option, which the DOM's RequestInit type lacks.
  return fetch(input, { ...init, dispatcher: issuerDispatcher() } as RequestInit);
}
