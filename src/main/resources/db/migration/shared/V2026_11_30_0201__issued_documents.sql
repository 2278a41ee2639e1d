-- Documents issued as PDF with a QR code (缴费通知单, 缴费凭证, 参保人员名单): one row per download. The token in
-- the QR code opens the public verification page /verify/{token}, the one the cover certificate uses; it is random
-- (32 bytes, base64url) and unguessable. The subject names what the document is about (a bill, a unit), and the
-- module that issued it answers the verification afresh.
create table shared.issued_document (
    id        bigserial primary key,
    kind      text        not null,
    number    text        not null unique,
    token     text        not null unique,
    subject   bigint      not null,
    issued_by text        not null,
    issued_at timestamptz not null
);
