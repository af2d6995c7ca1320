package jp.ikiiki.desk.tally.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletState;
import jp.ikiiki.desk.tally.NoticeCandidate;
import jp.ikiiki.desk.tally.StampCounts;
import jp.ikiiki.desk.tally.YearPoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sums the verified booklets of a subject's year and applies the cap: for one subject, or streamed over a whole year
 * (one pass over the year's booklets in 宛名番号 order, one subject in memory at a time). Unverified booklets are
 * counted but never summed. The cap's inputs are those recorded with the subject's latest received booklet of the
 * year.
 */
@Component
public class YearTotals {

	private static final String COLUMNS = "b.id, b.address_number, b.management_number, b.business_year, b.kind,"
			+ " b.received_on, b.received_at, b.state, b.transport_subsidy, b.care_level, b.disabled_transport_subsidy,"
			+ " b.stamps_4p, b.stamps_2p, b.checkups, b.stamps_1p, b.void_stamps, b.notified_at";

	private final JdbcTemplate streaming;
	private final CapRules caps;
	private final TransactionTemplate readOnly;

	YearTotals(DataSource dataSource, CapRules caps, PlatformTransactionManager transactions) {
		this.streaming = new JdbcTemplate(dataSource);
		// PostgreSQL streams with a cursor only inside a transaction and with a fetch size.
		this.streaming.setFetchSize(2_000);
		this.caps = caps;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** One booklet row as the sums need it. */
	record Row(long id, String addressNumber, String managementNumber, int businessYear, BookletKind kind,
			LocalDate receivedOn, BookletState state, Boolean transportSubsidy, String careLevel,
			Boolean disabledTransportSubsidy, StampCounts counts, boolean notified) {

		boolean verified() {
			return state == BookletState.VERIFIED;
		}
	}

	/** A subject's year; {@link YearPoints.State#NONE} with zeros if no booklet of the year was received. */
	public YearPoints of(String addressNumber, int businessYear) {
		List<Row> rows = streaming.query("select " + COLUMNS + " from booklet b where b.address_number = ? and"
				+ " b.business_year = ? order by b.received_at, b.id", YearTotals::row, addressNumber, businessYear);
		return sum(addressNumber, businessYear, rows);
	}

	/** Every year of a subject that has booklets, newest first. */
	public List<YearPoints> history(String addressNumber) {
		List<Integer> years = streaming.queryForList("select distinct business_year from booklet where address_number = ?"
				+ " order by business_year desc", Integer.class, addressNumber);
		return years.stream().map(y -> of(addressNumber, y)).toList();
	}

	YearPoints sum(String addressNumber, int businessYear, List<Row> rows) {
		StampCounts counts = StampCounts.ZERO;
		int verified = 0;
		Row latest = null;
		for (Row r : rows) {
			if (r.verified()) {
				counts = counts.plus(r.counts());
				verified++;
			}
			latest = r; // rows come in order of receipt
		}
		CapRules.Cap cap = latest == null ? caps.capFor(null, null, null)
				: caps.capFor(latest.transportSubsidy(), latest.careLevel(), latest.disabledTransportSubsidy());
		return caps.yearPoints(addressNumber, businessYear, counts, cap, rows.size(), verified);
	}

	/**
	 * Streams every subject of the year that has a booklet, in 宛名番号 order, with its booklets.
	 *
	 * @param each called with the subject's year and its booklets in order of receipt
	 */
	void forEachSubject(int businessYear, SubjectConsumer each) {
		readOnly.executeWithoutResult(tx -> {
			var group = new ArrayList<Row>();
			streaming.query("select " + COLUMNS + " from booklet b where b.business_year = ?"
					+ " order by b.address_number, b.received_at, b.id", (RowCallbackHandler) rs -> {
						Row r = row(rs, 0);
						if (!group.isEmpty() && !group.get(0).addressNumber().equals(r.addressNumber())) {
							flush(businessYear, group, each);
						}
						group.add(r);
					}, businessYear);
			if (!group.isEmpty()) {
				flush(businessYear, group, each);
			}
		});
	}

	private void flush(int businessYear, List<Row> group, SubjectConsumer each) {
		String address = group.get(0).addressNumber();
		each.accept(sum(address, businessYear, group), List.copyOf(group));
		group.clear();
	}

	/** Receives one subject's year and booklets. */
	@FunctionalInterface
	interface SubjectConsumer {
		void accept(YearPoints year, List<Row> booklets);
	}

	/** The verified, not yet notified booklets of the year with their notice decision (第8章2, 3). */
	int forEachDueForNotice(int businessYear, Consumer<NoticeCandidate> each) {
		int[] count = { 0 };
		forEachSubject(businessYear, (year, rows) -> {
			for (Row r : rows) {
				if (r.verified() && !r.notified()) {
					each.accept(new NoticeCandidate(r.id(), r.addressNumber(), r.managementNumber(), r.businessYear(),
							r.kind(), r.receivedOn(), r.receivedOn().plusMonths(1), r.counts(), year,
							NoticeCandidate.Decision.of(r.counts())));
					count[0]++;
				}
			}
		});
		return count[0];
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		BookletState state = BookletState.valueOf(rs.getString("state"));
		StampCounts counts = null;
		if (state == BookletState.VERIFIED) {
			counts = new StampCounts(rs.getInt("stamps_4p"), rs.getInt("stamps_2p"), checkups(rs.getArray("checkups")),
					rs.getInt("stamps_1p"), rs.getInt("void_stamps"));
		}
		return new Row(rs.getLong("id"), rs.getString("address_number"), rs.getString("management_number"),
				rs.getInt("business_year"), BookletKind.valueOf(rs.getString("kind")),
				rs.getObject("received_on", LocalDate.class), state, bool(rs, "transport_subsidy"),
				rs.getString("care_level"), bool(rs, "disabled_transport_subsidy"), counts,
				rs.getObject("notified_at") != null);
	}

	private static List<Integer> checkups(Array array) throws SQLException {
		try {
			return Arrays.asList((Integer[]) array.getArray());
		} finally {
			array.free();
		}
	}

	private static Boolean bool(ResultSet rs, String column) throws SQLException {
		boolean v = rs.getBoolean(column);
		return rs.wasNull() ? null : v;
	}
}
