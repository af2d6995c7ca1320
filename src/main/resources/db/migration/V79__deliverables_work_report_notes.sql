-- The monthly work report's text per KPI (第1章5(1)): what was done in the month and what comes next. A month
-- without its own text starts from the latest earlier month's text, shown as a draft until saved.
create table work_report_note (
    month       char(7)      not null,
    kpi         varchar(64)  not null,
    done        varchar(4000) not null default '',
    next        varchar(4000) not null default '',
    updated_by  varchar(64)  not null,
    updated_at  timestamptz  not null,
    primary key (month, kpi)
);
