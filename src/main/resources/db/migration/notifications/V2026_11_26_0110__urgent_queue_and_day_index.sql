-- Urgent texts (sign-in codes, security notices) have a queue of their own, so that finding them does
-- not scan a campaign's hundred thousand queued texts; the day index becomes a BRIN index (messages
-- are written in time order), which costs almost nothing to keep up when rows change.
create index message_due_urgent on notifications.message (not_before, id)
    where status = 'QUEUED' and channel = 'SMS' and purpose = 'URGENT';
drop index notifications.message_day;
create index message_day on notifications.message using brin (created_at);
