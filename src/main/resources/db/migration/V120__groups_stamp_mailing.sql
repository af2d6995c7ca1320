-- The centre's mailing of the groups' stamps is a mailing batch (第5章1–2, kind GROUP_STAMPS): a stamp posted by the
-- centre is in at most one batch that is not withdrawn (mailing_batch_id; a withdrawn batch, an envelope pulled out
-- or a group left out of the batch releases it), and records the 発送日 when its batch is handed to the post office.
-- Stamps the city posts itself (第5章3, posted_by CITY) are never in a batch.
alter table group_stamp add column mailing_batch_id bigint;
alter table group_stamp add column mailed_on date;
alter table group_stamp add constraint group_stamp_mailing_centre_only
    check (posted_by = 'CENTRE' or (mailing_batch_id is null and mailed_on is null));
alter table group_stamp add constraint group_stamp_mailed_in_batch check (mailed_on is null or mailing_batch_id is not null);
create index group_stamp_mailing on group_stamp (mailing_batch_id) where mailing_batch_id is not null;
