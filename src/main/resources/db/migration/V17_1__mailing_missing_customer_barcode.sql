-- Envelopes of a batch printed without a customer barcode because Japan Post's rules cannot handle the address
-- (issue 5 point 2): listed for the operator and the post office's count. Written with the bundle's print file in
-- one transaction; a bundle written again replaces its rows.
create table mailing_missing_customer_barcode (
    batch_id   bigint      not null references mailing_batch (id) on delete cascade,
    bundle_no  int         not null,
    subject_id varchar(20) not null,                -- 宛名番号
    reason     text        not null,                -- why, in Japanese, as the customer-barcode rules give it
    primary key (batch_id, subject_id)
);
create index mailing_missing_customer_barcode_bundle_idx on mailing_missing_customer_barcode (batch_id, bundle_no);
