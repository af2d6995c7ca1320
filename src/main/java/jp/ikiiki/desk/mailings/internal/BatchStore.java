package jp.ikiiki.desk.mailings.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchStateException;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.MailingRecipient;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.security.UserDirectory;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.NotFoundException;
import jp.ikiiki.desk.subjects.AddressNumber;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import jp.ikiiki.desk.calendar.BusinessCalendar;
import jp.ikiiki.desk.printing.PrintFields;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The batch rows ({@code mailing_batch}): creation, summaries with their counts, and every change of status. A
 * status is written only through {@link #transition}, which checks the action against {@link BatchStatus} and
 * updates with the statuses the action may start from in its condition, so two operators acting on one batch at once
 * cannot both succeed.
 */
@Component
class BatchStore {

	/** A batch as the other parts of the module work on it. */
	record Batch(long id, MailingKind kind, BatchStatus status, int bundleSize, List<String> targets,
			Set<String> cancelled, String title, LocalDate printedOn, int businessYear) {

		/** @throws BatchStateException if the batch's status does not allow the action */
		void check(BatchStatus.Action action) {
			status.check(id, action);
		}
	}

	private static final String SUMMARY = """
			select b.*,
			  (select count(*) from mailing_envelope e where e.batch_id = b.id and e.pulled_at is null) as envelopes,
			  (select count(*) from mailing_envelope e where e.batch_id = b.id and e.pulled_at is not null) as pulled,
			  (select count(*) from mailing_exclusion x where x.batch_id = b.id) as excluded,
			  (select count(*) from mailing_bundle u where u.batch_id = b.id) as bundles,
			  (select count(*) from mailing_bundle u where u.batch_id = b.id and u.written_at is not null) as written
			from mailing_batch b""";

	/** The longest print value a module may give per field (a notice's sentence is far shorter). */
	private static final int MAX_GIVEN_VALUE = 500;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final List<MailingKind> kinds;
	private final AuditTrail audit;
	private final MailingsProperties properties;
	private final BusinessCalendar calendar;
	private final Clock clock;
	private final ObjectMapper json = new ObjectMapper();
	private final UserDirectory users;

	BatchStore(JdbcClient jdbc, JdbcTemplate template, List<MailingKind> kinds, AuditTrail audit,
			MailingsProperties properties, BusinessCalendar calendar, ObjectProvider<Clock> clock, UserDirectory users) {
		this.jdbc = jdbc;
		this.template = template;
		this.kinds = List.copyOf(kinds);
		this.audit = audit;
		this.properties = properties;
		this.calendar = calendar;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.users = users;
	}

	List<MailingKind> kinds() {
		return kinds;
	}

	Optional<MailingKind> kind(String code) {
		return kinds.stream().filter(k -> k.code().equals(code)).findFirst();
	}

	/** Checks what the operator gave and stores a batch in status NEW. Audited as CREATE. */
	long create(NewBatch batch, String channel) {
		MailingKind kind = kind(batch.kind())
				.orElseThrow(() -> new InvalidInputException("種類", "郵送の種類を選んでください"));
		if (batch.title() == null || batch.title().isBlank()) {
			throw new InvalidInputException("バッチ名", "バッチ名を入力してください");
		}
		if (batch.title().strip().length() > 200) {
			throw new InvalidInputException("バッチ名", "バッチ名は200文字までです");
		}
		int size = batch.bundleSize() == 0 ? properties.bundleSize() : batch.bundleSize();
		if (size < 1 || size > 10_000) {
			throw new InvalidInputException("束の通数", "束の通数は1〜10000で指定してください");
		}
		int year = businessYear(kind, batch.businessYear());
		if (kind.audience() == MailingKind.Audience.GIVEN_ADDRESSES) {
			return createForRecipients(kind, batch, size, year, channel);
		}
		boolean given = kind.audience() == MailingKind.Audience.GIVEN;
		Map<String, Map<String, String>> values = given ? given(kind, batch.given()) : Map.of();
		boolean list = kind.audience() == MailingKind.Audience.CITY_LIST || given;
		List<String> targets = given ? List.copyOf(values.keySet())
				: list ? addressNumbers("対象者リスト", batch.targets()) : List.of();
		if (list && targets.isEmpty()) {
			throw new InvalidInputException("対象者リスト", kind.label() + " は発注者の対象者リスト（宛名番号）が必要です");
		}
		List<String> cancelled = addressNumbers("申出取消", batch.cancelled());
		long id = jdbc.sql("""
				insert into mailing_batch (kind, title, status, bundle_size, target_list, cancelled_list, created_by,
				  business_year)
				values (:kind, :title, :status, :size, :targets, :cancelled, :by, :year) returning id""")
				.param("kind", kind.code()).param("title", batch.title().strip()).param("status", BatchStatus.NEW.name())
				.param("size", size).param("targets", list ? targets.toArray(String[]::new) : null)
				.param("cancelled", cancelled.toArray(String[]::new)).param("by", CurrentUser.name())
				.param("year", year).query(Long.class).single();
		if (given) {
			List<Object[]> rows = new ArrayList<>(values.size());
			values.forEach((subject, fields) -> rows.add(new Object[] { id, subject, toJson(fields) }));
			template.batchUpdate("insert into mailing_given (batch_id, subject_id, fields) values (?, ?, cast(? as jsonb))",
					rows);
		}
		audit.record(AuditAction.CREATE, channel, targets, "郵送バッチ " + id + " 作成: " + kind.label() + " "
				+ year + "年度 対象リスト " + targets.size() + " 件, 取消 " + cancelled.size() + " 件");
		return id;
	}

	/**
	 * A batch of recipients that are not subjects ({@link MailingKind.Audience#GIVEN_ADDRESSES}): the keys in the
	 * giver's order go to {@code target_list} (a repeat kept, for the selection to report), the first of each key with
	 * its name, postcode, address and print values to {@code mailing_given}. A recipient without postcode or address is
	 * stored too: the selection leaves it out with the reason, so that the giver sees it.
	 *
	 * @throws InvalidInputException naming the recipient and what cannot be accepted (nothing is stored)
	 */
	private long createForRecipients(MailingKind kind, NewBatch batch, int size, int year, String channel) {
		if (batch.recipients().isEmpty()) {
			throw new InvalidInputException("宛先", kind.label() + " の宛先がありません");
		}
		List<String> keys = new ArrayList<>(batch.recipients().size());
		Map<String, Object[]> first = new LinkedHashMap<>();
		for (int i = 0; i < batch.recipients().size(); i++) {
			MailingRecipient r = batch.recipients().get(i);
			String row = (i + 1) + "件目";
			if (r == null) {
				throw new InvalidInputException("宛先", row + "の宛先が空です");
			}
			String key = recipientKey(r.key()).orElseThrow(() -> new InvalidInputException("宛先", row
					+ "の宛先番号は英字で始まる英数字・ハイフン20文字までです"));
			if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
				throw new InvalidInputException("宛先", "宛先 " + key + " の名称は1〜200文字で指定してください");
			}
			if ((r.postalCode() != null && r.postalCode().length() > 20)
					|| (r.address() != null && r.address().length() > MAX_GIVEN_VALUE)
					|| (r.refusal() != null && r.refusal().length() > 200)) {
				throw new InvalidInputException("宛先", "宛先 " + key + " の郵便番号・住所・理由が長すぎます");
			}
			checkFields("宛先 " + key, r.fields());
			keys.add(key);
			if (!first.containsKey(key)) {
				Map<String, String> fields = new LinkedHashMap<>(r.fields());
				fields.put(PrintFields.NAME, r.name().strip());
				putOrRemove(fields, PrintFields.POSTCODE, r.postalCode());
				putOrRemove(fields, PrintFields.ADDRESS, r.address());
				String refusal = r.refusal() == null || r.refusal().isBlank() ? null : r.refusal().strip();
				first.put(key, new Object[] { null, key, toJson(fields), refusal });
			}
		}
		long id = jdbc.sql("""
				insert into mailing_batch (kind, title, status, bundle_size, target_list, cancelled_list, created_by,
				  business_year)
				values (:kind, :title, :status, :size, :targets, '{}', :by, :year) returning id""")
				.param("kind", kind.code()).param("title", batch.title().strip()).param("status", BatchStatus.NEW.name())
				.param("size", size).param("targets", keys.toArray(String[]::new)).param("by", CurrentUser.name())
				.param("year", year).query(Long.class).single();
		List<Object[]> rows = new ArrayList<>(first.size());
		for (Object[] r : first.values()) {
			r[0] = id;
			rows.add(r);
		}
		template.batchUpdate("insert into mailing_given (batch_id, subject_id, fields, refusal)"
				+ " values (?, ?, cast(? as jsonb), ?)", rows);
		// The keys are no 宛名番号: the audit's list of people stays empty and the detail gives the count.
		audit.record(AuditAction.CREATE, channel, List.of(), "郵送バッチ " + id + " 作成: " + kind.label() + " " + year
				+ "年度 宛先 " + keys.size() + " 件");
		return id;
	}

	private static void putOrRemove(Map<String, String> fields, String field, String value) {
		if (value != null && !value.isBlank()) {
			fields.put(field, value.strip());
		} else {
			fields.remove(field);
		}
	}

	/** A recipient key as stored (NFKC, upper case), if it is one: a letter, then letters, digits, hyphens; ≤ 20. */
	static Optional<String> recipientKey(String key) {
		if (key == null) {
			return Optional.empty();
		}
		String k = java.text.Normalizer.normalize(key, java.text.Normalizer.Form.NFKC).strip()
				.toUpperCase(java.util.Locale.ROOT);
		return k.matches("[A-Z][A-Z0-9-]{0,19}") ? Optional.of(k) : Optional.empty();
	}

	/** @throws InvalidInputException naming the owner and the field that is no form field or too long */
	private static void checkFields(String owner, Map<String, String> fields) {
		fields.forEach((field, value) -> {
			if (!PrintFields.ALL.contains(field)) {
				throw new InvalidInputException("印字内容", owner + " の項目 " + field + " は帳票の項目ではありません");
			}
			if (value == null || value.length() > MAX_GIVEN_VALUE) {
				throw new InvalidInputException("印字内容", owner + " の「" + PrintFields.label(field) + "」は1〜"
						+ MAX_GIVEN_VALUE + "文字で指定してください");
			}
		});
	}

	/**
	 * The batch's business year: the one given, else by the kind's rule from today (Japan time).
	 *
	 * @throws InvalidInputException if a kind whose year is given gets none, or a year outside 2000–2100
	 */
	int businessYear(MailingKind kind, Integer given) {
		if (given != null) {
			if (given < 2000 || given > 2100) {
				throw new InvalidInputException("事業年度", "事業年度は西暦（2000〜2100）で指定してください: " + given);
			}
			return given;
		}
		LocalDate today = JapanTime.today(clock);
		return switch (kind.yearOfBatch()) {
			case CURRENT -> calendar.businessYearOf(today);
			// June, July and August prepare the year that begins on 1 September.
			case COMING_FROM_JUNE -> calendar.businessYearOf(today.plusMonths(3));
			case GIVEN -> throw new InvalidInputException("事業年度", kind.label() + " は事業年度を指定して作成します");
		};
	}

	/**
	 * The subjects and their print values as a module gave them, 宛名番号 normalised.
	 *
	 * @throws InvalidInputException naming the subject and the field that cannot be accepted
	 */
	private static Map<String, Map<String, String>> given(MailingKind kind, Map<String, Map<String, String>> given) {
		if (given.isEmpty()) {
			throw new InvalidInputException("対象者リスト", kind.label() + " は対象者ごとの印字内容とともに作成します");
		}
		Map<String, Map<String, String>> out = new LinkedHashMap<>();
		given.forEach((subject, fields) -> {
			AddressNumber number = AddressNumber.tryParse(subject).orElseThrow(() -> new InvalidInputException(
					"対象者リスト", "宛名番号として読めません: " + subject));
			if (fields == null || fields.isEmpty()) {
				throw new InvalidInputException("印字内容", "宛名番号 " + number.value() + " の印字内容がありません");
			}
			fields.forEach((field, value) -> {
				if (!PrintFields.ALL.contains(field)) {
					throw new InvalidInputException("印字内容", "宛名番号 " + number.value() + " の項目 " + field
							+ " は帳票の項目ではありません");
				}
				if (value == null || value.length() > MAX_GIVEN_VALUE) {
					throw new InvalidInputException("印字内容", "宛名番号 " + number.value() + " の「"
							+ PrintFields.label(field) + "」は1〜" + MAX_GIVEN_VALUE + "文字で指定してください");
				}
			});
			if (out.put(number.value(), Map.copyOf(fields)) != null) {
				throw new InvalidInputException("対象者リスト", "宛名番号 " + number.value() + " が2回あります");
			}
		});
		return out;
	}

	private String toJson(Map<String, String> fields) {
		try {
			return json.writeValueAsString(fields);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("print values cannot be written as JSON", e);
		}
	}

	/**
	 * The 宛名番号 of a list as the operator gave it, normalised (duplicates kept: the selection reports them).
	 *
	 * @throws InvalidInputException naming the list and up to five entries that are not 宛名番号
	 */
	private static List<String> addressNumbers(String field, List<String> entries) {
		List<String> out = new ArrayList<>(entries.size());
		List<String> bad = new ArrayList<>();
		for (String e : entries) {
			if (e == null || e.isBlank()) {
				continue;
			}
			AddressNumber.tryParse(e).ifPresentOrElse(n -> out.add(n.value()), () -> bad.add(e.strip()));
		}
		if (!bad.isEmpty()) {
			String shown = String.join("、", bad.subList(0, Math.min(5, bad.size())))
					+ (bad.size() > 5 ? " ほか " + (bad.size() - 5) + " 件" : "");
			throw new InvalidInputException(field, field + "に宛名番号として読めない行があります（数字20桁まで）: " + shown);
		}
		return out;
	}

	List<BatchSummary> summaries(int offset, int limit) {
		return named(jdbc.sql(SUMMARY + " order by b.id desc offset :offset limit :limit")
				.param("offset", Math.max(0, offset)).param("limit", Math.max(1, Math.min(limit, 500)))
				.query(this::toSummary).list());
	}

	Optional<BatchSummary> summary(long id) {
		return jdbc.sql(SUMMARY + " where b.id = :id").param("id", id).query(this::toSummary).optional()
				.map(b -> named(List.of(b)).get(0));
	}

	/** The creators' display names, one look-up for the whole list. */
	private List<BatchSummary> named(List<BatchSummary> batches) {
		if (batches.isEmpty()) {
			return batches;
		}
		Map<String, String> names = users.displayNames(batches.stream().map(BatchSummary::createdBy).distinct().toList());
		return batches.stream().map(b -> new BatchSummary(b.id(), b.kind(), b.kindLabel(), b.title(), b.status(),
				b.bundleSize(), b.envelopes(), b.pulled(), b.excluded(), b.bundles(), b.bundlesWritten(), b.undecided(),
				b.createdBy(), names.getOrDefault(b.createdBy(), b.createdBy()), b.createdAt(), b.dispatchedOn(),
				b.cancelReason(), b.businessYear())).toList();
	}

	/** The summary of a batch known to exist (after a change to it). */
	BatchSummary summaryOf(long id) {
		return summary(id).orElseThrow(() -> notFound(id));
	}

	private BatchSummary toSummary(ResultSet rs, int row) throws SQLException {
		String code = rs.getString("kind");
		String label = kind(code).map(MailingKind::label).orElse(code);
		return new BatchSummary(rs.getLong("id"), code, label, rs.getString("title"),
				BatchStatus.valueOf(rs.getString("status")), rs.getInt("bundle_size"), rs.getInt("envelopes"),
				rs.getInt("pulled"), rs.getInt("excluded"), rs.getInt("bundles"), rs.getInt("written"),
				rs.getInt("print_undecided"), rs.getString("created_by"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("dispatched_on", LocalDate.class), rs.getString("cancel_reason"), rs.getInt("business_year"));
	}

	/** @throws NotFoundException if there is no such batch */
	Batch load(long id) {
		return jdbc.sql("select * from mailing_batch where id = :id").param("id", id).query((rs, n) -> {
			java.sql.Array t = rs.getArray("target_list");
			java.sql.Array c = rs.getArray("cancelled_list");
			String code = rs.getString("kind");
			MailingKind kind = kind(code).orElseThrow(() -> new IllegalStateException(
					"mailing kind " + code + " of batch " + id + " is not configured"));
			OffsetDateTime printed = rs.getObject("printed_at", OffsetDateTime.class);
			return new Batch(id, kind, BatchStatus.valueOf(rs.getString("status")), rs.getInt("bundle_size"),
					t == null ? List.of() : Arrays.asList((String[]) t.getArray()),
					c == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) c.getArray())), rs.getString("title"),
					printed == null ? null : JapanTime.dateOf(printed.toInstant()), rs.getInt("business_year"));
		}).optional().orElseThrow(() -> notFound(id));
	}

	static NotFoundException notFound(long id) {
		return new NotFoundException("郵送バッチ " + id + " はありません");
	}

	/**
	 * Moves a batch to the action's target status, setting {@code assignments} (column = :param, …) with it. The
	 * update's condition holds the statuses the action may start from: if another operator changed the batch first,
	 * nothing is written and the refusal names the status found.
	 *
	 * @throws BatchStateException if the batch's status (read again) does not allow the action
	 */
	void transition(long id, BatchStatus.Action action, String assignments, Map<String, ?> params) {
		String[] from = Arrays.stream(BatchStatus.values()).filter(s -> s.allows(action)).map(Enum::name)
				.toArray(String[]::new);
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put("id", id);
		all.put("to", action.target().name());
		all.put("from", from);
		int changed = jdbc.sql("update mailing_batch set status = :to"
				+ (assignments.isBlank() ? "" : ", " + assignments) + " where id = :id and status = any(:from)")
				.params(all).update();
		if (changed == 0) {
			BatchStatus now = load(id).status();
			now.check(id, action);
			throw new BatchStateException(id, now, "バッチ " + id + " は他の操作で変更されました。画面を更新してください");
		}
	}

	/** Records how many fields stopped the last print run for a decision on characters (0 when none). */
	void recordUndecided(long id, int fields) {
		jdbc.sql("update mailing_batch set print_undecided = :n where id = :id").param("n", fields).param("id", id)
				.update();
	}
}
