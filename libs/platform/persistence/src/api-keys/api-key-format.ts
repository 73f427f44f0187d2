import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const PREFIX_LENGTH = 8;
/** 40 characters of a 62-letter alphabet: about 238 random bits. */
const SECRET_LENGTH = 40;
const KEY_PATTERN = /^jdp_([A-Za-z0-9]{8})_([A-Za-z0-9]{32,})$/;

/** A freshly generated key: the plaintext (shown once) and what is stored of it. */
export interface GeneratedApiKey {
  key: string;
  prefix: string;
  hash: string;
}

/** `jdp_<8-character prefix>_<40 random characters>`; the prefix is public and names the key in listings. */
export function generateApiKey(): GeneratedApiKey {
  const prefix = randomText(PREFIX_LENGTH);
  const key = `jdp_${prefix}_${randomText(SECRET_LENGTH)}`;
  return { key, prefix, hash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or null for anything that cannot be one of ours. */
export function apiKeyPrefixOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/**
 * SHA-256, not a password hash: a key carries well over 190 random bits, so no guess list or brute force can
 * reach it and a slow, salted hash would only add latency to every request.
 */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares a presented key with a stored hash in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** Uniform letters from the alphabet: bytes of 248 and above are drawn again, so `% 62` has no bias. */
function randomText(length: number): string {
  let text = '';
  while (text.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && text.length < length) text += ALPHABET[byte % ALPHABET.length];
    }
  }
  return text;
}
