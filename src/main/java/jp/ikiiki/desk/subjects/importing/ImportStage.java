package jp.ikiiki.desk.subjects.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.ikiiki.desk.subjects.columns.Column;
import jp.ikiiki.desk.subjects.columns.SubjectFileKind;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The set-based half of an import, inside the import's transaction: valid rows (and the 宛名番号 of rejected
 * ones, which still count as present) are streamed into a temporary table with COPY, then classified against
 * {@code subject} (added / changed / same, and the subjects this full file no longer holds, which end), the
 * report is read from the comparison, and — unless the import is blocked or a dry run — applied with a few
 * statements. The temporary tables are dropped at the end of the transaction, commit or rollback.
 */
final class ImportStage {

	/**
	 * What a valid row is to the stored subjects, decided by {@link #classify()} and kept in {@code import_row}. The
	 * names are written into the SQL as literals (never from input).
	 */
	enum RowOutcome {
		/** New subject. */
		ADDED,
		/** Known subject without a record of this kind yet: counts as changed. */
		GAINED,
		/** Subject whose record of this kind had ended: counts as changed, the end is cleared. */
		RETURNED,
		/** Subject whose city-owned values or 外字 marks differ. */
		CHANGED,
		/** Nothing to do. */
		SAME;

		/** The SQL literal. */
		String sql() {
			return "'" + name() + "'";
		}

		/** Outcomes that count as changed, as an SQL list. */
		static String changedSql() {
			return "(" + GAINED.sql() + "," + RETURNED.sql() + "," + CHANGED.sql() + ")";
		}
	}

	/**
	 * What the comparison found.
	 *
	 * @param added   valid rows of new subjects
	 * @param changed valid rows of subjects that gain, regain or change their record of this kind
	 * @param ended   active subjects of this kind the file no longer holds
	 * @param flagged valid rows with 外字 marks
	 * @param active  subjects of this kind active before the file (the population the guard compares with)
	 */
	record Counts(int added, int changed, int ended, int flagged, int active) {
	}

	private static final String TYPED = "name_kana, name_kana_key, name_kanji, name_kanji_key, alias_kanji, sex, "
			+ "birth_date, ward_code, postal_code, address, address_extra, mail_postal_code, mail_address, "
			+ "mail_address_extra, address_key, care_level, ticket_type, management_number, name_kanji_bigrams, address_bigrams";

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final SubjectFileKind kind;
	private final String record;
	private final String endedAt;
	private final String importId;
	private final String hash;
	/** How many leading columns the city owns (all of 別紙2; 1–54 of 別紙3). */
	private final int cityColumns;

	/**
	 * @param jdbc a template with a fetch size, so that report queries stream through a cursor
	 */
	ImportStage(JdbcTemplate jdbc, DataSource dataSource, SubjectFileKind kind) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.kind = kind;
		// Column names chosen from two constants, never from input.
		String prefix = kind == SubjectFileKind.INDEX ? "index" : "progress";
		this.record = prefix + "_record";
		this.endedAt = prefix + "_ended_at";
		this.importId = prefix + "_import_id";
		this.hash = prefix + "_hash";
		this.cityColumns = (int) kind.columns().stream().filter(c -> c.owner() == Column.Owner.CITY).count();
	}

	void create() {
		jdbc.execute("""
				create temporary table import_stage (
				    row_no bigint not null, address_number varchar(20) not null, valid boolean not null,
				    vals text[], gaiji jsonb,
				    name_kana varchar(100), name_kana_key varchar(100), name_kanji varchar(100), name_kanji_key varchar(100),
				    alias_kanji varchar(100), sex char(1), birth_date date, ward_code smallint, postal_code char(7),
				    address text, address_extra text, mail_postal_code char(7), mail_address text, mail_address_extra text,
				    address_key text, care_level varchar(20), ticket_type varchar(40), management_number varchar(30),
				    name_kanji_bigrams text[], address_bigrams text[], hash bytea
				) on commit drop""");
		// The comparison joins 190,000 staged rows with as many subjects; the default work_mem would spill the hash.
		jdbc.execute("set local work_mem = '64MB'");
	}

	/** Opens the COPY into the staging table; no other statement may run on the connection until it is closed. */
	StageCopy openCopy() {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			var out = new PGCopyOutputStream(pg, "copy import_stage (row_no, address_number, valid, vals, gaiji, "
					+ TYPED + ", hash) from stdin", 1 << 16);
			return new StageCopy(out, cityColumns);
		} catch (SQLException e) {
			throw new IllegalStateException("COPY into the staging table could not start", e);
		}
	}

	/** After the COPY: an index and statistics for the joins that follow. */
	void prepare() {
		jdbc.execute("create index on import_stage (address_number)");
		jdbc.execute("create index on import_stage (row_no)");
		jdbc.execute("analyze import_stage");
	}

	/** Rejects every row of the duplicated numbers; returns how many of them had been valid. */
	int rejectDuplicates(List<String> numbers) {
		if (numbers.isEmpty()) {
			return 0;
		}
		return jdbc.update("update import_stage set valid = false, vals = null, gaiji = null "
				+ "where valid and address_number = any(?::text[])", textArray(numbers.toArray(String[]::new)));
	}

	/**
	 * Classifies every valid row against {@code subject} in one pass and collects the subjects that end. A row's
	 * record (values in 別紙 order; for 別紙3 with the stored system-owned values 55–84 in place of the file's
	 * blanks) is built by the database from the staged values, and only where it is needed: to compare with an
	 * existing subject, and when applying.
	 */
	Counts classify() {
		// The stored hash of the city-owned values decides CHANGED without reading the stored record;
		// only a subject stored before V7 (no hash yet) is compared record against record. import_row is kept
		// narrow (no values, no typed columns): the statements that need those join import_stage by row_no.
		jdbc.execute("create temporary table import_row on commit drop as"
				+ " select st.row_no, st.address_number, st.name_kanji, st.name_kana, st.gaiji, st.hash, case"
				+ " when s.address_number is null then " + RowOutcome.ADDED.sql()
				+ " when sr." + record + " is null then " + RowOutcome.GAINED.sql()
				+ " when s." + endedAt + " is not null then " + RowOutcome.RETURNED.sql()
				+ " when (case when s." + hash + " is null then sr." + record + " is distinct from " + recordOf("st", "sr")
				+ " else s." + hash + " <> st.hash end)"
				+ " or " + storedGaiji("s") + " is distinct from st.gaiji then " + RowOutcome.CHANGED.sql()
				+ " else " + RowOutcome.SAME.sql() + " end as outcome,"
				+ " s." + hash + " is null and s.address_number is not null as unhashed"
				+ " from (select row_no, address_number, name_kanji, name_kana, gaiji, vals, hash"
				+ " from import_stage where valid) st"
				+ " left join subject s on s.address_number = st.address_number"
				+ " left join subject_record sr on sr.address_number = st.address_number");
		jdbc.execute("create index on import_row (address_number)");
		jdbc.execute("analyze import_row");
		jdbc.execute("create temporary table import_ended on commit drop as"
				+ " select s.address_number, s.name_kanji from subject s join subject_record sr on sr.address_number = s.address_number"
				+ " where sr." + record + " is not null and s." + endedAt + " is null"
				+ " and not exists (select 1 from import_stage st where st.address_number = s.address_number)");
		return jdbc.queryForObject("select count(*) filter (where outcome = " + RowOutcome.ADDED.sql() + "),"
				+ " count(*) filter (where outcome in " + RowOutcome.changedSql() + "),"
				+ " (select count(*) from import_ended),"
				+ " count(*) filter (where gaiji <> '[]'::jsonb),"
				+ " (select count(*) from subject s join subject_record sr on sr.address_number = s.address_number"
				+ "   where sr." + record + " is not null and s." + endedAt + " is null)"
				+ " from import_row",
				(rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
	}

	/**
	 * The record a staged row stands for: its values in 別紙 order (V9: element n is column n); for 別紙3 the
	 * subject's stored system-owned values replace the blanks the file's row carries in columns 55–84.
	 *
	 * @param subject alias of the stored subject's {@code subject_record}, or null for a new subject
	 */
	private String recordOf(String row, String subject) {
		if (kind != SubjectFileKind.PROGRESS || subject == null) {
			return row + ".vals"; // a new subject has no stored system values: the file's row carries them blank
		}
		return "(case when " + subject + "." + record + " is null then " + row + ".vals else " + row + ".vals[1:"
				+ cityColumns + "] || " + subject + "." + record + "[" + (cityColumns + 1) + ":" + kind.columns().size()
				+ "] end)";
	}

	/** A text[] literal of constants (column headers), quoted for SQL. */
	private static String textArray(List<String> values) {
		StringBuilder sb = new StringBuilder("'{");
		for (int i = 0; i < values.size(); i++) {
			sb.append(i == 0 ? "" : ",").append('"')
					.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"").replace("'", "''")).append('"');
		}
		return sb.append("}'::text[]").toString();
	}

	private static String prefixed(String alias) {
		return Arrays.stream(TYPED.split(",\\s*")).map(c -> alias + c).collect(Collectors.joining(", "));
	}

	/** Writes the comparison into the subjects: insert the added, update the changed, end the absent. */
	void apply(long id) {
		String wardSet = kind == SubjectFileKind.INDEX ? "ward_code = st.ward_code, " : "";
		jdbc.update("insert into subject (address_number, " + TYPED + ", " + hash + ", " + importId + ", gaiji)"
				+ " select st.address_number, " + prefixed("st.") + ", r.hash, ?, r.gaiji"
				+ " from import_row r join import_stage st on st.row_no = r.row_no where r.outcome = " + RowOutcome.ADDED.sql(), id);
		jdbc.update("insert into subject_record (address_number, " + record + ")"
				+ " select st.address_number, " + recordOf("st", null)
				+ " from import_row r join import_stage st on st.row_no = r.row_no where r.outcome = " + RowOutcome.ADDED.sql());
		jdbc.update("update subject s set name_kana = st.name_kana, name_kana_key = st.name_kana_key,"
				+ " name_kanji = st.name_kanji, name_kanji_key = st.name_kanji_key, alias_kanji = st.alias_kanji,"
				+ " sex = st.sex, birth_date = st.birth_date, " + wardSet + "postal_code = st.postal_code,"
				+ " address = st.address, address_extra = st.address_extra, mail_postal_code = st.mail_postal_code,"
				+ " mail_address = st.mail_address, mail_address_extra = st.mail_address_extra, address_key = st.address_key,"
				+ " care_level = st.care_level, ticket_type = st.ticket_type, management_number = st.management_number,"
				+ " name_kanji_bigrams = st.name_kanji_bigrams, address_bigrams = st.address_bigrams,"
				+ " " + hash + " = r.hash, " + importId + " = ?, " + endedAt + " = null,"
				+ " gaiji = coalesce((select jsonb_agg(g) from jsonb_array_elements(s.gaiji) g"
				+ "   where g->>'kind' is distinct from '" + kind.code() + "'), '[]'::jsonb) || st.gaiji,"
				+ " updated_at = now()"
				+ " from import_row r join import_stage st on st.row_no = r.row_no where r.address_number = s.address_number"
				+ " and r.outcome in " + RowOutcome.changedSql(), id);
		jdbc.update("insert into subject_record (address_number, " + record + ")"
				+ " select r.address_number, " + recordOf("st", "sr")
				+ " from import_row r join import_stage st on st.row_no = r.row_no"
				+ " left join subject_record sr on sr.address_number = r.address_number"
				+ " where r.outcome in " + RowOutcome.changedSql()
				+ " on conflict (address_number) do update set " + record + " = excluded." + record);
		jdbc.update("update subject s set " + hash + " = st.hash from import_row st"
				+ " where st.address_number = s.address_number and st.outcome = " + RowOutcome.SAME.sql() + " and st.unhashed");
		jdbc.update("update subject set " + endedAt + " = now(), updated_at = now()"
				+ " where address_number in (select address_number from import_ended)");
	}

	/** Added subjects in file order: row, 宛名番号, 氏名漢字, 氏名カナ. */
	void added(RowCallbackHandler handler) {
		jdbc.query("select row_no, address_number, name_kanji, name_kana from import_row where outcome = "
				+ RowOutcome.ADDED.sql() + " order by row_no", handler);
	}

	/**
	 * One line per changed field, in file order then 別紙 order: row, 宛名番号, 氏名漢字, item, before, after.
	 * A subject gaining its first record of this kind, or returning after it had ended, gets a line saying so.
	 */
	void changes(RowCallbackHandler handler) {
		String sql = "select * from ("
				+ " select st.row_no, st.address_number, st.name_kanji, 0 as ord, ? as item, '' as before, '' as after"
				+ " from import_row st where st.outcome = " + RowOutcome.GAINED.sql()
				+ " union all"
				+ " select st.row_no, st.address_number, st.name_kanji, 0, ?, '終了', '取込対象'"
				+ " from import_row st where st.outcome = " + RowOutcome.RETURNED.sql()
				+ " union all"
				+ " select st.row_no, st.address_number, st.name_kanji, k.ord, k.key, s." + record + "[k.ord::int], r.record[k.ord::int]"
				+ " from import_row st join subject_record s on s.address_number = st.address_number"
				+ " join import_stage v on v.row_no = st.row_no"
				+ " cross join lateral (select " + recordOf("v", "s") + " as record) r"
				+ " cross join lateral unnest(" + textArray(kind.columns().stream().map(Column::header).toList())
				+ ") with ordinality as k(key, ord)"
				+ " where st.outcome in (" + RowOutcome.CHANGED.sql() + "," + RowOutcome.RETURNED.sql() + ")"
				+ " and s." + record + "[k.ord::int] is distinct from r.record[k.ord::int]"
				+ " union all"
				+ " select st.row_no, st.address_number, st.name_kanji, 100000, '外字確認', " + gaijiText(storedGaiji("s"))
				+ ", " + gaijiText("st.gaiji")
				+ " from import_row st join subject s on s.address_number = st.address_number"
				+ " where st.outcome = " + RowOutcome.CHANGED.sql() + " and " + storedGaiji("s") + " is distinct from st.gaiji"
				+ ") c order by row_no, ord";
		PreparedStatementSetter params = ps -> {
			ps.setString(1, "（" + kind.title() + "の記録を新規登録）");
			ps.setString(2, "（終了の取消）");
		};
		jdbc.query(sql, params, handler);
	}

	/** Subjects that end: 宛名番号, 氏名漢字. */
	void ended(RowCallbackHandler handler) {
		jdbc.query("select address_number, name_kanji from import_ended order by address_number", handler);
	}

	/** Imported cells flagged for 外字 review: row, 宛名番号, column, value, chars. */
	void gaiji(RowCallbackHandler handler) {
		jdbc.query("select st.row_no, st.address_number, g->>'column', g->>'value', g->>'chars'"
				+ " from import_row st cross join lateral jsonb_array_elements(st.gaiji) g"
				+ " where st.gaiji <> '[]'::jsonb order by st.row_no", handler);
	}

	/** This kind's 外字 marks stored on a subject (the other file's marks are kept apart). */
	private String storedGaiji(String alias) {
		return "(case when " + alias + ".gaiji = '[]'::jsonb then '[]'::jsonb else coalesce((select jsonb_agg(g)"
				+ " from jsonb_array_elements(" + alias + ".gaiji) g where g->>'kind' = '" + kind.code() + "'),"
				+ " '[]'::jsonb) end)";
	}

	private static String gaijiText(String gaijiExpression) {
		return "coalesce((select string_agg((g->>'column') || ': ' || (g->>'chars'), '、')"
				+ " from jsonb_array_elements(" + gaijiExpression + ") g), '')";
	}

	private static PreparedStatementSetter textArray(String[] values) {
		return ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", values));
	}
}
