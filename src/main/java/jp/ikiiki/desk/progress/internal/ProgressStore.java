package jp.ikiiki.desk.progress.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import jp.ikiiki.desk.progress.ProgressYear;
import jp.ikiiki.desk.progress.ProgressYear.Source;
import jp.ikiiki.desk.progress.YearColumns;
import jp.ikiiki.desk.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table {@code progress_year}: one row per person and business year with 別紙3 columns 49–84 as a text array. The
 * one place that reads and writes it.
 */
@Component
class ProgressStore {

	private static final String COLUMNS = "address_number, business_year, year_record, source, tally_booklets, "
			+ "notice_sent_on, paid_on";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ProgressStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	Optional<ProgressYear> find(String addressNumber, int year) {
		return jdbc.sql("select " + COLUMNS + " from progress_year where address_number = :a and business_year = :y")
				.param("a", addressNumber).param("y", year).query((rs, n) -> map(rs)).optional();
	}

	List<ProgressYear> ofPerson(String addressNumber) {
		return jdbc.sql("select " + COLUMNS + " from progress_year where address_number = :a order by business_year desc")
				.param("a", addressNumber).query((rs, n) -> map(rs)).list();
	}

	/** The subjects among {@code numbers} (one query). */
	Set<String> existingSubjects(Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(template.queryForList("select address_number from subject where address_number = any(?)",
				String.class, (Object) numbers.toArray(String[]::new)));
	}

	/** The recorded years of {@code numbers} for {@code year}, by 宛名番号. */
	Map<String, ProgressYear> ofYear(Collection<String> numbers, int year) {
		var found = new java.util.HashMap<String, ProgressYear>();
		if (numbers.isEmpty()) {
			return found;
		}
		template.query("select " + COLUMNS + " from progress_year where business_year = ? and address_number = any(?)",
				rs -> {
					ProgressYear p = map(rs);
					found.put(p.addressNumber(), p);
				}, year, numbers.toArray(String[]::new));
		return found;
	}

	/**
	 * Changes a person's year under a row lock: {@code change} receives the 36 values (a new year: all empty) and
	 * returns them changed; {@code source} replaces the row's source when not null.
	 *
	 * @throws NotFoundException if the person is not a subject
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void change(String addressNumber, int year, Source sourceIfNew, UnaryOperator<List<String>> change,
			ExtraChange extra) {
		boolean subject = jdbc.sql("select exists (select 1 from subject where address_number = :a)")
				.param("a", addressNumber).query(Boolean.class).single();
		if (!subject) {
			throw new NotFoundException("宛名番号の対象者が見つかりません");
		}
		jdbc.sql("""
				insert into progress_year (address_number, business_year, year_record, source, updated_at)
				values (:a, :y, array_fill(''::text, array[36]), :s, now()) on conflict do nothing""")
				.param("a", addressNumber).param("y", year).param("s", sourceIfNew.name()).update();
		ProgressYear current = jdbc.sql("select " + COLUMNS
				+ " from progress_year where address_number = :a and business_year = :y for update")
				.param("a", addressNumber).param("y", year).query((rs, n) -> map(rs)).single();
		List<String> values = new ArrayList<>(current.values());
		values = change.apply(values);
		Extra e = extra.apply(new Extra(current.source(), current.tallyBooklets(), current.noticeSentOn(),
				current.paidOn()));
		jdbc.sql("""
				update progress_year set year_record = :v, source = :s, tally_booklets = :t, notice_sent_on = :n,
				       paid_on = :p, updated_at = now()
				where address_number = :a and business_year = :y""")
				.param("v", values.toArray(String[]::new)).param("s", e.source().name()).param("t", e.tallyBooklets())
				.param("n", e.noticeSentOn()).param("p", e.paidOn()).param("a", addressNumber).param("y", year)
				.update();
	}

	/** The row's fields that are not 別紙3 columns. */
	record Extra(Source source, int tallyBooklets, LocalDate noticeSentOn, LocalDate paidOn) {
	}

	/** A change of {@link Extra}. */
	@FunctionalInterface
	interface ExtraChange extends UnaryOperator<Extra> {
		ExtraChange NONE = e -> e;
	}

	/** Writes a year loaded from the predecessor's data; the values are kept as the opening record too. */
	@Transactional(propagation = Propagation.MANDATORY)
	void putOpening(String addressNumber, int year, List<String> values, long importId) {
		String[] v = values.toArray(String[]::new);
		jdbc.sql("""
				insert into progress_year (address_number, business_year, year_record, source, opening_record,
				                           opening_import_id, updated_at)
				values (:a, :y, :v, 'OPENING', :v, :i, now())
				on conflict (address_number, business_year) do update
				set year_record = excluded.year_record, source = 'OPENING', opening_record = excluded.opening_record,
				    opening_import_id = excluded.opening_import_id, updated_at = now()
				where progress_year.source <> 'SYSTEM'""")
				.param("a", addressNumber).param("y", year).param("v", v).param("i", importId).update();
	}

	/** Streams the predecessor's booklets of the year (col 50 set, no tally figures), by 宛名番号. */
	void forEachOpening(int year, Consumer<ProgressYear> each) {
		template.query(con -> {
			var ps = con.prepareStatement("select " + COLUMNS + " from progress_year where business_year = ?"
					+ " and source in ('OPENING', 'MIGRATED') and tally_booklets = 0 and year_record[2] <> ''"
					+ " order by address_number");
			ps.setInt(1, year);
			ps.setFetchSize(1_000);
			return ps;
		}, rs -> {
			each.accept(map(rs));
		});
	}

	long insertImport(int year, String fileName, boolean dryRun, int rows, int inserted, int updated, int unchanged,
			int refused, String by, Instant at) {
		return jdbc.sql("""
				insert into progress_opening_import (business_year, file_name, dry_run, rows_read, inserted, updated,
				                                     unchanged, refused, imported_by, imported_at)
				values (:y, :f, :d, :r, :i, :u, :c, :x, :b, :t) returning id""")
				.param("y", year).param("f", fileName).param("d", dryRun).param("r", rows).param("i", inserted)
				.param("u", updated).param("c", unchanged).param("x", refused).param("b", by)
				.param("t", java.sql.Timestamp.from(at)).query(Long.class).single();
	}

	void updateImport(long id, int rows, int inserted, int updated, int unchanged, int refused) {
		jdbc.sql("""
				update progress_opening_import set rows_read = :r, inserted = :i, updated = :u, unchanged = :c,
				       refused = :x where id = :id""")
				.param("r", rows).param("i", inserted).param("u", updated).param("c", unchanged).param("x", refused)
				.param("id", id).update();
	}

	static ProgressYear map(ResultSet rs) throws SQLException {
		return new ProgressYear(rs.getString("address_number"), rs.getInt("business_year"),
				texts(rs.getArray("year_record")), Source.valueOf(rs.getString("source")), rs.getInt("tally_booklets"),
				rs.getObject("notice_sent_on", LocalDate.class), rs.getObject("paid_on", LocalDate.class));
	}

	static List<String> texts(Array array) throws SQLException {
		if (array == null) {
			return null;
		}
		String[] values = (String[]) array.getArray();
		List<String> list = new ArrayList<>(Arrays.asList(values));
		list.replaceAll(s -> s == null ? "" : s);
		return list;
	}

	static List<String> empty() {
		return new ArrayList<>(java.util.Collections.nCopies(YearColumns.COUNT, ""));
	}
}
