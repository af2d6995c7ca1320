-- MD5 of the city-owned values of each stored record (別紙2: all 33 columns; 別紙3: columns 1–54), joined with
-- U+001F in 別紙 order. An import compares this instead of rebuilding and comparing the whole jsonb record of
-- every row; rows stored before this column existed are compared in full once and then get their hash.
alter table subject add column index_hash bytea, add column progress_hash bytea;
