-- Characters that must not be printed as they are (第3章1, issue 5 point 3): the city's decision per person and
-- field, kept for every later run. subject_id null: a rule for everyone (e.g. 髙 → 高). field '*': every field.
-- kind REPLACE prints replacement instead of original (one character: a code point with its variation selectors);
-- kind KANA prints the field's kana form. A later decision for the same key replaces the earlier one (the audit
-- trail keeps the history).
create table print_character_decision (
    id           bigserial    primary key,
    subject_id   text,
    field        text         not null,
    kind         text         not null check (kind in ('REPLACE', 'KANA')),
    original     text         not null default '',
    replacement  text,
    note         text,
    decided_by   text         not null,
    decided_at   timestamptz  not null default now(),
    check ((kind = 'KANA' and original = '' and replacement is null)
        or (kind = 'REPLACE' and original <> '' and replacement is not null))
);
create unique index print_character_decision_key
    on print_character_decision (coalesce(subject_id, ''), field, kind, original);
create index print_character_decision_subject on print_character_decision (subject_id);
