-- A batch's payment file names every payee's account: it is kept encrypted (file_cipher, AES-GCM under
-- the personal-data key). Java migration 2026.11.24.0321 (payouts.PaymentFilesEncrypted) encrypts the
-- files kept so far; 0322 drops the clear-text column. Stored out of line uncompressed, like the file was.
alter table payouts.batch add column file_cipher bytea;
alter table payouts.batch alter column file_cipher set storage external;
