-- The mass-ending guard and confirmation of held imports (第3章, 第9章1(2)): a full city file that would end too
-- many subjects is HELD with its reasons until a floor manager confirms it with the number it ends; the file
-- itself is kept until then, in chunks, so that the confirmation applies exactly the bytes that were checked.
alter table subject_import
    add column hold_active  integer,                   -- subjects of the kind active before the file (held or would-be held)
    add column hold_valid   integer,                   -- valid rows of the file
    add column hold_reasons text,                      -- the rules the file breaks, one Japanese sentence per line
    add column confirmed_by varchar(64),               -- the floor manager who confirmed a held import
    add column confirmed_at timestamptz;

alter table subject_import add constraint subject_import_status check (status in
    ('RUNNING', 'APPLIED', 'DRY_RUN', 'BLOCKED', 'WRONG_KIND', 'HELD', 'WITHDRAWN', 'SUPERSEDED', 'FAILED'));

create index subject_import_pending on subject_import (kind, status) where status in ('RUNNING', 'HELD');

-- The bytes of a held file, in chunks of 1 MB in order. Deleted when the import is applied, withdrawn or
-- superseded (personal data is kept no longer than the confirmation needs it).
create table subject_import_file (
    import_id bigint  not null references subject_import (id) on delete cascade,
    seq       integer not null,
    bytes     bytea   not null,
    primary key (import_id, seq)
);
