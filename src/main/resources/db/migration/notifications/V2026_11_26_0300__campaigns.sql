-- Campaigns (宣传推广): a publicity text sent to a segment of members. The segment is kept as data
-- (its kind and parameters); scope_path is the part of the tree it was chosen in (a unit's or an
-- office's path), so staff see the campaigns of their own part. The counts are those at creation:
-- matched by the segment, excluded (no number, no consent, number replied TD) and queued. What
-- happened to each text afterwards is read from notifications.message (campaign_id).
create table notifications.campaign (
    id               bigserial primary key,
    name             text        not null,
    template_code    text        not null,
    template_version int         not null,
    segment          jsonb       not null,
    audience_name    text        not null,
    scope_path       text        not null,
    -- the client's idempotency key: the same key from the same person never creates a second campaign
    request_key      text,
    created_by       text        not null,
    created_at       timestamptz not null,
    matched          int         not null,
    no_phone         int         not null,
    no_consent       int         not null,
    opted_out        int         not null,
    excluded         int         not null,
    queued           int         not null,
    check (excluded = no_phone + no_consent + opted_out and matched = excluded + queued),
    unique (created_by, request_key)
);
create index campaign_scope on notifications.campaign (scope_path text_pattern_ops, id desc);
