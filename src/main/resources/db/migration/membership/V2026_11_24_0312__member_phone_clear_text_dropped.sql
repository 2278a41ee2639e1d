-- The clear-text phone, encrypted into phone_cipher by Java migration 2026.11.24.0311, is dropped.
alter table membership.member drop column phone;
