-- Every mailing batch belongs to one business year (事業年度, 1 September–31 August, named by the year it begins in),
-- and so does every person's mailing history: "already issued / already sent / in another open batch" are asked
-- within a year (MailingKind.YearOfBatch), so that a booklet requested in June (the year then running) no longer
-- keeps the person from August's first mailing of the year that begins on 1 September.
--
-- Existing batches get the year their kind's rule gives for the day they were made (Japan time), as new batches do:
-- the kinds that prepare the coming year (initial and movers-in booklets, subsidy applications, grant and non-grant
-- notices) take, from June on, the year that begins on the next 1 September (the year of the day plus three months);
-- the others the year of the day by the 1 September rule. A plain 1 September rule on the dispatch date would file
-- August's initial booklets under the year that was ending and send everyone a second booklet for the new year.
-- The mailing history takes its batch's year.
alter table mailing_batch add column business_year int;

update mailing_batch set business_year = case
        when kind in ('BOOKLET_INITIAL', 'BOOKLET_MOVERS_IN', 'SUBSIDY_APPLICATION', 'GRANT_NOTICE', 'NON_GRANT_NOTICE')
            -- the 1 September rule applied three months on: year of (day + 3 months - 8 months)
            then extract(year from ((created_at at time zone 'Asia/Tokyo')::date - interval '5 months'))::int
        else extract(year from ((created_at at time zone 'Asia/Tokyo')::date - interval '8 months'))::int
    end;

alter table mailing_batch alter column business_year set not null;
alter table mailing_batch add constraint mailing_batch_business_year_check check (business_year between 2000 and 2100);

alter table subject_mailing add column business_year int;
update subject_mailing m set business_year = b.business_year from mailing_batch b where b.id = m.batch_id;
alter table subject_mailing alter column business_year set not null;

drop index subject_mailing_kind_idx;
create index subject_mailing_year_idx on subject_mailing (subject_id, business_year, kind);
create index subject_mailing_batch_idx on subject_mailing (batch_id);

-- The subjects of a batch another module made with their own print values (MailingKind.Audience.GIVEN: the points
-- notice run gives each person's figures), merged into the envelope's fields at selection.
create table mailing_given (
    batch_id   bigint      not null references mailing_batch (id) on delete cascade,
    subject_id varchar(20) not null,                -- 宛名番号
    fields     jsonb       not null,                -- print values by PrintFields name
    primary key (batch_id, subject_id)
);
