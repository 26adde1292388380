import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What is kept of an idempotent request, and how. The key itself is never stored: rows are found by its hash,
 * the request is compared by an HMAC under the key, and the first answer is kept sealed (AES-256-GCM) under a
 * key derived from the Idempotency-Key and the caller. So the table holds no personal data or secret (an answer
 * may carry a clear API key or a caller's phone) that only the client holding the key could not read anyway.
 */
export function keyHash(key: string): string {
  return createHash('sha256').update(`gridline-idempotency-key\0${key}`).digest('hex');
}

/** The request's fingerprint: its operation and its payload as canonical JSON, under an HMAC keyed with the key. */
export function requestHash(key: string, operation: string, payload: unknown): string {
  return createHmac('sha256', key).update(`${operation}\n${canonicalJson(payload)}`).digest('hex');
}

function answerKey(key: string, actor: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, actor, 'gridline idempotent answer v1', 32));
}

/** `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function sealAnswer(key: string, actor: string, answer: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', answerKey(key, actor), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer ?? null), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function openAnswer(key: string, actor: string, sealed: string): unknown {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed answer format');
  const decipher = createDecipheriv('aes-256-gcm', answerKey(key, actor), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8'));
}

/** JSON with object keys sorted and undefined members left out, so that one request hashes one way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
