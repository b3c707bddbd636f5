-- Retired signing keys keep only their public half: the private one is of no more use and is
-- deleted (SigningKeys encrypts the private halves of active keys at start-up).
ALTER TABLE signing_key ALTER COLUMN private_jwk DROP NOT NULL;
UPDATE signing_key SET private_jwk = NULL WHERE retired_at IS NOT NULL;
