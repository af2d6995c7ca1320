package jp.ikiiki.desk.tally.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.tally.BookletKind;
import jp.ikiiki.desk.tally.BookletState;
import jp.ikiiki.desk.tally.BookletSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes table {@code booklet}: the one place its rows become {@link BookletSummary}. */
@Component
public class Booklets {

	/** Columns of a summary: a booklet {@code b} left-joined to its scan {@code s}. */
	static final String SUMMARY_COLUMNS = "b.id, b.address_number, b.management_number, b.business_year, b.kind,"
			+ " b.received_on, b.state, b.received_at, b.received_by, s.file_name as scan_file";
	static final String FROM = " from booklet b left join booklet_scan s on s.booklet_id = b.id ";

	private final JdbcClient jdbc;

	Booklets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static BookletSummary summary(ResultSet rs, int row) throws SQLException {
		return new BookletSummary(rs.getLong("id"), rs.getString("address_number"), rs.getString("management_number"),
				rs.getInt("business_year"), BookletKind.valueOf(rs.getString("kind")),
				rs.getObject("received_on", LocalDate.class), BookletState.valueOf(rs.getString("state")),
				instant(rs, "received_at"), rs.getString("received_by"), rs.getString("scan_file"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	/** An instant as a {@code timestamptz} parameter. */
	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
	}

	/** The booklet; empty if none. */
	public Optional<BookletSummary> find(long id) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + FROM + "where b.id = :id").param("id", id)
				.query(Booklets::summary).optional();
	}

	/** The booklet, locked for update until the transaction ends. */
	BookletSummary lock(long id) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + FROM + "where b.id = :id for update of b").param("id", id)
				.query(Booklets::summary).optional()
				.orElseThrow(() -> new NotFoundException("手帳 " + id + " はありません"));
	}

	/**
	 * A booklet locked for keying, with who holds each pass and since when.
	 *
	 * @param booklet       the booklet
	 * @param entryBy       holder of the entry pass; null if none
	 * @param entryTouched  when the entry holder last keyed or claimed
	 * @param verifyBy      holder of the verify pass; null if none
	 * @param verifyTouched when the verify holder last keyed or claimed
	 */
	record Locked(BookletSummary booklet, String entryBy, Instant entryTouched, String verifyBy, Instant verifyTouched) {
	}

	/** The booklet and its pass holders, locked for update until the transaction ends (one statement). */
	Locked lockForKeying(long id) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + ", b.entry_by, b.entry_touched_at, b.verify_by, b.verify_touched_at"
				+ FROM + "where b.id = :id for update of b").param("id", id)
				.query((rs, n) -> new Locked(summary(rs, n), rs.getString("entry_by"), instant(rs, "entry_touched_at"),
						rs.getString("verify_by"), instant(rs, "verify_touched_at")))
				.optional()
				.orElseThrow(() -> new NotFoundException("手帳 " + id + " はありません"));
	}

	/** The booklet of a subject, year and kind; empty if not received. */
	public Optional<BookletSummary> find(String addressNumber, int businessYear, BookletKind kind) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + FROM
				+ "where b.address_number = :a and b.business_year = :y and b.kind = :k")
				.param("a", addressNumber).param("y", businessYear).param("k", kind.name())
				.query(Booklets::summary).optional();
	}

	/** Received booklets with this 申請書管理番号 (of one year if given), in order of receipt. */
	public java.util.List<BookletSummary> withNumber(String managementNumber, Integer businessYear) {
		return jdbc.sql("select " + SUMMARY_COLUMNS + FROM + "where b.management_number = :m"
				+ (businessYear == null ? "" : " and b.business_year = :y")
				+ " order by b.business_year, b.received_on, b.kind desc, b.id")
				.param("m", managementNumber).param("y", businessYear == null ? 0 : businessYear)
				.query(Booklets::summary).list();
	}
}
