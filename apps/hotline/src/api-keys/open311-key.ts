import { createHash, randomBytes } from 'node:crypto';

/** A new API key: 32 random bytes, URL-safe, with a prefix that says what it is when it turns up in a config file. */
export function newApiKey(): string {
  return `o311_${randomBytes(32).toString('base64url')}`;
}

/** What is stored and looked up: keys are long and random, so a plain SHA-256 is enough (no salt, no stretching). */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}
