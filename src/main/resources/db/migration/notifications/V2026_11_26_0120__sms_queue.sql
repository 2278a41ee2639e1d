-- The send queue moves out of the message row into a narrow table of its own. A message's row is then
-- written once and only its status, times and counters change afterwards; with no index on those
-- columns and room left on each page (fillfactor), PostgreSQL updates it in place (HOT) without
-- touching any of its indexes, which is what a campaign of a hundred thousand texts needs.
--
-- sms_queue holds a text from the moment it is queued until the centre took it (or it failed or
-- expired): due when lease_until is null and not_before has come; taken by a dispatcher until
-- lease_until. A trigger queues every SMS written QUEUED, whichever way it is written (COPY included).
create table notifications.sms_queue (
    message_id   bigint primary key references notifications.message (id),
    not_before   timestamptz not null,
    expires_at   timestamptz not null,
    urgent       boolean     not null,
    lease_until  timestamptz
);
create index sms_queue_due on notifications.sms_queue (not_before, message_id) where lease_until is null;
create index sms_queue_due_urgent on notifications.sms_queue (not_before, message_id) where lease_until is null and urgent;
create index sms_queue_leased on notifications.sms_queue (lease_until) where lease_until is not null;

insert into notifications.sms_queue (message_id, not_before, expires_at, urgent, lease_until)
select id, not_before, expires_at, purpose = 'URGENT', case when status = 'SENDING' then lease_until end
  from notifications.message where channel = 'SMS' and status in ('QUEUED', 'SENDING');

create function notifications.queue_sms() returns trigger language plpgsql as $$
begin
    -- a restore loads the queue as it was backed up (DatabaseBackup sets huzhu.restoring)
    if current_setting('huzhu.restoring', true) = 'on' then
        return null;
    end if;
    insert into notifications.sms_queue (message_id, not_before, expires_at, urgent)
    values (new.id, new.not_before, new.expires_at, new.purpose = 'URGENT');
    return null;
end $$;
create trigger message_queued after insert on notifications.message
    for each row when (new.channel = 'SMS' and new.status = 'QUEUED') execute function notifications.queue_sms();

drop index notifications.message_due;
drop index notifications.message_due_urgent;
drop index notifications.message_sending;
drop index notifications.message_campaign;
create index message_campaign on notifications.message (campaign_id) where campaign_id is not null;
alter table notifications.message drop column lease_until;
alter table notifications.message set (fillfactor = 50);
