-- Notice runs (第8章1–4) run in the background: their progress is kept on the run's row, so that the screen shows it
-- live and again after a reload, and a run that a stop of the application interrupted can be found and closed.
alter table notice_run add column phase varchar(10) not null default 'FINISHED'
    check (phase in ('SELECTING', 'BATCHING', 'LISTING', 'RECORDING', 'FINISHED'));
alter table notice_run add column selected   int not null default 0;  -- people whose booklets the run read
alter table notice_run add column batched    int not null default 0;  -- notices placed in the mailing batches so far
alter table notice_run add column to_batch   int not null default 0;  -- notices to place in the mailing batches
alter table notice_run add column listed     int not null default 0;  -- rows written to the 獲得ポイント通知一覧
alter table notice_run add column failure    varchar(500);            -- why a FAILED run failed, for the operator
alter table notice_run add column updated_at timestamptz not null default now();
comment on column notice_run.phase is 'SELECTING → BATCHING → LISTING → RECORDING while RUNNING; FINISHED once DONE or FAILED';
comment on column notice_run.failure is 'the reason shown to the operator (never personal data)';
