import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { View } from '../../shared/impersonation';
import { TOKEN_ALGORITHM, type SigningKey } from './keys';

/** Audience of the built-in portal; an external portal's is its origin. */
export const BUILTIN_AUDIENCE = 'urn:reseller-desk:portal:builtin';
export const TOKEN_LIFETIME_SECONDS = 60;
/**
 * Where a token names the window it is bound to (RFC 7800 `cnf`): the SHA-256
 * (base64url) of the secret that window sends in its `X-RD-Window` header.
 */
export const WINDOW_CONFIRMATION = 'x-rd-window#S256';

/** A portal window's secret and the hash its token carries. */
export function windowBinding(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: windowHashOf(secret) };
}
export const windowHashOf = (secret: string) => createHash('sha256').update(secret).digest('base64url');

export interface LoginGrant {
  audience: string;
  sessionId: string;
  clientId: number;
  view: View;
  operator: { id: number; name: string };
  /** See WINDOW_CONFIRMATION. */
  windowHash: string;
}

/**
 * A one-time login token (JWT, EdDSA, 60 s): `sub` the client, `act` the
 * operator acting for them (RFC 8693), `view` and the session it opens, the
 * window it is bound to (`cnf`), a unique `jti`.
 */
export function signLoginToken(key: SigningKey, issuer: string, grant: LoginGrant, now: number): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  const cnf = { [WINDOW_CONFIRMATION]: grant.windowHash };
  return new SignJWT({ act: { sub: `operator:${grant.operator.id}`, name: grant.operator.name }, view: grant.view, sid: grant.sessionId, cnf })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(grant.audience)
    .setSubject(`client:${grant.clientId}`)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

export interface VerifiedLogin {
  jti: string;
  expiresAt: number;
  sessionId: string;
  clientId: number;
  view: View;
  operatorName: string;
  windowHash: string;
}

/** Why a token was refused, in the portal's words and the audit log's. */
export type TokenRefusal = 'malformed' | 'signature' | 'expired' | 'audience' | 'issuer' | 'claims';

/**
 * Verifies signature (through the JWKS, as any platform would), issuer,
 * audience, lifetime and the claims' shape. Single use is the portal's to enforce.
 */
export async function verifyLoginToken(
  token: string,
  keys: JWTVerifyGetKey,
  expected: { issuer: string; audience: string; now: number },
): Promise<{ ok: true; login: VerifiedLogin } | { ok: false; refusal: TokenRefusal }> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: expected.issuer,
      audience: expected.audience,
      algorithms: [TOKEN_ALGORITHM],
      currentDate: new Date(expected.now),
      maxTokenAge: `${TOKEN_LIFETIME_SECONDS}s`,
      requiredClaims: ['jti', 'sub', 'exp', 'iat'],
    });
    const client = /^client:(\d+)$/.exec(payload.sub ?? '');
    const act = payload.act as { name?: unknown } | undefined;
    const windowHash = (payload.cnf as Record<string, unknown> | undefined)?.[WINDOW_CONFIRMATION];
    if (!client || (payload.view !== 'client' && payload.view !== 'partner') || typeof payload.sid !== 'string' || typeof act?.name !== 'string' || typeof windowHash !== 'string') {
      return { ok: false, refusal: 'claims' };
    }
    return {
      ok: true,
      login: { jti: payload.jti!, expiresAt: payload.exp! * 1000, sessionId: payload.sid, clientId: Number(client[1]), view: payload.view, operatorName: act.name, windowHash },
    };
  } catch (error) {
    return { ok: false, refusal: refusalOf(error) };
  }
}

function refusalOf(error: unknown): TokenRefusal {
  const code = (error as { code?: string }).code;
  const claim = (error as { claim?: string }).claim;
  if (code === 'ERR_JWT_EXPIRED') return 'expired';
  if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY') return 'signature';
  if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') return claim === 'aud' ? 'audience' : claim === 'iss' ? 'issuer' : claim === 'iat' ? 'expired' : 'claims';
  return 'malformed';
}
