-- The bank's 振込不能 list imported as a file (besides typed): which file, so that a second import of it is recognised.
alter table payment_return add column source varchar(6) not null default 'TYPED' check (source in ('TYPED', 'FILE'));
alter table payment_return add column file_name varchar(255);
alter table payment_return add column sha256 char(64);

-- 振込有無 (別紙3 col 54) follows the bank's confirmation of a delivered run: its result file imported, or a floor
-- manager's confirmation that the bank carried the run out.
alter table payment_run add column confirmed_by varchar(100);
alter table payment_run add column confirmed_at timestamptz;
alter table payment_run add column confirmed_how varchar(14) check (confirmed_how in ('BANK_RESULT', 'FLOOR_MANAGER'));
