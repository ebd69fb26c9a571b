import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { StudylineError } from '../errors';

/** Every address a host name resolves to (the system resolver, or a test's). */
export type HostLookup = (hostname: string) => Promise<string[]>;

/**
 * Checks an address about to be fetched (the first one and each redirect):
 * throws StudylineError('private-address') when it must not be fetched.
 */
export interface AddressGuard {
  check(url: string): Promise<void>;
}

// Loopback, private, link-local, carrier-grade NAT, "this network", multicast and reserved:
// nothing a feed on the internet has any business making a learner's computer ask for.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  // Unspecified, loopback and the old IPv4-compatible form (::127.0.0.1).
  ['::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv6');
}

/**
 * Whether an IP address (v4 or v6, brackets allowed) is loopback, private,
 * link-local or similar. IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are
 * checked as the IPv4 address they carry (BlockList does that).
 */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 0) return false;
  return PRIVATE.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export const systemLookup: HostLookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** The addresses `url`'s host stands for: itself when it is an IP; [] when it does not resolve. */
async function addressesOf(url: string, lookup: HostLookup): Promise<string[]> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return [host];
  try {
    return await lookup(host);
  } catch {
    return []; // the fetch itself says that the host does not resolve
  }
}

/**
 * The guard for everything a source's feed makes Studyline fetch (its pages,
 * redirects, pictures). A source the learner follows on their own computer or
 * network keeps working with its local pictures: only a source on the internet
 * is kept from reaching into the learner's network.
 */
export async function sourceAddressGuard(
  sourceUrl: string,
  lookup: HostLookup = systemLookup,
): Promise<AddressGuard | undefined> {
  const own = await addressesOf(sourceUrl, lookup);
  if (own.some(isPrivateAddress)) return undefined;
  return {
    async check(url: string) {
      const addresses = await addressesOf(url, lookup);
      const inside = addresses.find(isPrivateAddress);
      if (inside !== undefined) throw privateAddressError(url, sourceUrl, inside);
    },
  };
}

function privateAddressError(url: string, sourceUrl: string, address: string): StudylineError {
  const where = /^(127\.|::1$|::ffff:127\.)/.test(address) ? 'this computer' : 'a private network';
  return new StudylineError(
    'private-address',
    `Studyline did not fetch ${url}: it is on ${where} (${address}), and the feed at ${sourceUrl} is on the internet.`,
    {
      hint: 'A feed on the internet may not make Studyline reach into your own computer or network.',
    },
  );
}
