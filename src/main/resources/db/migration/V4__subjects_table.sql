-- Subjects (第3章, 第9章, 別紙2, 別紙3), one row per 宛名番号.
-- The raw rows of both city files are kept whole as jsonb (header -> normalised value) so that all
-- 33 and 84 columns survive; the columns an agent searches or a mailing prints are copied out typed.
create table subject (
    address_number      varchar(20)  primary key,           -- 宛名番号
    management_number   varchar(30),                        -- 申請書管理番号
    name_kana           varchar(100) not null,              -- 氏名カナ as supplied (normalised to full width)
    name_kana_key       varchar(100) not null,              -- katakana, no spaces, small kana enlarged: the search key
    name_kanji          varchar(100) not null,              -- 氏名漢字
    name_kanji_key      varchar(100) not null,              -- NFKC, no spaces
    alias_kanji         varchar(100),                       -- 通称名漢字
    sex                 char(1),                            -- 1 male, 2 female
    birth_date          date         not null,
    ward_code           smallint check (ward_code between 101 and 108),
    postal_code         char(7),
    address             text,                               -- 住所漢字
    address_extra       text,                               -- 方書漢字
    mail_postal_code    char(7),                            -- 送付先郵便番号
    mail_address        text,                               -- 送付先住所
    mail_address_extra  text,                               -- 送付先方書
    address_key         text         not null default '',   -- NFKC of all address parts, no spaces
    care_level          varchar(20),                        -- 要介護認定状態
    ticket_type         varchar(40),                        -- 利用券種
    index_record        jsonb,                              -- last 別紙2 row
    index_import_id     bigint,
    index_ended_at      timestamptz,                        -- absent from the latest full 別紙2 file
    progress_record     jsonb,                              -- 別紙3 row, all 84 columns
    progress_import_id  bigint,
    progress_ended_at   timestamptz,
    gaiji               jsonb        not null default '[]', -- [{"column","value","chars"}] awaiting the city's 外字 decision
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    check (index_record is not null or progress_record is not null)
);
