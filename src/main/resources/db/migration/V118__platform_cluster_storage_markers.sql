-- Several nodes must see the same file storage (print bundles, scanned booklets, form images). Each node writes a
-- marker file holding a token into each configured directory and records the token here, by the directory's name
-- (each node may mount the share at its own path); another node that does not find the same token in its own copy
-- of the directory does not share it. Node names and tokens only.
create table cluster_storage_marker (
    node        text         not null,
    directory   text         not null,
    token       text         not null,
    written_at  timestamptz  not null,
    primary key (node, directory)
);
