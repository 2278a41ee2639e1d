-- Electronic cover certificates (参保凭证): one row per download. The token in the certificate's QR code opens
-- the public verification page; it is random (32 bytes, base64url) and unguessable.
create table memberapp.cover_certificate (
    id          bigserial primary key,
    number      text        not null unique,
    token       text        not null unique,
    member_id   bigint      not null,
    issued_at   timestamptz not null
);
create index cover_certificate_member on memberapp.cover_certificate (member_id);
