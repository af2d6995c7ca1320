-- A report's e-mail is sent at most once. Before the message is handed to the SMTP server its row says SENDING,
-- committed, with the node, the time and the Message-ID the message carries; SENT is written after the server
-- accepted it. A row a new leader finds still SENDING after the timeout (the sending node died between the server's
-- acceptance and the SENT row, or before) is not sent again: it becomes UNCERTAIN (送信不明) for a floor manager
-- to check with the city (by the Message-ID) and to resend deliberately.
alter table report_mail drop constraint report_mail_status_check;
alter table report_mail add constraint report_mail_status_check
    check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'GAVE_UP', 'UNCERTAIN'));
alter table report_mail
    add column sending_node  text,
    add column sending_since timestamptz,
    add column message_id    text,
    add column resent_by     text,
    add column resent_at     timestamptz,
    add constraint report_mail_sending_recorded
        check (status <> 'SENDING' or (sending_node is not null and sending_since is not null and message_id is not null));
create index report_mail_sending on report_mail (sending_since) where status = 'SENDING';
