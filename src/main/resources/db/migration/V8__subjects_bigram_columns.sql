-- The bigrams of the kanji name and of the address key become stored columns with plain GIN indexes instead
-- of GIN indexes on subject_bigrams(...) expressions. Measured at 190,000 inserted subjects: 21.5 s with the
-- expression indexes, 10.6 s with indexes on stored arrays (+ about 3 s for the trigger below), because an
-- expression index evaluates the function again for every index operation and recheck.
alter table subject
    add column name_kanji_bigrams text[] not null default '{}',
    add column address_bigrams    text[] not null default '{}';

-- The import computes the arrays itself and sends them with the row (computing them here costs about 6.5 s
-- per 190,000 rows). For every other writer (later modules, fixtures) the database fills them: on insert when
-- none were given, on update when a key changed and its arrays did not.
create function subject_keep_bigrams() returns trigger language plpgsql as $$
begin
    if (tg_op = 'INSERT' and new.name_kanji_bigrams = '{}')
       or (tg_op = 'UPDATE' and new.name_kanji_key is distinct from old.name_kanji_key
           and new.name_kanji_bigrams is not distinct from old.name_kanji_bigrams) then
        new.name_kanji_bigrams := coalesce(subject_bigrams(new.name_kanji_key), '{}');
    end if;
    if (tg_op = 'INSERT' and new.address_bigrams = '{}')
       or (tg_op = 'UPDATE' and new.address_key is distinct from old.address_key
           and new.address_bigrams is not distinct from old.address_bigrams) then
        new.address_bigrams := coalesce(subject_bigrams(new.address_key), '{}');
    end if;
    return new;
end $$;

create trigger subject_keep_bigrams
    before insert or update of name_kanji_key, address_key on subject
    for each row execute function subject_keep_bigrams();

update subject set name_kanji_bigrams = coalesce(subject_bigrams(name_kanji_key), '{}'),
                   address_bigrams = coalesce(subject_bigrams(address_key), '{}');

drop index subject_name_kanji_bigrams_idx;
drop index subject_address_bigrams_idx;
create index subject_name_kanji_bigrams_idx on subject using gin (name_kanji_bigrams);
create index subject_address_bigrams_idx on subject using gin (address_bigrams);
