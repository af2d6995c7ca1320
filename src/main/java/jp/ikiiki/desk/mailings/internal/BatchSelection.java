package jp.ikiiki.desk.mailings.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchStateException;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingProgress;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.Postcodes;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.MailingSubject;
import jp.ikiiki.desk.subjects.SubjectRoster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Selection (第4章1–9): reads the kind's population (a city file, streamed, the city's list, or the subjects a module
 * gave with their print values), applies the checks ({@link Selection}) within the batch's business year, stores the
 * envelopes with their print fields and the subjects left out with their reason, puts
 * the envelopes in postcode order and splits them into bundles ({@link BundlePlan}). One transaction: a cancelled or
 * failed selection leaves the batch as it was.
 */
@Component
class BatchSelection {

	private static final int CHUNK = 1000;

	/** The counts of one selection, for the audit trail. */
	record Counts(int envelopes, int exclusions, int bundles) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;
	private final SubjectRoster roster;
	private final BatchStore store;
	private final BatchContents contents;
	private final AuditTrail audit;
	private final Clock clock;

	BatchSelection(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx, SubjectRoster roster,
			BatchStore store, BatchContents contents, AuditTrail audit, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.roster = roster;
		this.store = store;
		this.contents = contents;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	BatchSummary select(long batchId, MailingProgress progress, String channel) {
		BatchStore.Batch b = store.load(batchId);
		b.check(BatchStatus.Action.SELECT);
		Counts counts = tx.execute(status -> {
			jdbc.sql("select id from mailing_batch where id = :id for update").param("id", batchId).query(Long.class)
					.single();
			if (jdbc.sql("select count(*) from mailing_bundle where batch_id = :id and written_at is not null")
					.param("id", batchId).query(Integer.class).single() > 0) {
				throw new BatchStateException(batchId, b.status(), "バッチ " + batchId
						+ " は印刷ファイルを作成済の束があるため抽出し直せません");
			}
			jdbc.sql("delete from mailing_envelope where batch_id = :id").param("id", batchId).update();
			jdbc.sql("delete from mailing_exclusion where batch_id = :id").param("id", batchId).update();
			jdbc.sql("delete from mailing_missing_customer_barcode where batch_id = :id").param("id", batchId).update();
			jdbc.sql("delete from mailing_bundle where batch_id = :id").param("id", batchId).update();
			Counts c = selectInto(b, progress);
			store.transition(batchId, BatchStatus.Action.SELECT, "selected_at = now(), print_undecided = 0", Map.of());
			return c;
		});
		audit.record(AuditAction.UPDATE, channel, List.of(), "郵送バッチ " + batchId + " 抽出: 対象 " + counts.envelopes()
				+ " 件, 除外 " + counts.exclusions() + " 件, 束 " + counts.bundles());
		return store.summaryOf(batchId);
	}

	private Counts selectInto(BatchStore.Batch b, MailingProgress progress) {
		MailingKind kind = b.kind();
		var sink = new Sink(b, progress);
		if (kind.audience() == MailingKind.Audience.GIVEN_ADDRESSES) {
			selectRecipients(b, sink);
		} else if (kind.audience() == MailingKind.Audience.CITY_LIST || kind.audience() == MailingKind.Audience.GIVEN) {
			Set<String> seen = new LinkedHashSet<>();
			for (String t : b.targets()) {
				if (!seen.add(t)) {
					sink.exclude(new Exclusion(t, ExclusionReason.DUPLICATE_IN_LIST, null));
				}
			}
			sink.history = PreloadedHistory.load(jdbc, b.id(), b.businessYear(), seen);
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
			sink.history = PreloadedHistory.load(jdbc, b.id(), b.businessYear(), null);
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
		if (kind.audience() == MailingKind.Audience.GIVEN) {
			// Each person's own print values (a notice's figures), as the module that made the batch gave them.
			jdbc.sql("""
					update mailing_envelope e set fields = e.fields || g.fields
					from mailing_given g where g.batch_id = e.batch_id and g.subject_id = e.subject_id and e.batch_id = :id""")
					.param("id", b.id()).update();
		}
		progress.update(sink.done, sink.done, "郵便番号順に並べ替えて束に分けています");
		var places = BundlePlan.place(sink.keys, b.bundleSize());
		List<Object[]> updates = new ArrayList<>(CHUNK);
		String sql = "update mailing_envelope set seq = ?, bundle_no = ?, bundle_seq = ? where batch_id = ? and subject_id = ?";
		for (var p : places) {
			updates.add(new Object[] { p.seq(), p.bundleNo(), p.bundleSeq(), b.id(), p.key().subjectId() });
			if (updates.size() == CHUNK) {
				template.batchUpdate(sql, updates);
				updates.clear();
			}
		}
		if (!updates.isEmpty()) {
			template.batchUpdate(sql, updates);
		}
		jdbc.sql("""
				insert into mailing_bundle (batch_id, bundle_no, envelopes)
				select :id, bundle_no, count(*) from mailing_envelope where batch_id = :id group by bundle_no""")
				.param("id", b.id()).update();
		return new Counts(places.size(), sink.excluded, BundlePlan.bundles(places.size(), b.bundleSize()));
	}

	/**
	 * The recipients a module gave ({@link MailingKind.Audience#GIVEN_ADDRESSES}), in its order: a key given twice is
	 * mailed once, a recipient the giver refused, or without a postcode or an address, is left out with the reason. No
	 * check of subjects applies (moved out, deceased, mailing history).
	 */
	private void selectRecipients(BatchStore.Batch b, Sink sink) {
		Set<String> seen = new LinkedHashSet<>();
		for (String t : b.targets()) {
			if (!seen.add(t)) {
				sink.exclude(new Exclusion(t, ExclusionReason.DUPLICATE_IN_LIST, null));
			}
		}
		sink.total = seen.size();
		Map<String, Map<String, String>> fields = new HashMap<>();
		Map<String, String> refusals = new HashMap<>();
		jdbc.sql("select subject_id, fields, refusal from mailing_given where batch_id = :id").param("id", b.id())
				.query((RowCallbackHandler) rs -> {
					fields.put(rs.getString(1), contents.fieldsOf(rs.getString(2)));
					if (rs.getString(3) != null) {
						refusals.put(rs.getString(1), rs.getString(3));
					}
				});
		for (String key : seen) {
			Map<String, String> f = fields.get(key);
			if (f == null) {
				throw new IllegalStateException("mailing batch " + b.id() + " lacks the given values of a recipient");
			}
			sink.acceptRecipient(key, f, refusals.get(key));
		}
	}

	/** Collects one selection: envelopes inserted in chunks with a provisional position, exclusions likewise. */
	private final class Sink {
		final BatchStore.Batch batch;
		final MailingProgress progress;
		/** 発行日 printed on the notices and letters: the day of selection, the same on every envelope of the batch. */
		final String issueDate = JapaneseDates.toEraKanji(JapanTime.today(clock));
		/** What the keys of this batch are (mailing_envelope.recipient_kind): 宛名番号, or keys a module gave. */
		final String recipientKind;
		PreloadedHistory history;
		final List<BundlePlan.Key> keys = new ArrayList<>();
		final List<Object[]> envelopes = new ArrayList<>(CHUNK);
		final List<Object[]> exclusions = new ArrayList<>(CHUNK);
		long done;
		long total;
		int excluded;

		Sink(BatchStore.Batch batch, MailingProgress progress) {
			this.batch = batch;
			this.progress = progress;
			this.recipientKind = batch.kind().audience().subjects() ? "SUBJECT" : "GIVEN";
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
						s.postalCode(), contents.toJson(fields), reissue == 0 ? null : reissue, recipientKind });
				if (envelopes.size() == CHUNK) {
					flushEnvelopes();
				}
			}
			tick();
		}

		/** A recipient that is no subject: only the checks of an address apply. */
		void acceptRecipient(String key, Map<String, String> given, String refusal) {
			String postcode = Postcodes.digits(given.get(PrintFields.POSTCODE));
			String address = given.get(PrintFields.ADDRESS);
			if (refusal != null) {
				exclude(new Exclusion(key, ExclusionReason.NOT_ELIGIBLE, refusal));
			} else if (given.get(PrintFields.POSTCODE) == null) {
				exclude(new Exclusion(key, ExclusionReason.NO_ADDRESS, "郵便番号なし"));
			} else if (postcode == null) {
				exclude(new Exclusion(key, ExclusionReason.NO_ADDRESS, "郵便番号が7桁ではありません"));
			} else if (address == null || address.isBlank()) {
				exclude(new Exclusion(key, ExclusionReason.NO_ADDRESS, "住所なし"));
			} else {
				Map<String, String> fields = new LinkedHashMap<>(given);
				fields.put(PrintFields.POSTCODE, Postcodes.format(postcode));
				fields.putIfAbsent(PrintFields.ISSUE_DATE, issueDate);
				keys.add(new BundlePlan.Key(key, postcode));
				envelopes.add(new Object[] { batch.id(), -keys.size(), key, null, postcode, contents.toJson(fields), null,
						recipientKind });
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
			exclusions.add(new Object[] { batch.id(), e.subjectId(), e.reason().name(), e.detail(), recipientKind });
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
						  postal_code, fields, reissue_no, recipient_kind)
						values (?, ?, 0, 0, ?, ?, ?, cast(? as jsonb), ?, ?)""", envelopes);
				envelopes.clear();
			}
		}

		private void flushExclusions() {
			if (!exclusions.isEmpty()) {
				template.batchUpdate("insert into mailing_exclusion (batch_id, subject_id, reason, detail, recipient_kind)"
						+ " values (?, ?, ?, ?, ?)"
						+ " on conflict do nothing", exclusions);
				exclusions.clear();
			}
		}
	}
}
