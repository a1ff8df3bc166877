import { issuerKeys, type IssuerKey } from "./directory.js";

export const requestKinds = ["discovery", "jwks", "authorize", "token", "userinfo"] as const;
export type RequestKind = (typeof requestKinds)[number];

export type OktaDevStats = Record<RequestKind, Record<IssuerKey, number>>;

function zeroes(): OktaDevStats {
  const perIssuer = () => Object.fromEntries(issuerKeys.map((key) => [key, 0]));
  return Object.fromEntries(requestKinds.map((kind) => [kind, perIssuer()])) as OktaDevStats;
}

export class RequestStats {
  #counts = zeroes();

  count(kind: RequestKind, issuer: IssuerKey): void {
    this.#counts[kind][issuer] += 1;
  }

  snapshot(): OktaDevStats {
    return structuredClone(this.#counts);
  }

  reset(): void {
    this.#counts = zeroes();
  }
}
