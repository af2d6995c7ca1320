-- Erasable personal values in the audit trail (第11章1(5)(6)).
--
-- The trail stays append-only for who did what, when and from where (username, action, channel, time, address:
-- kept in clear and never changed). Its personal values (the 宛名番号 of the people concerned, the file name and the
-- detail, which holds search terms) are sealed with a secret kept outside the trail, in audit_key; erasure at the end
-- of the contract destroys that secret, after which the sealed values can never be read again, while every entry
-- still says who did what and when.
--
--   * sealed: pgcrypto's OpenPGP symmetric encryption (AES-256, salted S2K over SHA-256, with the MDC integrity
--     check) of {"s": subject ids, "f": file name, "d": detail}, under the key's secret.
--   * subject_tags: HMAC-SHA-256 of each 宛名番号 under the same secret, so that "who looked at this person" is still
--     an indexed query (audit_tags(number) gives the tags of a number under every live secret).
--
-- The table is renamed audit_record; "audit_event" becomes a view with the old columns, decrypting on read, and an
-- INSTEAD OF INSERT trigger that seals on write: every reader and writer of the trail keeps working unchanged.
create extension if not exists pgcrypto;

create sequence audit_key_generation_seq;

-- One secret per generation; a new one is made when none exists (at the first entry after an erasure). Readable only
-- by the schema owner (afterMigrate.sql revokes the application's rights); reached through the functions below.
create table audit_key (
    generation integer     primary key default nextval('audit_key_generation_seq'),
    secret     bytea       not null,
    created_at timestamptz not null default now()
);

alter table audit_event rename to audit_record;
alter table audit_record add column key_generation integer;
alter table audit_record add column subject_tags text[] not null default '{}';
alter table audit_record add column sealed bytea;

create function audit_current_key() returns audit_key
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    k audit_key;
begin
    select * into k from audit_key order by generation desc limit 1;
    if not found then
        insert into audit_key (secret) values (gen_random_bytes(32)) returning * into k;
    end if;
    return k;
end $$;

create function audit_seal(subject_ids text[], file_name text, detail text, secret bytea) returns bytea
    language sql volatile set search_path = public, pg_temp as $$
    select pgp_sym_encrypt(
        jsonb_build_object('s', to_jsonb(coalesce(subject_ids, '{}'::text[])), 'f', file_name, 'd', detail)::text,
        encode(secret, 'base64'), 'cipher-algo=aes256, s2k-mode=1, s2k-digest-algo=sha256')
$$;

create function audit_tag_all(subject_ids text[], secret bytea) returns text[]
    language sql immutable set search_path = public, pg_temp as $$
    select coalesce(array_agg(encode(hmac(convert_to(s, 'UTF8'), secret, 'sha256'), 'hex')), '{}'::text[])
    from unnest(coalesce(subject_ids, '{}'::text[])) s
$$;

-- The sealed values of one entry, or null once its secret is destroyed.
create function audit_open(sealed bytea, generation integer) returns jsonb
    language sql stable security definer set search_path = public, pg_temp as $$
    select pgp_sym_decrypt(sealed, encode(k.secret, 'base64'))::jsonb from audit_key k where k.generation = $2
$$;

-- The tags a 宛名番号 has under every live secret (for "entries that name this person").
create function audit_tags(subject_id text) returns text[]
    language sql stable security definer set search_path = public, pg_temp as $$
    select coalesce(array_agg(encode(hmac(convert_to(subject_id, 'UTF8'), k.secret, 'sha256'), 'hex')), '{}'::text[]) from audit_key k
$$;

-- Destroys every secret (erasure only: the application's role may not call it, see afterMigrate.sql).
create function audit_destroy_keys() returns integer
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    n integer;
begin
    delete from audit_key;
    get diagnostics n = row_count;
    return n;
end $$;
revoke execute on function audit_destroy_keys() from public;

-- Seal what is there. The append-only trigger is lifted for this one statement of the schema owner.
alter table audit_record disable trigger audit_event_no_update_delete;
update audit_record r
   set key_generation = k.generation,
       subject_tags   = audit_tag_all(r.subject_ids, k.secret),
       sealed         = audit_seal(r.subject_ids, r.file_name, r.detail, k.secret),
       subject_ids    = '{}',
       file_name      = null,
       detail         = null
  from audit_current_key() k;
alter table audit_record enable trigger audit_event_no_update_delete;

drop index audit_event_subject_ids;
alter table audit_record drop column subject_ids;
alter table audit_record drop column file_name;
alter table audit_record drop column detail;
alter table audit_record alter column key_generation set not null;
alter table audit_record alter column sealed set not null;
create index audit_record_subject_tags on audit_record using gin (subject_tags);

create view audit_event as
select r.id, r.occurred_at, r.username, r.action, r.channel,
       case when o.v is null then '{}'::text[]
            else array(select jsonb_array_elements_text(o.v -> 's')) end as subject_ids,
       o.v ->> 'f' as file_name,
       o.v ->> 'd' as detail,
       r.source_address,
       r.subject_tags,
       r.key_generation,
       o.v is null as values_erased
  from audit_record r
  left join lateral (select audit_open(r.sealed, r.key_generation) as v) o on true;

alter view audit_event alter column id set default nextval('audit_event_id_seq');
alter view audit_event alter column occurred_at set default now();
alter view audit_event alter column subject_ids set default '{}';

create function audit_event_append() returns trigger
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    k audit_key;
begin
    k := audit_current_key();
    insert into audit_record (id, occurred_at, username, action, channel, source_address, key_generation,
                              subject_tags, sealed)
    values (coalesce(new.id, nextval('audit_event_id_seq')), coalesce(new.occurred_at, now()), new.username,
            new.action, new.channel, new.source_address, k.generation, audit_tag_all(new.subject_ids, k.secret),
            audit_seal(new.subject_ids, new.file_name, new.detail, k.secret))
    returning id, occurred_at into new.id, new.occurred_at;
    new.subject_tags := audit_tag_all(new.subject_ids, k.secret);
    new.key_generation := k.generation;
    new.values_erased := false;
    return new;
end $$;

create trigger audit_event_append instead of insert on audit_event
    for each row execute function audit_event_append();
