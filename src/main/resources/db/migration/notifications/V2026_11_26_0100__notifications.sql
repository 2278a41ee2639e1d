-- Notifications: templates as data (versioned), the outbox of messages written in the same
-- transaction as the change that causes them, the SMS centre's segment ids and receipts, members'
-- publicity consent, numbers that replied TD, and one-time sign-in codes.

create table notifications.template (
    id          bigserial primary key,
    code        text        not null,
    version     int         not null,
    name        text        not null,
    purpose     text        not null check (purpose in ('URGENT', 'TRANSACTIONAL', 'PUBLICITY')),
    sms         boolean     not null,
    inbox       boolean     not null,
    body        text        not null,
    variables   text[]      not null,
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null,
    unique (code, version)
);

-- One row per message and channel. dedup_key names the event (and the recipient and channel), so the
-- same event never writes a second message, whichever instance or restart sees it again.
create table notifications.message (
    id               bigserial primary key,
    dedup_key        text        not null unique,
    channel          text        not null check (channel in ('SMS', 'INBOX')),
    template_code    text        not null,
    template_version int         not null,
    purpose          text        not null,
    member_id        bigint,
    account_id       bigint,
    scope_path       text        not null,
    phone_cipher     bytea,
    phone_hash       bytea,
    phone_masked     text,
    title            text        not null,
    body             text        not null,
    -- the text actually sent when it holds a secret (a sign-in code); body then shows it masked
    secret_cipher    bytea,
    segments         int         not null default 1,
    campaign_id      bigint,
    status           text        not null check (status in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'EXPIRED')),
    attempts         int         not null default 0,
    not_before       timestamptz not null,
    expires_at       timestamptz not null,
    lease_until      timestamptz,
    failure_code     text,
    failure_reason   text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    done_at          timestamptz,
    read_at          timestamptz,
    check (member_id is not null or account_id is not null or phone_hash is not null)
);
create index message_due on notifications.message (not_before, id) where status = 'QUEUED' and channel = 'SMS';
create index message_sending on notifications.message (lease_until) where status = 'SENDING';
create index message_member on notifications.message (member_id, id desc) where member_id is not null;
create index message_account on notifications.message (account_id, id desc) where account_id is not null;
create index message_campaign on notifications.message (campaign_id, status) where campaign_id is not null;
create index message_day on notifications.message (created_at);
create index message_phone on notifications.message (phone_hash) where phone_hash is not null;

-- The centre's id of each segment (from the submit answer) and its receipt. A receipt may arrive
-- before the answer is recorded: whichever comes first creates the row.
create table notifications.sms_part (
    centre_id     text primary key,
    message_id    bigint,
    part          int,
    receipt       text check (receipt in ('DELIVERED', 'UNDELIVERABLE', 'EXPIRED', 'REJECTED', 'DELETED', 'UNKNOWN')),
    error_code    text,
    done_at       timestamptz
);
create index sms_part_message on notifications.sms_part (message_id);

-- A member's choice about publicity (transactional messages are always sent).
create table notifications.consent (
    member_id   bigint primary key,
    publicity   boolean     not null,
    source      text        not null check (source in ('MEMBER', 'STAFF', 'SMS_REPLY', 'ROSTER')),
    changed_by  text        not null,
    changed_at  timestamptz not null
);

-- Numbers that answered TD: no publicity to them, whoever holds them.
create table notifications.phone_opt_out (
    phone_hash  bytea primary key,
    opted_out_at timestamptz not null
);

-- One-time sign-in codes for the member app: only a keyed hash of the code is kept.
create table notifications.sign_in_code (
    id          bigserial primary key,
    phone_hash  bytea       not null,
    code_hash   bytea       not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    tries       int         not null default 0,
    used_at     timestamptz
);
create index sign_in_code_phone on notifications.sign_in_code (phone_hash, created_at desc);
