import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { views, type View } from '../../shared/impersonation';
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

interface Grant {
  audience: string;
  sessionId: string;
  operator: { id: number; name: string };
  /** See WINDOW_CONFIRMATION. */
  windowHash: string;
}
/** A client's portal as the client or the partner sees it, or the operator's own reseller portal. */
export type LoginGrant = Grant & ({ view: View; clientId: number } | { view: 'reseller' });

/**
 * A one-time login token (JWT, EdDSA, 60 s) with a unique `jti`, the session
 * it opens (`sid`), the view and the window it is bound to (`cnf`). For a
 * client's portal `sub` is the client and `act` the operator acting for them
 * (RFC 8693); for the reseller portal (`view: reseller`) `sub` is the operator.
 */
export function signLoginToken(key: SigningKey, issuer: string, grant: LoginGrant, now: number): Promise<string> {
  const issuedAt = Math.floor(now / 1000);
  const operator = { sub: `operator:${grant.operator.id}`, name: grant.operator.name };
  const claims = { view: grant.view, sid: grant.sessionId, cnf: { [WINDOW_CONFIRMATION]: grant.windowHash } };
  return new SignJWT(grant.view === 'reseller' ? { ...claims, name: operator.name } : { ...claims, act: operator })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(grant.audience)
    .setSubject(grant.view === 'reseller' ? operator.sub : `client:${grant.clientId}`)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

export type VerifiedLogin = { jti: string; expiresAt: number; sessionId: string; windowHash: string } & (
  | { view: View; clientId: number }
  | { view: 'reseller'; operatorId: number }
);

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
    const windowHash = (payload.cnf as Record<string, unknown> | undefined)?.[WINDOW_CONFIRMATION];
    if (typeof payload.sid !== 'string' || typeof windowHash !== 'string') return { ok: false, refusal: 'claims' };
    const login = { jti: payload.jti!, expiresAt: payload.exp! * 1000, sessionId: payload.sid, windowHash };
    // Each view names its own kind of subject: a reseller token cannot pass for a client's, nor the other way round.
    if (payload.view === 'reseller') {
      const operator = /^operator:(\d+)$/.exec(payload.sub ?? '');
      return operator ? { ok: true, login: { ...login, view: 'reseller', operatorId: Number(operator[1]) } } : { ok: false, refusal: 'claims' };
    }
    const client = /^client:(\d+)$/.exec(payload.sub ?? '');
    const act = payload.act as { name?: unknown } | undefined;
    if (!client || !views.includes(payload.view as View) || typeof act?.name !== 'string') return { ok: false, refusal: 'claims' };
    return { ok: true, login: { ...login, view: payload.view as View, clientId: Number(client[1]) } };
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
