-- A member's phone is kept encrypted (phone_cipher, AES-GCM under the personal-data key) with a masked
-- copy for display (138****0000). Java migration 2026.11.24.0311 (membership.MemberPhonesEncrypted)
-- fills them from the clear-text column, which 0312 then drops.
alter table membership.member add column phone_cipher bytea, add column phone_masked text;
