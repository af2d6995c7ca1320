package jp.ikiiki.desk.mailings.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.MailingHistory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mailing history read once per selection (one query instead of two per subject): every dispatched envelope
 * and every envelope of other open batches, pulled-out ones excluded, each with its business year.
 */
final class PreloadedHistory implements MailingHistory {

	private record Entry(String kind, long openBatch, int businessYear) {
	}

	private final int businessYear;

	private PreloadedHistory(int businessYear) {
		this.businessYear = businessYear;
	}

	/** The statuses whose envelopes hold their subjects ({@link BatchStatus#open()}). */
	private static final String[] OPEN = Arrays.stream(BatchStatus.values()).filter(BatchStatus::open).map(Enum::name)
			.toArray(String[]::new);

	private final Map<String, List<Entry>> bySubject = new HashMap<>();

	/**
	 * @param businessYear the business year of the batch being selected
	 * @param subjects     the subjects to load, or null for all (a whole-population kind)
	 */
	static PreloadedHistory load(JdbcClient jdbc, long batchId, int businessYear, Collection<String> subjects) {
		var h = new PreloadedHistory(businessYear);
		String filter = subjects == null ? "" : " and subject_id = any(:ids)";
		var sql = jdbc.sql("""
				select subject_id, kind, 0 as open_batch, business_year from subject_mailing where true %s
				union all
				select e.subject_id, b.kind, b.id, b.business_year
				from mailing_envelope e join mailing_batch b on b.id = e.batch_id
				 where b.status = any(:open) and e.pulled_at is null and e.recipient_kind = 'SUBJECT' and b.id <> :batch %s
				""".formatted(filter, filter.replace("subject_id", "e.subject_id"))).param("batch", batchId)
				.param("open", OPEN);
		if (subjects != null) {
			sql = sql.param("ids", subjects.toArray(String[]::new));
		}
		sql.query(rs -> {
			h.bySubject.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(2))
					.add(new Entry(rs.getString(2), rs.getLong(3), rs.getInt(4)));
		});
		return h;
	}

	@Override
	public int businessYear() {
		return businessYear;
	}

	@Override
	public boolean dispatched(String subjectId, Collection<String> kinds, int year) {
		return entries(subjectId).stream()
				.anyMatch(e -> e.openBatch == 0 && e.businessYear == year && kinds.contains(e.kind));
	}

	@Override
	public int dispatchedCount(String subjectId, String kind) {
		return (int) entries(subjectId).stream().filter(e -> e.openBatch == 0 && e.kind.equals(kind)).count();
	}

	@Override
	public long openBatch(String subjectId, Collection<String> kinds, int year) {
		return entries(subjectId).stream()
				.filter(e -> e.openBatch != 0 && e.businessYear == year && kinds.contains(e.kind))
				.mapToLong(Entry::openBatch).findFirst().orElse(0);
	}

	private List<Entry> entries(String subjectId) {
		return bySubject.getOrDefault(subjectId, List.of());
	}
}
