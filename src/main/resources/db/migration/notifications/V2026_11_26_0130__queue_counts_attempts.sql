-- Taking a text for sending touches only the queue: the lease and the attempt are counted there, and the
-- message row changes once the centre answered (SENT, FAILED) or a receipt came. A message leased in the
-- queue reads as SENDING (发送中).
alter table notifications.sms_queue add column attempts int not null default 0;
update notifications.sms_queue q set attempts = m.attempts from notifications.message m where m.id = q.message_id;
update notifications.message m set status = 'QUEUED'
  from notifications.sms_queue q where q.message_id = m.id and m.status = 'SENDING';
