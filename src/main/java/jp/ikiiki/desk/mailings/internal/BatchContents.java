package jp.ikiiki.desk.mailings.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.EnvelopeFilter;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionFilter;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.shared.Postcodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a batch holds: its envelopes (with their print fields, stored as JSON) and the subjects left out, as pages for
 * the screens, counts, streamed workbooks for download, and the print items of one bundle. Reads that show people are
 * audited here.
 */
@Component
class BatchContents {

	private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
	};
	/** Rows fetched per round trip when a whole list is streamed. */
	private static final int FETCH = 1000;

	private final JdbcClient jdbc;
	/** For whole lists: rows fetched {@value #FETCH} at a time through a cursor. */
	private final NamedParameterJdbcTemplate streaming;
	private final TransactionTemplate readOnly;
	private final AuditTrail audit;
	private final ObjectMapper json;

	BatchContents(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, AuditTrail audit, ObjectMapper json) {
		this.jdbc = jdbc;
		JdbcTemplate cursor = new JdbcTemplate(template.getDataSource());
		cursor.setFetchSize(FETCH);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
		this.readOnly = new TransactionTemplate(tx.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.audit = audit;
		this.json = json;
	}

	// ------------------------------------------------------------ envelopes

	List<Envelope> envelopes(long batchId, EnvelopeFilter filter, int offset, int limit, String channel) {
		var where = envelopeWhere(batchId, filter);
		List<Envelope> rows = jdbc.sql("select * from mailing_envelope e where " + where.sql + " order by "
				+ envelopeOrder(filter) + " offset :offset limit :limit").params(where.params)
				.param("offset", Math.max(0, offset)).param("limit", Math.max(1, Math.min(limit, 1000)))
				.query(this::envelope).list();
		audit.record(AuditAction.VIEW, channel, rows.stream().map(Envelope::subjectId).toList(),
				"郵送バッチ " + batchId + " 封入一覧");
		return rows;
	}

	int envelopeCount(long batchId, EnvelopeFilter filter) {
		var where = envelopeWhere(batchId, filter);
		return jdbc.sql("select count(*) from mailing_envelope e where " + where.sql).params(where.params)
				.query(Integer.class).single();
	}

	/**
	 * Streams the envelopes that match, in the filter's order, into an XLSX workbook. Audited as DOWNLOAD.
	 *
	 * @param subjects false for recipients a module gave: their key (宛先番号) and name (宛先) head the columns
	 */
	void writeEnvelopesXlsx(long batchId, String title, boolean subjects, EnvelopeFilter filter, OutputStream out,
			String channel) {
		var where = envelopeWhere(batchId, filter);
		List<String> people = new ArrayList<>();
		try (var book = new ListWorkbook("封入一覧", title, List.of("束", "束内順", "郵便番号", subjects ? "宛名番号" : "宛先番号",
				"申請書管理番号", subjects ? "氏名" : "宛先", "表示", "再交付", "引受番号", "引抜理由"))) {
			stream("select * from mailing_envelope e where " + where.sql + " order by " + envelopeOrder(filter),
					where.params, rs -> {
						Envelope e = envelope(rs, 0);
						people.add(e.subjectId());
						book.row(e.bundleNo(), e.bundleSeq(), Postcodes.format(e.postalCode()), e.subjectId(),
								e.fields().getOrDefault(PrintFields.APPLICATION_NUMBER, ""),
								e.fields().getOrDefault(PrintFields.NAME, ""), e.fields().getOrDefault(PrintFields.MARK, ""),
								e.reissueNo() == 0 ? "" : e.reissueNo() + "回目",
								e.registeredNumber() == null ? "" : RegisteredNumber.display(e.registeredNumber()),
								e.pullReason() == null ? "" : e.pullReason());
					});
			book.writeTo(out);
		}
		audit.record(AuditAction.DOWNLOAD, channel, people, "封入一覧_バッチ" + batchId + ".xlsx",
				"郵送バッチ " + batchId + " 封入一覧 " + people.size() + " 通");
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private static Where envelopeWhere(long batchId, EnvelopeFilter f) {
		StringBuilder sql = new StringBuilder("e.batch_id = :batch");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("batch", batchId);
		if (f.bundleNo() != null) {
			sql.append(" and e.bundle_no = :bundle");
			params.put("bundle", f.bundleNo());
		}
		if (f.pulled() != null) {
			sql.append(f.pulled() ? " and e.pulled_at is not null" : " and e.pulled_at is null");
		}
		if (!f.text().isEmpty()) {
			String text = java.text.Normalizer.normalize(f.text(), java.text.Normalizer.Form.NFKC).strip();
			sql.append(" and (e.subject_id like :prefix escape '\\' or upper(e.management_number) like upper(:prefix)"
					+ " escape '\\' or e.fields ->> 'name' like :part escape '\\'"
					+ " or replace(e.fields ->> 'name', '　', '') like :part escape '\\')");
			String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			params.put("prefix", escaped + "%");
			params.put("part", "%" + escaped + "%");
		}
		return new Where(sql.toString(), params);
	}

	private static String envelopeOrder(EnvelopeFilter f) {
		return switch (f.order()) {
			case POSTCODE -> "e.seq";
			case POSTCODE_DESC -> "e.seq desc";
			case SUBJECT -> "e.subject_id, e.seq";
			case SUBJECT_DESC -> "e.subject_id desc, e.seq";
		};
	}

	/**
	 * One envelope row. The 引受番号 is stored as its 11 digits and goes to the form as printed, 123-45-67890-1 (the
	 * form's barcode strips the hyphens).
	 */
	Envelope envelope(ResultSet rs, int n) throws SQLException {
		Map<String, String> fields = fromJson(rs.getString("fields"));
		String registered = rs.getString("registered_number");
		if (registered != null) {
			fields = new LinkedHashMap<>(fields);
			fields.put(PrintFields.REGISTERED_MAIL_NUMBER, RegisteredNumber.display(registered));
		}
		return new Envelope(rs.getLong("batch_id"), rs.getInt("seq"), rs.getInt("bundle_no"), rs.getInt("bundle_seq"),
				rs.getString("subject_id"), rs.getString("postal_code"), registered, rs.getInt("reissue_no"),
				rs.getString("pull_reason"), fields);
	}

	/** The print items of one bundle, pulled-out envelopes left out, in their order in the bundle. */
	List<PrintItem> items(long batchId, int bundle) {
		return jdbc.sql("""
				select * from mailing_envelope where batch_id = :id and bundle_no = :bundle and pulled_at is null
				order by bundle_seq""").param("id", batchId).param("bundle", bundle)
				.query(this::envelope).list().stream()
				.map(e -> new PrintItem(e.subjectId(), e.fields()))
				.toList();
	}

	/** The batch's bundle numbers in order; only those without a print file if {@code pendingOnly}. */
	List<Integer> bundleNumbers(long batchId, boolean pendingOnly) {
		return jdbc.sql("select bundle_no from mailing_bundle where batch_id = :id"
				+ (pendingOnly ? " and written_at is null" : "") + " order by bundle_no")
				.param("id", batchId).query(Integer.class).list();
	}

	// ------------------------------------------------------------ exclusions

	List<Exclusion> exclusions(long batchId, ExclusionFilter filter, int offset, int limit, String channel) {
		var where = exclusionWhere(batchId, filter);
		var rows = jdbc.sql("select subject_id, reason, detail from mailing_exclusion x where " + where.sql
				+ " order by " + exclusionOrder(filter) + " offset :offset limit :limit").params(where.params)
				.param("offset", Math.max(0, offset)).param("limit", Math.max(1, Math.min(limit, 1000)))
				.query(BatchContents::exclusion).list();
		audit.record(AuditAction.VIEW, channel, rows.stream().map(Exclusion::subjectId).distinct().toList(),
				"郵送バッチ " + batchId + " 除外者一覧");
		return rows;
	}

	int exclusionCount(long batchId, ExclusionFilter filter) {
		var where = exclusionWhere(batchId, filter);
		return jdbc.sql("select count(*) from mailing_exclusion x where " + where.sql).params(where.params)
				.query(Integer.class).single();
	}

	/** Streams the left-out that match into an XLSX workbook (宛先番号 for recipients a module gave). Audited as DOWNLOAD. */
	void writeExclusionsXlsx(long batchId, String title, boolean subjects, ExclusionFilter filter, OutputStream out,
			String channel) {
		var where = exclusionWhere(batchId, filter);
		List<String> people = new ArrayList<>();
		try (var book = new ListWorkbook("除外者一覧", title, List.of(subjects ? "宛名番号" : "宛先番号", "除外理由", "詳細"))) {
			stream("select subject_id, reason, detail from mailing_exclusion x where " + where.sql + " order by "
					+ exclusionOrder(filter), where.params, rs -> {
						Exclusion x = exclusion(rs, 0);
						people.add(x.subjectId());
						book.row(x.subjectId(), x.reason().label(), x.detail() == null ? "" : x.detail());
					});
			book.writeTo(out);
		}
		audit.record(AuditAction.DOWNLOAD, channel, people.stream().distinct().toList(),
				"除外者一覧_バッチ" + batchId + ".xlsx", "郵送バッチ " + batchId + " 除外者一覧 " + people.size() + " 件");
	}

	private static Where exclusionWhere(long batchId, ExclusionFilter f) {
		StringBuilder sql = new StringBuilder("x.batch_id = :batch");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("batch", batchId);
		if (f.reason() != null) {
			sql.append(" and x.reason = :reason");
			params.put("reason", f.reason().name());
		}
		if (!f.subjectId().isEmpty()) {
			String id = java.text.Normalizer.normalize(f.subjectId(), java.text.Normalizer.Form.NFKC).strip();
			sql.append(" and x.subject_id like :prefix escape '\\'");
			params.put("prefix", id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Where(sql.toString(), params);
	}

	private static String exclusionOrder(ExclusionFilter f) {
		String dir = f.descending() ? " desc" : "";
		return f.byReason() ? "x.reason" + dir + ", x.subject_id" : "x.subject_id" + dir + ", x.reason";
	}

	private static Exclusion exclusion(ResultSet rs, int n) throws SQLException {
		return new Exclusion(rs.getString(1), ExclusionReason.valueOf(rs.getString(2)), rs.getString(3));
	}

	// ------------------------------------------------------------ helpers

	/** Runs a query row by row with a server-side cursor (in a read-only transaction), never the whole list at once. */
	private void stream(String sql, Map<String, Object> params, RowConsumer each) {
		// PostgreSQL uses a cursor (and honours the fetch size) only inside a transaction.
		readOnly.executeWithoutResult(status -> streaming.query(sql, params, (RowCallbackHandler) each::accept));
	}

	@FunctionalInterface
	private interface RowConsumer {
		void accept(ResultSet rs) throws SQLException;
	}

	String toJson(Map<String, String> fields) {
		try {
			return json.writeValueAsString(fields);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("print fields not serialisable", e);
		}
	}

	/** Print fields stored as JSON, read back. */
	Map<String, String> fieldsOf(String json) {
		return fromJson(json);
	}

	private Map<String, String> fromJson(String s) {
		try {
			return json.readValue(s, FIELDS);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable print fields in mailing_envelope");
		}
	}
}
