package jp.ikiiki.desk.subjects.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.security.Roles;
import jp.ikiiki.desk.shared.ControlCharacters;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.shared.StateConflictException;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import jp.ikiiki.desk.subjects.SubjectQuery;
import jp.ikiiki.desk.subjects.SubjectSearch;
import jp.ikiiki.desk.subjects.SubjectSummary;
import jp.ikiiki.desk.subjects.SubjectsProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The look-up on table {@code subject}, served by the indexes of {@code V6__subjects_lookup_indexes.sql}: the
 * kana key's pattern index (prefix and ordering), the management-number and birth-date btrees, the primary key,
 * and GIN indexes on the stored bigrams (V8) for fragments of the kanji name and of the addresses.
 */
@Service
class JdbcSubjectLookup implements SubjectLookup {
	private static final java.time.Duration TURN_WAIT = java.time.Duration.ofSeconds(20);

	private static final String SUMMARY_COLUMNS = """
			address_number, management_number, name_kana, name_kanji, birth_date, ward_code, address, address_extra,
			index_ended_at, progress_ended_at, name_kana_key""";

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final SubjectRecords records;
	/**
	 * Admission to the database, first come first served. Measured at 190,000 subjects on two cores: 20
	 * searches at once all reaching PostgreSQL gave 640 searches/s and p95 67 ms; five at once, 911/s.
	 */
	private final Semaphore turns;

	JdbcSubjectLookup(JdbcClient jdbc, AuditTrail audit, SubjectRecords records, SubjectsProperties properties) {
		this.turns = new Semaphore(properties.effectiveLookupConcurrency(), true);
		this.jdbc = jdbc;
		this.audit = audit;
		this.records = records;
	}

	@Override
	public List<SubjectSummary> search(SubjectSearch search, int offset, int limit, String channel) {
		if (search == null || search.isBlank()) {
			throw new InvalidInputException("検索条件を入力してください");
		}
		SubjectQuery query;
		try {
			query = search.toQuery();
		} catch (InvalidInputException e) {
			// A refused search is a look-up attempt too (第11章): who tried what, and why it was refused.
			audit.record(AuditAction.SEARCH, channel, List.of(), "refused: " + e.reason() + "; " + search.describe());
			throw e;
		}
		return search(query, offset, limit, channel);
	}

	@Override
	public List<SubjectSummary> search(SubjectQuery query, int offset, int limit, String channel) {
		if (query == null || query.isEmpty()) {
			throw new InvalidInputException("検索条件を入力してください");
		}
		var sql = Sql.of(query);
		return inTurn(() -> {
			List<SubjectSummary> rows = jdbc.sql(sql.statement())
					.params(sql.params())
					.param("limit", Math.max(1, Math.min(limit, MAX_LIMIT)))
					.param("offset", Math.max(0, offset))
					.query(JdbcSubjectLookup::summary)
					.list();
			audit.record(AuditAction.SEARCH, channel, rows.stream().map(SubjectSummary::addressNumber).toList(),
					query.describe() + (offset > 0 ? "; offset=" + offset : "") + "; results=" + rows.size());
			return rows;
		});
	}

	/** Runs a look-up once a turn is free; waits at most {@link #TURN_WAIT}. */
	private <T> T inTurn(java.util.function.Supplier<T> lookup) {
		try {
			if (!turns.tryAcquire(TURN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new StateConflictException("検索が混み合っています。しばらくしてからもう一度お試しください");
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("look-up interrupted while waiting for its turn", e);
		}
		try {
			return lookup.get();
		} finally {
			turns.release();
		}
	}

	@Override
	public Optional<SubjectDetail> find(String addressNumber, String channel) {
		// Not a 宛名番号 (letters, NUL, too long): no subject, still audited — as typed, control characters named.
		String number = AddressNumber.tryParse(addressNumber).map(AddressNumber::value)
				.orElseGet(() -> ControlCharacters.visible(truncate(AddressNumber.normalize(addressNumber), 40)));
		boolean valid = AddressNumber.tryParse(addressNumber).isPresent();
		boolean withBank = mayReadBankDetails();
		return inTurn(() -> {
			Optional<SubjectDetail> detail = !valid ? Optional.empty()
					: jdbc.sql("select s.*, r.index_record, r.progress_record from subject s"
							+ " left join subject_record r on r.address_number = s.address_number where s.address_number = :number")
							.param("number", number)
							.query((rs, n) -> records.detail(rs, today(), withBank))
							.optional();
			audit.record(AuditAction.VIEW, channel, List.of(number), detail.isPresent() ? null : "not found");
			return detail;
		});
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	static LocalDate today() {
		return LocalDate.now(JapanTime.ZONE);
	}

	/** Bank details are for operators only (第11章: agents see what a call needs). */
	private boolean mayReadBankDetails() {
		return CurrentUser.hasRole(Roles.OPERATOR);
	}

	private static SubjectSummary summary(ResultSet rs, int row) throws SQLException {
		Integer ward = rs.getObject("ward_code") == null ? null : rs.getInt("ward_code");
		String address = join(rs.getString("address"), rs.getString("address_extra"));
		return new SubjectSummary(rs.getString("address_number"), rs.getString("management_number"),
				rs.getString("name_kana"), rs.getString("name_kanji"), rs.getObject("birth_date", LocalDate.class),
				ward, Wards.name(ward), address, rs.getBoolean("ended"));
	}

	private static String join(String a, String b) {
		a = a == null ? "" : a.strip();
		b = b == null ? "" : b.strip();
		return a.isEmpty() ? b : b.isEmpty() ? a : a + "\u3000" + b;
	}

	/** The WHERE clause of a query and its parameters. Every value is a bind parameter, never SQL text. */
	record Sql(String where, Map<String, Object> params, boolean kanaBounded) {

		/**
		 * The whole statement, with {@code :limit} and {@code :offset} still to bind. Ordered by the kana key with
		 * the pattern operator class's ordering (~<~), which the kana index supplies without a sort.
		 */
		String statement() {
			// Walking the kana index in order and filtering is quick only when the kana prefix bounds the walk.
			// Otherwise matches cluster in kana order (every 田中 is タナカ), so the planner's "matches are spread
			// evenly" guess can make it read 70,000 rows before the first 田中; sorting by an expression the index
			// does not provide rules that plan out.
			String order = kanaBounded ? "name_kana_key" : "(name_kana_key::text || '')";
			// The page of results is chosen on the narrow subject table alone; only its rows then look at
			// subject_record (V9), to tell a subject whose every record has ended.
			return "select s.address_number, s.management_number, s.name_kana, s.name_kanji, s.birth_date, s.ward_code,"
					+ " s.address, s.address_extra, (r.index_record is null or s.index_ended_at is not null)"
					+ " and (r.progress_record is null or s.progress_ended_at is not null) as ended"
					+ " from (select " + SUMMARY_COLUMNS + " from subject where " + where
					+ " order by " + order + " using ~<~, address_number limit :limit offset :offset) s"
					+ " left join subject_record r on r.address_number = s.address_number"
					+ " order by s.name_kana_key using ~<~, s.address_number";
		}

		static Sql of(SubjectQuery q) {
			var where = new StringJoiner(" and ");
			var params = new LinkedHashMap<String, Object>();
			if (q.managementNumber() != null) {
				where.add("upper(management_number) = :managementNumber");
				params.put("managementNumber", q.managementNumber());
			}
			if (q.addressNumber() != null) {
				where.add("address_number = :addressNumber");
				params.put("addressNumber", q.addressNumber());
			}
			if (q.kanaPrefix() != null) {
				// A range rather than LIKE 'タナ%': PostgreSQL turns LIKE into an index range only when it plans with
				// the pattern's value, so a cached generic plan of a prepared statement would scan the whole index.
				// The pattern operators compare bytes, and UTF-8 keeps code point order, so [タナ, タニ) is exactly
				// the keys starting with タナ.
				where.add("name_kana_key ~>=~ :kanaFrom and name_kana_key ~<~ :kanaTo");
				params.put("kanaFrom", q.kanaPrefix());
				params.put("kanaTo", successor(q.kanaPrefix()));
			}
			if (q.birthDate() != null) {
				where.add("birth_date = :birthDate");
				params.put("birthDate", q.birthDate());
			}
			if (q.kanjiFragment() != null) {
				where.add(fragment("name_kanji_key", "kanji", q.kanjiFragment(), params));
			}
			if (q.addressFragment() != null) {
				where.add(fragment("address_key", "address", q.addressFragment(), params));
			}
			for (int i = 0; i < q.numbers().size(); i++) {
				String n = q.numbers().get(i);
				String p = "number" + i;
				params.put(p, n);
				LocalDate date = n.length() >= 7 ? JapaneseDates.tryParse(n) : null;
				if (date != null) {
					params.put(p + "Date", date);
				}
				where.add("(address_number = :" + p + " or upper(management_number) = :" + p
						+ (date != null ? " or birth_date = :" + p + "Date" : "") + ")");
			}
			for (int i = 0; i < q.nameOrAddress().size(); i++) {
				where.add(nameOrAddress("nameOrAddress" + i, q.nameOrAddress().get(i), params));
			}
			return new Sql(where.toString(), params, q.kanaPrefix() != null);
		}

		/**
		 * A fragment of two or more characters is found through the bigram index (every bigram of the fragment
		 * present) and rechecked with LIKE; a single character has no bigram and is matched by LIKE alone, which
		 * is fast only together with another criterion.
		 */
		private static String fragment(String column, String param, String value, Map<String, Object> params) {
			params.put(param, "%" + escapeLike(value) + "%");
			if (value.codePointCount(0, value.length()) < 2) {
				return column + " like :" + param;
			}
			params.put(param + "Grams", value);
			return "(" + bigramsOf(column) + " @> subject_bigrams(cast(:" + param + "Grams as text)) and "
					+ column + " like :" + param + ")";
		}

		/**
		 * Either column. Written as (bigrams in either) AND (LIKE on either) rather than an OR of two fragment
		 * conditions: the bigram part becomes a BitmapOr of both GIN indexes and the per-row filter is only the two
		 * LIKEs, whereas an OR of ANDs makes PostgreSQL recompute the bigram arrays of every candidate row.
		 */
		private static String nameOrAddress(String param, String value, Map<String, Object> params) {
			params.put(param, "%" + escapeLike(value) + "%");
			String like = "(name_kanji_key like :" + param + " or address_key like :" + param + ")";
			if (value.codePointCount(0, value.length()) < 2) {
				return like;
			}
			params.put(param + "Grams", value);
			String grams = "subject_bigrams(cast(:" + param + "Grams as text))";
			return "((name_kanji_bigrams @> " + grams + " or address_bigrams @> " + grams + ") and " + like + ")";
		}

		/** The stored bigram column (V8, kept by a trigger) of a searchable key column. */
		private static String bigramsOf(String column) {
			return switch (column) {
				case "name_kanji_key" -> "name_kanji_bigrams";
				case "address_key" -> "address_bigrams";
				default -> throw new IllegalArgumentException("no bigrams for " + column);
			};
		}

		/** The smallest string greater than every string starting with {@code prefix}: its last code point plus one. */
		static String successor(String prefix) {
			int last = prefix.codePointBefore(prefix.length());
			int next = last + 1 == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : last + 1;
			return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next);
		}

		static String escapeLike(String s) {
			return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		}
	}
}
