-- Mailing batch status as a closed set (mailings.BatchStatus), the withdrawal of a batch before dispatch, and the
-- number of fields that stopped the last print run for the city's decision on characters (第3章1), so that the
-- operators' work list finds such batches without re-checking every envelope.
alter table mailing_batch
    add column print_undecided int          not null default 0 check (print_undecided >= 0),
    add column cancelled_at    timestamptz,
    add column cancelled_by    varchar(100),
    add column cancel_reason   text;

alter table mailing_batch
    add constraint mailing_batch_status_check
        check (status in ('NEW', 'SELECTED', 'PRINTED', 'DISPATCHED', 'CANCELLED'));

alter table mailing_batch
    add constraint mailing_batch_cancelled_check
        check ((status = 'CANCELLED') = (cancelled_at is not null and cancel_reason is not null));

create index mailing_batch_status_idx on mailing_batch (status);
