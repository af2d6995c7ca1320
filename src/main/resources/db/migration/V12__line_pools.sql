-- Line pools (第6章2, issue 3 points 4 and 5).
--
-- line_plan: the lines the contract asks for, per month, in line-days (one line for one open day; a half-day
-- counts 0.5, ※2, and the month's total is rounded up as in the contract's example: 19 × 0.5 × 5 + 19 × 0.5 × 2
-- = 66.5 is stated as 67). contract_days is the month's day count printed in the contract's table (it may differ from
-- the city's calendar); default_am / default_pm are the lines per half-day the schedule of that month starts with
-- when the application fills it for the first time.
create table line_plan (
    month              date         primary key check (extract(day from month) = 1),
    fiscal_year        integer      not null,
    planned_line_days  numeric(7,1) not null check (planned_line_days >= 0),
    contract_days      integer      check (contract_days between 0 and 31),
    default_am         integer      not null check (default_am >= 0),
    default_pm         integer      not null check (default_pm >= 0)
);
create index line_plan_fiscal_year on line_plan (fiscal_year, month);

-- 令和8年度, transcribed from the contract's table (第6章2): 1,022 line-days in 240 days. Months whose average is a
-- whole number start with that many lines all day; November (67 = 3.5 × 19) starts as the contract's own
-- example: 5 lines in the morning and 2 in the afternoon (19 × 0.5 × 5 + 19 × 0.5 × 2 = 66.5, stated as 67).
insert into line_plan (month, fiscal_year, planned_line_days, contract_days, default_am, default_pm) values
    (date '2026-04-01', 2026,  42, 21,  2,  2),
    (date '2026-05-01', 2026,  36, 18,  2,  2),
    (date '2026-06-01', 2026,  44, 22,  2,  2),
    (date '2026-07-01', 2026, 242, 22, 11, 11),
    (date '2026-08-01', 2026, 180, 20,  9,  9),
    (date '2026-09-01', 2026, 171, 19,  9,  9),
    (date '2026-10-01', 2026,  84, 21,  4,  4),
    (date '2026-11-01', 2026,  67, 19,  5,  2),
    (date '2026-12-01', 2026,  38, 19,  2,  2),
    (date '2027-01-01', 2026,  38, 19,  2,  2),
    (date '2027-02-01', 2026,  36, 18,  2,  2),
    (date '2027-03-01', 2026,  44, 22,  2,  2);

-- The schedule: lines per open day and half-day. Rows exist only for open days (the service refuses others).
create table line_schedule (
    day        date        not null,
    half       varchar(2)  not null check (half in ('AM', 'PM')),
    lines      integer     not null check (lines >= 0),
    updated_at timestamptz not null default now(),
    updated_by text        not null,
    primary key (day, half)
);

-- "Resize now": a limit that holds from set_at until the next opening, half-day boundary or closing (until_at).
-- The newest row whose period covers an instant is in force then; rows are kept as history.
create table line_override (
    id       bigserial   primary key,
    lines    integer     not null check (lines >= 0),
    set_at   timestamptz not null,
    until_at timestamptz not null check (until_at >= set_at), -- equal: ended at once
    set_by   text        not null
);
create index line_override_period on line_override (until_at, set_at);
