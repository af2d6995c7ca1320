package jp.ikiiki.desk.audit;

import java.io.OutputStream;
import java.util.List;

/** Reads the audit trail; for the information-security manager only. */
public interface AuditQueries {

	/** At most this many entries go into one export; a wider filter is refused. */
	int EXPORT_LIMIT = 100_000;

	/** What a list can be ordered by. */
	enum SortBy {
		OCCURRED_AT, USERNAME, ACTION, CHANNEL, SOURCE_ADDRESS
	}

	/** An order; ties are broken by time and id, newest first. */
	record Sort(SortBy by, boolean ascending) {
		public static final Sort NEWEST_FIRST = new Sort(SortBy.OCCURRED_AT, false);
	}

	/** The two export formats. */
	enum Format {
		CSV, XLSX
	}

	/**
	 * Newest first.
	 *
	 * @param offset rows to skip (≥ 0)
	 * @param limit  rows to return (1–1000)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException for an offset or limit out of range
	 */
	List<AuditEntry> find(AuditFilter filter, int offset, int limit);

	/** {@link #find(AuditFilter, int, int)} in the given order. */
	List<AuditEntry> find(AuditFilter filter, Sort sort, int offset, int limit);

	/** How many entries match. */
	long count(AuditFilter filter);

	/**
	 * Writes every matching entry, in the given order, as CSV (UTF-8 with BOM, cells safe from formula injection) or
	 * XLSX (streamed), for the information-security manager to take elsewhere. The export is itself audited.
	 *
	 * @return the number of entries written
	 * @throws jp.ikiiki.desk.shared.InvalidInputException when more than {@link #EXPORT_LIMIT} entries match
	 */
	long export(AuditFilter filter, Sort sort, Format format, OutputStream out, String channel);
}
