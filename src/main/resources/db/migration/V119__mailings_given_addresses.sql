-- Mailings to recipients that are not subjects (MailingKind.Audience.GIVEN_ADDRESSES: the activity groups' stamps of
-- 第5章1–2, addressed to each group's representative). The module that makes the batch gives each recipient with its
-- own key, name, postcode, address and print values; the key goes into the existing subject_id columns and this
-- column says what the key is, so that every look-up by 宛名番号 (the subject's mailing history, the desk, the
-- "already sent" checks) keeps to subjects. Existing rows are subjects: the default, no rewrite.
alter table mailing_envelope add column recipient_kind varchar(8) not null default 'SUBJECT'
    check (recipient_kind in ('SUBJECT', 'GIVEN'));
alter table mailing_exclusion add column recipient_kind varchar(8) not null default 'SUBJECT'
    check (recipient_kind in ('SUBJECT', 'GIVEN'));

-- A given recipient the giving module already knows cannot be mailed (e.g. 代表者名なし): left out at selection with
-- this reason (対象外), never dropped silently.
alter table mailing_given add column refusal varchar(200);
