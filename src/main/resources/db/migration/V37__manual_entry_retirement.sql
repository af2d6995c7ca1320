-- An answer-manual entry can be retired (廃止) with the city's agreement (第6章1(2) 発注者と協議の上で更新):
-- agents no longer find it, its versions stay readable for the call logs that name them, and it can be restored.
alter table manual_entry
    add column retired_on              date,          -- 市合意日 of the retirement
    add column retired_agreed_by       varchar(100),  -- who agreed at the city
    add column retired_reason          text,
    add column retired_by              varchar(64),   -- the floor manager who recorded it
    add column retired_at              timestamptz,
    add constraint manual_entry_retired_complete check (
        (retired_on is null) = (retired_agreed_by is null) and (retired_on is null) = (retired_by is null)
        and (retired_on is null) = (retired_at is null));
