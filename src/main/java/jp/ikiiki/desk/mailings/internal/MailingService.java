package jp.ikiiki.desk.mailings.internal;

import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.JapanTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.Envelope;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingDownload;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.MissingBarcodeEnvelope;
import jp.ikiiki.desk.mailings.NewBatch;
import jp.ikiiki.desk.mailings.PostageLine;
import jp.ikiiki.desk.mailings.PrintRun;
import jp.ikiiki.desk.mailings.PullOut;
import jp.ikiiki.desk.mailings.PullOutImport;
import jp.ikiiki.desk.printing.MissingCustomerBarcode;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.printing.PrintFiles;
import jp.ikiiki.desk.printing.PrintItem;
import jp.ikiiki.desk.printing.UnprintableText;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.AddressNumber;
import jp.ikiiki.desk.subjects.ManagementNumber;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectRoster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mailing batches on PostgreSQL. Selection and dispatch each run in one transaction; print files are written
 * bundle by bundle, each bundle's state committed on its own so that a cancelled or failed run resumes where it
 * stopped.
 */
@Service
class MailingService implements Mailings {

	private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
	};
	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;
	private final List<MailingKind> kinds;
	private final SubjectRoster roster;
	private final ObjectProvider<PrintFiles> printFiles;
	private final AuditTrail audit;
	private final MailingsProperties properties;
	private final ObjectMapper json;

	MailingService(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, List<MailingKind> kinds,
			SubjectRoster roster, ObjectProvider<PrintFiles> printFiles, AuditTrail audit,
			MailingsProperties properties, ObjectMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.kinds = List.copyOf(kinds);
		this.roster = roster;
		this.printFiles = printFiles;
		this.audit = audit;
		this.properties = properties;
		this.json = json;
	}

	@Override
	public List<MailingKind> kinds() {
		return kinds;
	}

	MailingKind kind(String code) {
		return kinds.stream().filter(k -> k.code().equals(code)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("郵送の種類 " + code + " はありません"));
	}

	// ---------------------------------------------------------------- batches

	@Override
	public long create(NewBatch batch, String channel) {
		MailingKind kind = kind(batch.kind());
		if (batch.title() == null || batch.title().isBlank()) {
			throw new IllegalArgumentException("バッチ名を入力してください");
		}
		int size = batch.bundleSize() == 0 ? properties.bundleSize() : batch.bundleSize();
		if (size < 1 || size > 10_000) {
			throw new IllegalArgumentException("束の通数は1〜10000で指定してください");
		}
		List<String> targets = batch.targets().stream().map(AddressNumber::normalize).filter(s -> !s.isEmpty()).toList();
		for (String t : targets) {
			if (t.length() > 20) {
				throw new IllegalArgumentException("宛名番号 " + t + " が長すぎます（20桁まで）");
			}
		}
		if (kind.audience() == MailingKind.Audience.CITY_LIST && targets.isEmpty()) {
			throw new IllegalArgumentException(kind.label() + " は発注者の対象者リスト（宛名番号）が必要です");
		}
		List<String> cancelled = batch.cancelled().stream().map(AddressNumber::normalize).filter(s -> !s.isEmpty()).toList();
		long id = jdbc.sql("""
				insert into mailing_batch (kind, title, status, bundle_size, target_list, cancelled_list, created_by)
				values (:kind, :title, 'NEW', :size, :targets, :cancelled, :by) returning id""")
				.param("kind", kind.code()).param("title", batch.title().strip()).param("size", size)
				.param("targets", kind.audience() == MailingKind.Audience.CITY_LIST ? targets.toArray(String[]::new) : null)
				.param("cancelled", cancelled.toArray(String[]::new)).param("by", CurrentUser.name())
				.query(Long.class).single();
		audit.record(AuditAction.CREATE, channel, targets, "郵送バッチ " + id + " 作成: " + kind.label() + " 対象リスト "
				+ targets.size() + " 件, 取消 " + cancelled.size() + " 件");
		return id;
	}

	@Override
	public List<BatchSummary> batches(int offset, int limit) {
		return jdbc.sql(SUMMARY + " order by b.id desc offset :offset limit :limit")
				.param("offset", Math.max(0, offset)).param("limit", Math.max(1, Math.min(limit, 500)))
				.query(this::summary).list();
	}

	@Override
	public Optional<BatchSummary> batch(long id) {
		return jdbc.sql(SUMMARY + " where b.id = :id").param("id", id).query(this::summary).optional();
	}

	private static final String SUMMARY = """
			select b.*,
			  (select count(*) from mailing_envelope e where e.batch_id = b.id and e.pulled_at is null) as envelopes,
			  (select count(*) from mailing_envelope e where e.batch_id = b.id and e.pulled_at is not null) as pulled,
			  (select count(*) from mailing_exclusion x where x.batch_id = b.id) as excluded,
			  (select count(*) from mailing_bundle u where u.batch_id = b.id) as bundles,
			  (select count(*) from mailing_bundle u where u.batch_id = b.id and u.written_at is not null) as written
			from mailing_batch b""";

	private BatchSummary summary(ResultSet rs, int row) throws SQLException {
		String code = rs.getString("kind");
		String label = kinds.stream().filter(k -> k.code().equals(code)).map(MailingKind::label).findFirst().orElse(code);
		return new BatchSummary(rs.getLong("id"), code, label, rs.getString("title"),
				BatchSummary.Status.valueOf(rs.getString("status")), rs.getInt("bundle_size"), rs.getInt("envelopes"),
				rs.getInt("pulled"), rs.getInt("excluded"), rs.getInt("bundles"), rs.getInt("written"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("dispatched_on", LocalDate.class));
	}

	private record Batch(long id, MailingKind kind, String status, int bundleSize, List<String> targets,
			Set<String> cancelled, String title) {
	}

	private Batch load(long id) {
		return jdbc.sql("select * from mailing_batch where id = :id").param("id", id).query((rs, n) -> {
			java.sql.Array t = rs.getArray("target_list");
			java.sql.Array c = rs.getArray("cancelled_list");
			return new Batch(id, kind(rs.getString("kind")), rs.getString("status"), rs.getInt("bundle_size"),
					t == null ? List.of() : Arrays.asList((String[]) t.getArray()),
					c == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) c.getArray())), rs.getString("title"));
		}).optional().orElseThrow(() -> new IllegalArgumentException("バッチ " + id + " はありません"));
	}

	// ---------------------------------------------------------------- selection

	@Override
	public BatchSummary select(long batchId, MailingProgress progress, String channel) {
		Batch b = load(batchId);
		if (!b.status().equals("NEW") && !b.status().equals("SELECTED")) {
			throw new IllegalStateException("印刷ファイル作成後・発送後のバッチは抽出し直せません");
		}
		int[] counts = tx.execute(status -> {
			if (jdbc.sql("select count(*) from mailing_bundle where batch_id = :id and written_at is not null")
					.param("id", batchId).query(Integer.class).single() > 0) {
				throw new IllegalStateException("印刷ファイルを作成済の束があるため抽出し直せません");
			}
			jdbc.sql("delete from mailing_envelope where batch_id = :id").param("id", batchId).update();
			jdbc.sql("delete from mailing_exclusion where batch_id = :id").param("id", batchId).update();
			jdbc.sql("delete from mailing_missing_customer_barcode where batch_id = :id").param("id", batchId).update();
			jdbc.sql("delete from mailing_bundle where batch_id = :id").param("id", batchId).update();
			return selectInto(b, progress);
		});
		audit.record(AuditAction.UPDATE, channel, List.of(), "郵送バッチ " + batchId + " 抽出: 対象 " + counts[0]
				+ " 件, 除外 " + counts[1] + " 件, 束 " + counts[2]);
		return batch(batchId).orElseThrow();
	}

	/** @return envelopes, exclusions, bundles */
	private int[] selectInto(Batch b, MailingProgress progress) {
		MailingKind kind = b.kind();
		var sink = new SelectionSink(b, progress);
		if (kind.audience() == MailingKind.Audience.CITY_LIST) {
			Set<String> seen = new LinkedHashSet<>();
			for (String t : b.targets()) {
				if (!seen.add(t)) {
					sink.exclude(new Exclusion(t, ExclusionReason.DUPLICATE_IN_LIST, null));
				}
			}
			sink.history = PreloadedHistory.load(jdbc, b.id(), seen);
			var found = roster.find(seen);
			Set<String> known = new HashSet<>();
			sink.total = seen.size();
			for (MailingSubject s : found) {
				known.add(s.addressNumber());
				sink.accept(s);
			}
			for (String t : seen) {
				if (!known.contains(t)) {
					sink.exclude(new Exclusion(t, ExclusionReason.UNKNOWN_SUBJECT, null));
				}
			}
		} else {
			sink.history = PreloadedHistory.load(jdbc, b.id(), null);
			var source = kind.audience() == MailingKind.Audience.INDEX ? SubjectRoster.Source.INDEX
					: SubjectRoster.Source.PROGRESS;
			sink.total = roster.count(source);
			roster.forEach(source, s -> {
				if (kind.candidate(s)) {
					sink.accept(s);
				} else {
					sink.skip();
				}
			});
		}
		sink.flush();
		progress.update(sink.done, sink.done, "郵便番号順に並べ替えて束に分けています");
		var places = BundlePlan.place(sink.keys, b.bundleSize());
		List<Object[]> updates = new ArrayList<>(CHUNK);
		for (var p : places) {
			updates.add(new Object[] { p.seq(), p.bundleNo(), p.bundleSeq(), b.id(), p.key().subjectId() });
			if (updates.size() == CHUNK) {
				template.batchUpdate("update mailing_envelope set seq = ?, bundle_no = ?, bundle_seq = ? where batch_id = ? and subject_id = ?", updates);
				updates.clear();
			}
		}
		if (!updates.isEmpty()) {
			template.batchUpdate("update mailing_envelope set seq = ?, bundle_no = ?, bundle_seq = ? where batch_id = ? and subject_id = ?", updates);
		}
		int bundles = BundlePlan.bundles(places.size(), b.bundleSize());
		jdbc.sql("""
				insert into mailing_bundle (batch_id, bundle_no, envelopes)
				select :id, bundle_no, count(*) from mailing_envelope where batch_id = :id group by bundle_no""")
				.param("id", b.id()).update();
		jdbc.sql("update mailing_batch set status = 'SELECTED', selected_at = now() where id = :id").param("id", b.id())
				.update();
		return new int[] { places.size(), sink.excluded, bundles };
	}

	/** Collects one selection: envelopes inserted in chunks with a provisional position, exclusions likewise. */
	private final class SelectionSink {
		final Batch batch;
		final MailingProgress progress;
		/** 発行日 printed on the notices and letters: the day of selection, the same on every envelope of the batch. */
		final String issueDate = JapaneseDates.toEraKanji(LocalDate.now(JapanTime.ZONE));
		PreloadedHistory history;
		final List<BundlePlan.Key> keys = new ArrayList<>();
		final List<Object[]> envelopes = new ArrayList<>(CHUNK);
		final List<Object[]> exclusions = new ArrayList<>(CHUNK);
		long done;
		long total;
		int excluded;

		SelectionSink(Batch batch, MailingProgress progress) {
			this.batch = batch;
			this.progress = progress;
		}

		void accept(MailingSubject s) {
			MailingKind kind = batch.kind();
			var out = Selection.check(kind, s, history, batch.cancelled());
			if (out.isPresent()) {
				exclude(out.get());
			} else {
				int reissue = kind.countsReissues() ? history.dispatchedCount(s.addressNumber(), kind.code()) + 1 : 0;
				Map<String, String> fields = new LinkedHashMap<>(kind.fields(s, reissue));
				fields.putIfAbsent(PrintFields.ISSUE_DATE, issueDate);
				keys.add(new BundlePlan.Key(s.addressNumber(), s.postalCode()));
				// Provisional seq (negative, unique) until the postcode order is known.
				envelopes.add(new Object[] { batch.id(), -keys.size(), s.addressNumber(), s.managementNumber(),
						s.postalCode(), toJson(fields), reissue == 0 ? null : reissue });
				if (envelopes.size() == CHUNK) {
					flushEnvelopes();
				}
			}
			tick();
		}

		private void tick() {
			if (++done % CHUNK == 0) {
				if (progress.cancelled()) {
					throw new CancellationException("抽出を中止しました");
				}
				progress.update(done, total, done + " / " + total + " 件を確認しました");
			}
		}

		/** A subject outside the kind's population: only counted for progress. */
		void skip() {
			tick();
		}

		void exclude(Exclusion e) {
			excluded++;
			exclusions.add(new Object[] { batch.id(), e.subjectId(), e.reason().name(), e.detail() });
			if (exclusions.size() == CHUNK) {
				flushExclusions();
			}
		}

		void flush() {
			flushEnvelopes();
			flushExclusions();
		}

		private void flushEnvelopes() {
			if (!envelopes.isEmpty()) {
				template.batchUpdate("""
						insert into mailing_envelope (batch_id, seq, bundle_no, bundle_seq, subject_id, management_number,
						  postal_code, fields, reissue_no) values (?, ?, 0, 0, ?, ?, ?, cast(? as jsonb), ?)""", envelopes);
				envelopes.clear();
			}
		}

		private void flushExclusions() {
			if (!exclusions.isEmpty()) {
				template.batchUpdate("insert into mailing_exclusion (batch_id, subject_id, reason, detail) values (?, ?, ?, ?)"
						+ " on conflict do nothing", exclusions);
				exclusions.clear();
			}
		}
	}

	@Override
	public List<Exclusion> exclusions(long batchId, int offset, int limit, String channel) {
		var rows = jdbc.sql("""
				select subject_id, reason, detail from mailing_exclusion where batch_id = :id
				order by subject_id, reason offset :offset limit :limit""")
				.param("id", batchId).param("offset", Math.max(0, offset)).param("limit", Math.max(1, Math.min(limit, 1000)))
				.query((rs, n) -> new Exclusion(rs.getString(1), ExclusionReason.valueOf(rs.getString(2)), rs.getString(3)))
				.list();
		audit.record(AuditAction.VIEW, channel, rows.stream().map(Exclusion::subjectId).distinct().toList(),
				"郵送バッチ " + batchId + " 除外者一覧");
		return rows;
	}

	@Override
	public List<Envelope> envelopes(long batchId, int offset, int limit, String channel) {
		var rows = jdbc.sql("select * from mailing_envelope where batch_id = :id order by seq offset :offset limit :limit")
				.param("id", batchId).param("offset", Math.max(0, offset)).param("limit", Math.max(1, Math.min(limit, 1000)))
				.query(this::envelope).list();
		audit.record(AuditAction.VIEW, channel, rows.stream().map(Envelope::subjectId).toList(),
				"郵送バッチ " + batchId + " 封入一覧");
		return rows;
	}

	private Envelope envelope(ResultSet rs, int n) throws SQLException {
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

	// ---------------------------------------------------------------- print files

	@Override
	public List<UnprintableText> undecided(long batchId, String channel) {
		Batch b = load(batchId);
		List<UnprintableText> out = new ArrayList<>();
		PrintFiles files = printFiles.getObject();
		for (int bundle : bundleNumbers(batchId, false)) {
			List<PrintItem> items = items(batchId, bundle);
			for (String form : b.kind().forms()) {
				for (UnprintableText u : files.undecided(form, items)) {
					if (!out.contains(u)) {
						out.add(u);
					}
				}
			}
		}
		audit.record(AuditAction.VIEW, channel, out.stream().map(UnprintableText::subjectId).distinct().toList(),
				"郵送バッチ " + batchId + " 未決定の文字 " + out.size() + " 件");
		return out;
	}

	@Override
	public PrintRun print(long batchId, MailingProgress progress, String channel) {
		Batch b = load(batchId);
		if (b.status().equals("NEW") || b.status().equals("DISPATCHED")) {
			throw new IllegalStateException(b.status().equals("NEW") ? "先に対象者を抽出してください" : "発送済のバッチです");
		}
		if (b.kind().registeredMail()) {
			assignRegisteredNumbers(batchId);
		}
		List<UnprintableText> undecided = undecided(batchId, channel);
		if (!undecided.isEmpty()) {
			return new PrintRun(PrintRun.Outcome.UNDECIDED, 0, 0, undecided);
		}
		PrintFiles files = printFiles.getObject();
		Path dir = properties.outputDir().resolve("batch-" + batchId);
		try {
			Files.createDirectories(dir);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		List<Integer> all = bundleNumbers(batchId, false);
		List<Integer> pending = bundleNumbers(batchId, true);
		int skipped = all.size() - pending.size();
		int written = 0;
		int withoutBarcode = 0;
		PrintRun.Outcome outcome = PrintRun.Outcome.DONE;
		for (int bundle : pending) {
			if (progress.cancelled()) {
				outcome = PrintRun.Outcome.CANCELLED;
				break;
			}
			progress.update(skipped + written, all.size(), "束 " + bundle + " / " + all.size() + " を作成しています");
			List<PrintItem> items = items(batchId, bundle);
			List<String> names = new ArrayList<>();
			Map<String, String> missing = new LinkedHashMap<>();
			for (String form : b.kind().forms()) {
				String name = String.format("batch-%d-bundle-%04d-%s.pdf", batchId, bundle, form);
				if (!items.isEmpty()) {
					writeAtomically(dir.resolve(name), out -> files.render(form, items, out));
					for (MissingCustomerBarcode m : files.withoutCustomerBarcode(form, items)) {
						missing.putIfAbsent(m.subjectId(), m.reason());
					}
				}
				names.add(name);
			}
			tx.executeWithoutResult(status -> {
				jdbc.sql("delete from mailing_missing_customer_barcode where batch_id = :id and bundle_no = :bundle")
						.param("id", batchId).param("bundle", bundle).update();
				List<Object[]> rows = new ArrayList<>();
				missing.forEach((subject, reason) -> rows.add(new Object[] { batchId, bundle, subject, reason }));
				if (!rows.isEmpty()) {
					template.batchUpdate("""
							insert into mailing_missing_customer_barcode (batch_id, bundle_no, subject_id, reason)
							values (?, ?, ?, ?)""", rows);
				}
				jdbc.sql("""
						update mailing_bundle set written_at = now(), file_name = :names
						where batch_id = :id and bundle_no = :bundle and written_at is null""")
						.param("names", String.join(",", names)).param("id", batchId).param("bundle", bundle).update();
			});
			withoutBarcode += missing.size();
			written++;
		}
		progress.update(skipped + written, all.size(), outcome == PrintRun.Outcome.DONE ? "完了" : "中止しました");
		if (outcome == PrintRun.Outcome.DONE) {
			jdbc.sql("update mailing_batch set status = 'PRINTED', printed_at = now() where id = :id and status = 'SELECTED'")
					.param("id", batchId).update();
		}
		audit.record(AuditAction.PRINT, channel, List.of(), dir.toString(), "郵送バッチ " + batchId + " 印刷ファイル: 作成 "
				+ written + " 束, 作成済で省略 " + skipped + " 束, カスタマバーコードなし " + withoutBarcode + " 通, " + outcome);
		return new PrintRun(outcome, written, skipped, List.of());
	}

	@Override
	public List<MissingBarcodeEnvelope> missingCustomerBarcodes(long batchId, String channel) {
		load(batchId);
		List<MissingBarcodeEnvelope> out = jdbc.sql("""
				select m.subject_id, m.bundle_no, e.bundle_seq, e.pulled_at is not null as pulled, m.reason
				from mailing_missing_customer_barcode m
				join mailing_envelope e on e.batch_id = m.batch_id and e.subject_id = m.subject_id
				where m.batch_id = :id
				order by m.bundle_no, e.bundle_seq""").param("id", batchId)
				.query((rs, n) -> new MissingBarcodeEnvelope(rs.getString("subject_id"), rs.getInt("bundle_no"),
						rs.getInt("bundle_seq"), rs.getBoolean("pulled"), rs.getString("reason")))
				.list();
		audit.record(AuditAction.VIEW, channel, out.stream().map(MissingBarcodeEnvelope::subjectId).toList(),
				"郵送バッチ " + batchId + " カスタマバーコードなし " + out.size() + " 件");
		return out;
	}

	private interface Writer {
		void write(OutputStream out) throws IOException;
	}

	/** Writes to a temporary name beside the target, then moves it into place: a file is whole or absent. */
	private static void writeAtomically(Path target, Writer writer) {
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				writer.write(out);
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// the next run overwrites it
			}
			throw new UncheckedIOException(e);
		}
	}

	private List<Integer> bundleNumbers(long batchId, boolean pendingOnly) {
		return jdbc.sql("select bundle_no from mailing_bundle where batch_id = :id"
				+ (pendingOnly ? " and written_at is null" : "") + " order by bundle_no")
				.param("id", batchId).query(Integer.class).list();
	}

	/**
	 * The print items of one bundle, pulled-out envelopes left out. The 引受番号 is stored as its 11 digits and goes to
	 * the form as printed, 123-45-67890-1 (the form's barcode strips the hyphens).
	 */
	private List<PrintItem> items(long batchId, int bundle) {
		return jdbc.sql("""
				select * from mailing_envelope where batch_id = :id and bundle_no = :bundle and pulled_at is null
				order by bundle_seq""").param("id", batchId).param("bundle", bundle)
				.query(this::envelope).list().stream()
				.map(e -> new PrintItem(e.subjectId(), e.fields()))
				.toList();
	}

	// ---------------------------------------------------------------- 引受番号

	/** Gives every envelope not pulled out and without a number the next ones from the ranges; all or none. */
	void assignRegisteredNumbers(long batchId) {
		tx.executeWithoutResult(status -> {
			List<String> missing = jdbc.sql("""
					select subject_id from mailing_envelope where batch_id = :id and registered_number is null
					  and pulled_at is null order by seq for update""").param("id", batchId).query(String.class).list();
			if (missing.isEmpty()) {
				return;
			}
			List<RegisteredNumber.Range> ranges = jdbc.sql("""
					select id, next_base, last_base from registered_number_range where next_base <= last_base
					order by id for update""")
					.query((rs, n) -> new RegisteredNumber.Range(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
			var allocation = RegisteredNumber.allocate(ranges, missing.size());
			allocation.nextById().forEach((id, next) -> jdbc.sql(
					"update registered_number_range set next_base = :next where id = :id").param("next", next)
					.param("id", id).update());
			List<Object[]> updates = new ArrayList<>(missing.size());
			for (int i = 0; i < missing.size(); i++) {
				updates.add(new Object[] { RegisteredNumber.of(allocation.bases().get(i)), batchId, missing.get(i) });
			}
			template.batchUpdate("update mailing_envelope set registered_number = ? where batch_id = ? and subject_id = ?",
					updates);
		});
	}

	@Override
	public long addRegisteredRange(String first, String last, String channel) {
		long from = RegisteredNumber.parseBase(first);
		long to = RegisteredNumber.parseBase(last);
		if (from > to) {
			throw new IllegalArgumentException("番号帯の最初の番号が最後の番号より後です");
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("lock table registered_number_range in exclusive mode").update();
			int overlaps = jdbc.sql("""
					select count(*) from registered_number_range where first_base <= :to and last_base >= :from""")
					.param("from", from).param("to", to).query(Integer.class).single();
			if (overlaps > 0) {
				throw new IllegalArgumentException("この番号帯は登録済の番号帯と重なっています（引受番号は再利用できません）");
			}
			jdbc.sql("""
					insert into registered_number_range (first_base, last_base, next_base, created_by)
					values (:from, :to, :from, :by)""").param("from", from).param("to", to).param("by", CurrentUser.name()).update();
		});
		audit.record(AuditAction.SETTINGS, channel, List.of(), "引受番号帯 登録: " + RegisteredNumber.display(RegisteredNumber.of(from))
				+ " 〜 " + RegisteredNumber.display(RegisteredNumber.of(to)) + "（" + (to - from + 1) + " 件）");
		return registeredNumbersLeft();
	}

	@Override
	public long registeredNumbersLeft() {
		return jdbc.sql("select coalesce(sum(last_base - next_base + 1), 0) from registered_number_range where next_base <= last_base")
				.query(Long.class).single();
	}

	@Override
	public MailingDownload registeredNumbersXlsx(long batchId, String channel) {
		Batch b = load(batchId);
		if (!b.kind().registeredMail()) {
			throw new IllegalArgumentException(b.kind().label() + " は簡易書留ではありません");
		}
		List<Envelope> rows = jdbc.sql("""
				select * from mailing_envelope where batch_id = :id and pulled_at is null and registered_number is not null
				order by seq""").param("id", batchId).query(this::envelope).list();
		if (rows.isEmpty()) {
			throw new IllegalStateException("引受番号はまだ割り当てられていません（印刷ファイル作成時に割り当てます）");
		}
		String name = "引受番号一覧_バッチ" + batchId + ".xlsx";
		byte[] content = Workbooks.registeredNumbers(b.title(), rows);
		audit.record(AuditAction.DOWNLOAD, channel, rows.stream().map(Envelope::subjectId).toList(), name,
				"郵送バッチ " + batchId + " 引受番号 " + rows.size() + " 件");
		return new MailingDownload(name, MailingDownload.XLSX, content);
	}

	// ---------------------------------------------------------------- post office

	@Override
	public List<PostageLine> postage(long batchId) {
		Batch b = load(batchId);
		var cls = properties.postageOf(b.kind().code());
		Map<List<String>, Integer> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select fields ->> cast(:ticketField as text) as ticket, count(*) as n from mailing_envelope
				where batch_id = :id and pulled_at is null group by 1 order by 1 nulls first""")
				.param("ticketField", PrintFields.TICKET_TYPE).param("id", batchId).query(rs -> {
					String weight = cls.weightFor(rs.getString("ticket"));
					counts.merge(List.of(cls.envelope(), cls.sizeClass(), weight, cls.handling()), rs.getInt("n"), Integer::sum);
				});
		return counts.entrySet().stream()
				.map(e -> new PostageLine(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getKey().get(3),
						e.getValue()))
				.toList();
	}

	@Override
	public MailingDownload postageXlsx(long batchId, String channel) {
		Batch b = load(batchId);
		String name = "後納郵便差出票_バッチ" + batchId + ".xlsx";
		byte[] content = Workbooks.postage(b.title(), b.kind().label(), postage(batchId));
		audit.recordFile(AuditAction.DOWNLOAD, channel, name, "郵送バッチ " + batchId + " 後納郵便差出票の数値");
		return new MailingDownload(name, MailingDownload.XLSX, content);
	}

	// ---------------------------------------------------------------- pull-outs

	@Override
	public List<PullOut> pullOut(String number, String reason, String channel) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("引抜の理由を入力してください");
		}
		List<PullOut> out = tx.execute(status -> pull(number, reason.strip()));
		if (out.isEmpty()) {
			throw new IllegalArgumentException("番号 " + number + " はどの未発送バッチにもありません");
		}
		audit.record(AuditAction.UPDATE, channel, out.stream().map(PullOut::subjectId).distinct().toList(),
				"引抜: " + out.stream().map(p -> "バッチ" + p.batchId() + " 束" + p.bundleNo() + "-" + p.bundleSeq())
						.collect(Collectors.joining(", ")) + " 理由 " + reason.strip());
		return out;
	}

	/** Finds and marks; returns nothing if the number is in no open batch. */
	private List<PullOut> pull(String typed, String reason) {
		// a 宛名番号, a 申請書管理番号 (typed or scanned: scanner frame removed) or a 引受番号
		String n = ManagementNumber.normalize(typed);
		String digits = RegisteredNumber.digits(typed);
		if (n.isEmpty()) {
			return List.of();
		}
		List<PullOut> found = jdbc.sql("""
				select e.batch_id, b.title, e.bundle_no, e.bundle_seq, e.subject_id, e.pulled_at is not null as already,
				  coalesce(e.pull_reason, :reason) as reason
				from mailing_envelope e join mailing_batch b on b.id = e.batch_id
				where b.status <> 'DISPATCHED'
				  and (e.subject_id = :n or upper(e.management_number) = upper(:n) or e.registered_number = :digits)
				order by e.batch_id, e.seq for update of e""")
				.param("n", n).param("digits", digits).param("reason", reason)
				.query((rs, i) -> new PullOut(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
						typed.strip(), rs.getString(7), rs.getBoolean(6)))
				.list();
		for (PullOut p : found) {
			if (!p.already()) {
				jdbc.sql("""
						update mailing_envelope set pulled_at = now(), pull_reason = :reason, pulled_by = :by
						where batch_id = :batch and subject_id = :subject and pulled_at is null""")
						.param("reason", reason).param("by", CurrentUser.name()).param("batch", p.batchId())
						.param("subject", p.subjectId()).update();
			}
		}
		return found;
	}

	@Override
	public PullOutImport importPullOuts(String fileName, InputStream content, String channel) {
		List<PullOutFile.Row> rows;
		try {
			rows = PullOutFile.read(fileName, content);
		} catch (IllegalArgumentException e) {
			return new PullOutImport(List.of(), List.of(e.getMessage()));
		}
		List<String> errors = new ArrayList<>();
		for (var r : rows) {
			if (r.number().isBlank()) {
				errors.add(r.line() + "行目: 番号が空です");
			} else if (r.reason().isBlank()) {
				errors.add(r.line() + "行目: 理由が空です（番号 " + r.number() + "）");
			}
		}
		if (rows.isEmpty()) {
			errors.add("引抜対象の行がありません");
		}
		if (!errors.isEmpty()) {
			audit.recordFile(AuditAction.IMPORT, channel, fileName, "引抜リスト 取込不可: " + errors.size() + " 件の不備");
			return new PullOutImport(List.of(), errors);
		}
		List<PullOut> pulled = new ArrayList<>();
		try {
			tx.executeWithoutResult(status -> {
				for (var r : rows) {
					var found = pull(r.number(), r.reason());
					if (found.isEmpty()) {
						errors.add(r.line() + "行目: 番号 " + r.number() + " はどの未発送バッチにもありません");
					}
					pulled.addAll(found);
				}
				if (!errors.isEmpty()) {
					throw new RowErrors();
				}
			});
		} catch (RowErrors e) {
			audit.recordFile(AuditAction.IMPORT, channel, fileName, "引抜リスト 取込不可: " + errors.size() + " 件の不備");
			return new PullOutImport(List.of(), errors);
		}
		audit.record(AuditAction.IMPORT, channel, pulled.stream().map(PullOut::subjectId).distinct().toList(), fileName,
				"引抜リスト 取込: " + rows.size() + " 行, 引抜 " + pulled.size() + " 通");
		return new PullOutImport(pulled, List.of());
	}

	/** Rolls the import's transaction back when any row failed. */
	private static final class RowErrors extends RuntimeException {
		RowErrors() {
			super(null, null, false, false);
		}
	}

	// ---------------------------------------------------------------- dispatch

	@Override
	public BatchSummary dispatch(long batchId, LocalDate dispatchedOn, String channel) {
		Batch b = load(batchId);
		if (dispatchedOn == null) {
			throw new IllegalArgumentException("発送日を入力してください");
		}
		int sent = tx.execute(status -> {
			int changed = jdbc.sql("""
					update mailing_batch set status = 'DISPATCHED', dispatched_on = :on, dispatched_at = now(), dispatched_by = :by
					where id = :id and status = 'PRINTED'""")
					.param("on", dispatchedOn).param("by", CurrentUser.name()).param("id", batchId).update();
			if (changed == 0) {
				throw new IllegalStateException(b.status().equals("DISPATCHED") ? "このバッチは発送済です"
						: "印刷ファイルがすべて作成されるまで発送できません");
			}
			return jdbc.sql("""
					insert into subject_mailing (subject_id, batch_id, kind, dispatched_on, registered_number, reissue_no)
					select subject_id, batch_id, :kind, :on, registered_number, reissue_no
					from mailing_envelope where batch_id = :id and pulled_at is null""")
					.param("kind", b.kind().code()).param("on", dispatchedOn).param("id", batchId).update();
		});
		audit.record(AuditAction.UPDATE, channel, List.of(), "郵送バッチ " + batchId + " 発送: 発送日 " + dispatchedOn
				+ ", " + sent + " 通");
		return batch(batchId).orElseThrow();
	}

	@Override
	public int reissueCount(String subjectId) {
		String[] reissueKinds = kinds.stream().filter(MailingKind::countsReissues).map(MailingKind::code)
				.toArray(String[]::new);
		return jdbc.sql("select count(*) from subject_mailing where subject_id = :s and kind = any(:kinds)")
				.param("s", AddressNumber.normalize(subjectId)).param("kinds", reissueKinds).query(Integer.class).single();
	}

	// ---------------------------------------------------------------- helpers


	private String toJson(Map<String, String> fields) {
		try {
			return json.writeValueAsString(fields);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("print fields not serialisable", e);
		}
	}

	private Map<String, String> fromJson(String s) {
		try {
			return json.readValue(s, FIELDS);
		} catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable print fields in mailing_envelope");
		}
	}
}
