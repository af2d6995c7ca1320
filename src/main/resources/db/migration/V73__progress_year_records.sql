-- The per-business-year part of the 別紙3 record (第7章2: 事業年度を分けて作成すること): columns 49–84 (booklet
-- receipt, points, cap, amount, scan file names, bank details, 引受番号, extraction date, note) belong to one person
-- AND one business year (1 September–31 August, named by the year it begins in). Three years are open at once and
-- never mixed, so each (person, year) has its own row. Columns 1–48 stay the person's, in subject_record.
create table progress_year (
    address_number     varchar(20)  not null references subject (address_number) on delete cascade,
    business_year      int          not null check (business_year between 1990 and 2999),
    year_record        text[]       not null check (cardinality(year_record) = 36), -- 別紙3 cols 49..84, '' = empty
    source             varchar(10)  not null check (source in ('MIGRATED', 'OPENING', 'SYSTEM')),
    -- SYSTEM: this system produced figures for the year (a booklet received or verified by the tally).
    tally_booklets     int          not null default 0,  -- verified booklets behind cols 55–75 (0: none from the tally)
    opening_record     text[],                           -- cols 49..84 as the predecessor's data gave them, kept
    opening_import_id  bigint,
    notice_sent_on     date,                             -- 獲得ポイント通知 sent (第8章), not a 別紙3 column
    paid_on            date,                             -- 奨励金 paid (第7章1(5)), not a 別紙3 column
    updated_at         timestamptz  not null default now(),
    primary key (address_number, business_year)
);
create index progress_year_year_idx on progress_year (business_year, address_number);
create index progress_year_opening_idx on progress_year (business_year) where source = 'OPENING';

-- Each opening-balance import (第9章1(1)): one per file, dry runs included, with its outcome.
create table progress_opening_import (
    id             bigserial    primary key,
    business_year  int          not null,
    file_name      varchar(255) not null,
    dry_run        boolean      not null,
    rows_read      int          not null,
    inserted       int          not null,
    updated        int          not null,
    unchanged      int          not null,
    refused        int          not null,
    imported_by    varchar(100) not null,
    imported_at    timestamptz  not null
);

-- Existing data: until now one 別紙3 record per person held cols 49–84 without a year. Those values move to the
-- business year they describe: the year of 手帳受付日 (col 50) when present (a booklet is received within its year
-- or up to the deadline, 31 March after it ends: a receipt from September to March is taken for the year that
-- ended on 31 August before it when the year it falls in had only begun, i.e. receipts from 1 September to 31 March
-- belong to the previous business year, April to August to the current one); otherwise the year of 手帳作成日
-- (col 49; booklets made in August are those of the year starting on 1 September); otherwise the business year of
-- the migration day. Rows whose cols 49–84 are all empty create nothing. The values stay in subject_record too
-- (the city's columns 49–54 keep arriving there with the city's file) but the progress list reads them from here.
insert into progress_year (address_number, business_year, year_record, source, updated_at)
select r.address_number,
       case
           when r.progress_record[50] ~ '^2[0-9]{3}-[0-9]{2}-[0-9]{2}$' then
               extract(year from r.progress_record[50]::date)::int
                   - case when extract(month from r.progress_record[50]::date) <= 8 then 1 else 0 end
                   - case when extract(month from r.progress_record[50]::date) between 1 and 3
                               or extract(month from r.progress_record[50]::date) >= 9 then 1 else 0 end
           when r.progress_record[49] ~ '^2[0-9]{3}-[0-9]{2}-[0-9]{2}$' then
               extract(year from r.progress_record[49]::date)::int
                   - case when extract(month from r.progress_record[49]::date) <= 7 then 1 else 0 end
           else extract(year from (now() at time zone 'Asia/Tokyo')::date)::int
                   - case when extract(month from (now() at time zone 'Asia/Tokyo')::date) <= 8 then 1 else 0 end
       end,
       r.progress_record[49:84],
       'MIGRATED',
       now()
from subject_record r
where r.progress_record is not null
  and cardinality(r.progress_record) = 84
  and exists (select 1 from unnest(r.progress_record[49:84]) v where v <> '')
on conflict do nothing;
