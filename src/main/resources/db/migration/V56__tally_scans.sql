-- Scanned booklets (第10章1): one PDF per cut booklet with every page, kept outside the database under
-- ikiiki.tally.scan-dir. A file is either linked to its booklet or waiting in the queue for an operator.
create table booklet_scan (
    booklet_id     bigint       primary key references booklet (id),
    file_name      varchar(100) not null unique,   -- 別紙3 col 76 (main) or 77 (additional)
    sha256         char(64)     not null unique,
    pages          int          not null check (pages > 0),
    bytes          bigint       not null,
    original_name  varchar(255) not null,
    linked_how     varchar(10)  not null check (linked_how in ('BARCODE', 'HAND')),
    linked_by      varchar(100) not null,
    linked_at      timestamptz  not null
);

-- Files whose cover could not be read or linked, until an operator assigns them while looking at the page.
create table booklet_scan_queue (
    id             bigserial    primary key,
    stored_name    varchar(100) not null unique,   -- under scan-dir/queue
    sha256         char(64)     not null unique,
    pages          int          not null check (pages > 0),
    bytes          bigint       not null,
    original_name  varchar(255) not null,
    decoded        varchar(30),                    -- the number read from the barcode, if any
    reason         text         not null,
    queued_by      varchar(100) not null,
    queued_at      timestamptz  not null
);
