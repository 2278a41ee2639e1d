-- The clear-text payment files, encrypted into file_cipher by Java migration 2026.11.24.0321, are dropped.
alter table payouts.batch drop column file_xml;
