-- A data-key rotation retires the old key versions in a second pass over the owners, once
-- kyc.crypto.rotation.retire-after has passed since the first pass ended (writes that encrypted
-- under an old version meanwhile are re-encrypted first). Null while the first pass runs.
ALTER TABLE key_rotations ADD COLUMN retiring_from TIMESTAMP WITH TIME ZONE;
