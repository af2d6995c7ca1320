-- Notice runs also take the predecessor's booklets loaded as opening balances (第9章1(1)): such an entry has no tally
-- booklet; it is the person's year (subject_id, business_year) carried over. Exactly one kind is set per row, and a
-- carried-over person-year is taken once while its row is live (released when its batch is withdrawn), as a booklet is.
alter table notice_booklet alter column booklet_id drop not null;
alter table notice_booklet add column carried_address_number varchar(20);
alter table notice_booklet add constraint notice_booklet_one_kind_chk
    check ((booklet_id is null) <> (carried_address_number is null)
           and (carried_address_number is null or carried_address_number = subject_id));
create unique index notice_booklet_carried_taken_idx on notice_booklet (carried_address_number, business_year)
    where released_at is null and carried_address_number is not null;
comment on column notice_booklet.carried_address_number is
    '宛名番号 of a predecessor''s booklet carried over (progress_year OPENING/MIGRATED row); null for a tally booklet';
