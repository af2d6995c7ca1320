-- Every attempt to import a city file (第3章, 第9章1(2)), applied, dry-run or blocked, with its
-- システム更新結果報告書 and every problem found, so that both survive a rollback of the import itself.
create table subject_import (
    id            bigserial    primary key,
    kind          varchar(20)  not null,               -- index (別紙2) | progress (別紙3)
    file_name     varchar(300) not null,
    file_sha256   char(64),                            -- of the bytes received; the same file imported twice has the same hash
    format        varchar(10),                         -- CSV | XLSX
    charset       varchar(30),                         -- CSV only: UTF-8, UTF-8 (BOM付き), Windows-31J
    rows          integer      not null default 0,     -- data rows read (header and blank rows not counted)
    status        varchar(20)  not null,               -- RUNNING, APPLIED, DRY_RUN, BLOCKED, FAILED
    dry_run       boolean      not null,
    accept_valid  boolean      not null,
    added         integer      not null default 0,
    changed       integer      not null default 0,
    ended         integer      not null default 0,
    rejected      integer      not null default 0,
    flagged       integer      not null default 0,
    problem_count integer      not null default 0,     -- all problems found (those stored may be capped, see below)
    imported_by   varchar(64)  not null,
    started_at    timestamptz  not null default now(),
    finished_at   timestamptz,
    report_xlsx   bytea                                -- the システム更新結果報告書
);
create index subject_import_started_at on subject_import (started_at desc);

-- One line per problem: row (header = 1), the column's 別紙 header (null for the whole row or file), the value
-- as found, the reason, and ERROR (row rejected) / GAIJI (imported, flagged for 外字 review) / NOTICE.
create table subject_import_problem (
    import_id   bigint       not null references subject_import (id) on delete cascade,
    seq         integer      not null,
    row_no      bigint       not null,
    column_name varchar(100),
    value       text,
    reason      text         not null,
    severity    varchar(10)  not null,
    primary key (import_id, seq)
);
