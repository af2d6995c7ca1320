-- The answer manual (第6章1(1)(2)): an entry is a sequence of versions. Every edit adds a version; none is ever
-- changed afterwards except to record the city's agreement on it, so the version a call log names stays readable.
-- A version is in force once the city's agreement is recorded; at most one version of an entry is in force.
create table manual_entry (
    id          bigserial    primary key,
    created_at  timestamptz  not null default now(),
    created_by  varchar(64)  not null,
    -- How often agents opened the entry (AnswerManual.entry on the version in force): a blank search lists the
    -- most used entries first.
    reads       bigint       not null default 0
);

create table manual_entry_version (
    entry_id               bigint        not null references manual_entry (id),
    version                int           not null check (version >= 1),
    category               varchar(100),
    question               text          not null,
    answer                 text          not null,
    -- Extra search words (readings in kana, what callers say), not shown as part of the answer.
    keywords               text          not null default '',
    edit_note              text,
    edited_by              varchar(64)   not null,
    edited_at              timestamptz   not null default now(),
    -- The city's agreement (第6章1(2) 発注者と協議の上で更新): its date, who agreed at the city, who recorded it.
    agreed_on              date,
    agreed_by              varchar(100),
    agreement_recorded_by  varchar(64),
    agreement_recorded_at  timestamptz,
    in_force               boolean       not null default false,
    -- Search key (kana and width folded, spaces removed) and its distinct two-character substrings: the same
    -- bigram approach as the subject look-up (V6, V8), computed by the application (ManualText).
    question_key           text          not null,
    search_key             text          not null,
    search_bigrams         text[]        not null,
    primary key (entry_id, version),
    check (in_force = false or agreed_on is not null),
    check ((agreed_on is null) = (agreed_by is null))
);

create unique index manual_entry_version_one_in_force on manual_entry_version (entry_id) where in_force;
create index manual_entry_version_bigrams on manual_entry_version using gin (search_bigrams) where in_force;

-- Escalations (第6章1(3)): a question the agent could not answer, reported to the city, answered with the city's
-- instruction, called back and closed. Each step keeps who, when and its text.
create table escalation (
    id               bigserial     primary key,
    state            varchar(16)   not null check (state in ('OPEN', 'REPORTED', 'INSTRUCTED', 'CALLED_BACK', 'CLOSED')),
    -- The call log entry it came from (agentdesk.InquiryClosed), unique so that a redelivered event opens no
    -- second case; null for a case a floor manager opened by hand.
    call_log_id      bigint        unique,
    linked_id        varchar(64),
    subject_id       varchar(20),
    -- Personal data: shown to the contractor's staff on the case page only (audited), never logged.
    caller_number    varchar(32),
    category         varchar(200),
    inquiry          text          not null,
    opened_by        varchar(64)   not null,
    opened_at        timestamptz   not null,
    reported_by      varchar(64),
    reported_at      timestamptz,
    report_text      text,
    instructed_by    varchar(64),
    instructed_at    timestamptz,
    instruction_text text,
    called_back_by   varchar(64),
    called_back_at   timestamptz,
    callback_note    text,
    closed_by        varchar(64),
    closed_at        timestamptz,
    close_note       text
);

create index escalation_state on escalation (state, opened_at);
create index escalation_opened_at on escalation (opened_at);
create index escalation_closed_at on escalation (closed_at);
