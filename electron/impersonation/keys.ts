import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { SecretStore } from '../shell/secrets';

const SECRET_NAME = 'login-token-signing-key';
export const TOKEN_ALGORITHM = 'EdDSA';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** The public half as published in the JWKS. */
  publicJwk: JWK;
}

/**
 * The Ed25519 key that signs one-time login tokens: made on first use, kept in
 * the shell's secret store (the OS keychain in Electron), never leaves this process.
 */
export async function loadSigningKey(secrets: SecretStore): Promise<SigningKey> {
  const stored = secrets.get(SECRET_NAME);
  let privateJwk: JWK;
  if (stored) {
    privateJwk = JSON.parse(stored) as JWK;
  } else {
    const pair = await generateKeyPair(TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
    privateJwk = await exportJWK(pair.privateKey);
    secrets.set(SECRET_NAME, JSON.stringify(privateJwk));
  }
  const { d: _private, ...publicPart } = privateJwk;
  const kid = await calculateJwkThumbprint(publicPart);
  return {
    kid,
    privateKey: (await importJWK(privateJwk, TOKEN_ALGORITHM)) as CryptoKey,
    publicJwk: { ...publicPart, kid, alg: TOKEN_ALGORITHM, use: 'sig' },
  };
}

export const jwksOf = (key: SigningKey) => ({ keys: [key.publicJwk] });
