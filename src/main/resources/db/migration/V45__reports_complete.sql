-- Whether a stored report covers its whole period (第6章1(4)): a report made before the closing (17:15, Japan time)
-- of its period's last day - today's report on demand, the current month's summary - counts only up to the moment
-- it was made and says so in its files; the inbox and the e-mail say so too. Reports stored before this column
-- existed are classified by the same rule from when they were made.
alter table report add column complete boolean;
update report set complete = generated_at >= ((period_to + time '17:15') at time zone 'Asia/Tokyo');
alter table report alter column complete set not null;
