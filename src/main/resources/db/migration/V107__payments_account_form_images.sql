-- The scanned 口座登録用紙 (第10章3), kept as a file outside the database like the tally's booklets: which file, its
-- SHA-256, pages and size, and the name it was uploaded under.
alter table account_form add column image_name varchar(64);
alter table account_form add column image_sha256 char(64);
alter table account_form add column image_pages integer not null default 0 check (image_pages >= 0);
alter table account_form add column image_bytes bigint;
alter table account_form add column image_original varchar(255);
