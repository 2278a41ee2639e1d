-- A document's content is stored encrypted, and ciphertext never compresses: PostgreSQL's attempt
-- to compress it (pglz, on every insert of a document over 2 kB) was CPU spent for nothing. Still
-- kept out of line (TOAST), just not compressed.
alter table claims.document alter column content_cipher set storage external;
