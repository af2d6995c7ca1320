package jp.ikiiki.desk.mailings.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import jp.ikiiki.desk.mailings.BatchCancelled;
import jp.ikiiki.desk.mailings.BatchDispatched;
import jp.ikiiki.desk.mailings.BatchStatus;
import jp.ikiiki.desk.mailings.BatchSummary;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.shared.CurrentUser;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapanTime;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of a batch: handed to the post office (the subjects' 発送日, business year and reissue counts written once,
 * in the same transaction as the status) or withdrawn before that. Each end is published ({@link BatchDispatched},
 * {@link BatchCancelled}) in its transaction, for modules that made the batch (the points notice run).
 */
@Component
class Dispatches {

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final BatchStore store;
	private final AuditTrail audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Dispatches(JdbcClient jdbc, TransactionTemplate tx, BatchStore store, AuditTrail audit, ObjectProvider<Clock> clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.store = store;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.events = events;
	}

	BatchSummary dispatch(long batchId, LocalDate dispatchedOn, String channel) {
		BatchStore.Batch b = store.load(batchId);
		if (dispatchedOn == null) {
			throw new InvalidInputException("発送日", "発送日を入力してください");
		}
		b.check(BatchStatus.Action.DISPATCH);
		// 発送日 is recorded after the handover: a day to come or one before the print files is a typing error that
		// would stay in every person's mailing history.
		LocalDate today = JapanTime.today(clock);
		if (dispatchedOn.isAfter(today)) {
			throw new InvalidInputException("発送日", "発送日 " + JapaneseDates.toEraKanji(dispatchedOn)
					+ " は今日より後です。郵便局へ引き渡した日を入力してください");
		}
		if (b.printedOn() != null && dispatchedOn.isBefore(b.printedOn())) {
			throw new InvalidInputException("発送日", "発送日 " + JapaneseDates.toEraKanji(dispatchedOn)
					+ " は印刷ファイルを作成した日（" + JapaneseDates.toEraKanji(b.printedOn()) + "）より前です");
		}
		int sent = tx.execute(status -> {
			store.transition(batchId, BatchStatus.Action.DISPATCH,
					"dispatched_on = :on, dispatched_at = now(), dispatched_by = :by",
					Map.of("on", dispatchedOn, "by", CurrentUser.name()));
			int rows = jdbc.sql("""
					insert into subject_mailing (subject_id, batch_id, kind, dispatched_on, registered_number, reissue_no,
					  business_year)
					select subject_id, batch_id, :kind, :on, registered_number, reissue_no, :year
					from mailing_envelope where batch_id = :id and pulled_at is null and recipient_kind = 'SUBJECT'""")
					.param("kind", b.kind().code()).param("on", dispatchedOn).param("year", b.businessYear())
					.param("id", batchId).update();
			// Recipients a module gave (no subjects) have no subject's mailing history; they are counted all the same.
			int envelopes = b.kind().audience().subjects() ? rows
					: jdbc.sql("select count(*) from mailing_envelope where batch_id = :id and pulled_at is null")
							.param("id", batchId).query(Integer.class).single();
			events.publishEvent(new BatchDispatched(batchId, b.kind().code(), b.businessYear(), dispatchedOn, envelopes));
			return envelopes;
		});
		audit.record(AuditAction.UPDATE, channel, List.of(), "郵送バッチ " + batchId + " 発送: 発送日 " + dispatchedOn
				+ ", " + sent + " 通");
		return store.summaryOf(batchId);
	}

	BatchSummary cancel(long batchId, String reason, String channel) {
		BatchStore.Batch b = store.load(batchId);
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("取消の理由", "取消の理由を入力してください");
		}
		b.check(BatchStatus.Action.CANCEL);
		tx.executeWithoutResult(status -> {
			store.transition(batchId, BatchStatus.Action.CANCEL,
					"cancelled_at = now(), cancelled_by = :by, cancel_reason = :reason",
					Map.of("by", CurrentUser.name(), "reason", reason.strip()));
			events.publishEvent(new BatchCancelled(batchId, b.kind().code(), b.businessYear()));
		});
		BatchSummary after = store.summaryOf(batchId);
		audit.record(AuditAction.UPDATE, channel, List.of(), "郵送バッチ " + batchId + " 取消（" + b.status().label()
				+ "から）: 封入 " + after.envelopes() + " 通, 印刷済 " + after.bundlesWritten() + " 束, 理由 " + reason.strip());
		return after;
	}

	/** The 宛名番号 a dispatched batch was sent to (pulled-out envelopes not), in 宛名番号 order. */
	List<String> dispatchedSubjects(long batchId) {
		store.load(batchId);
		return jdbc.sql("select subject_id from subject_mailing where batch_id = :id order by subject_id")
				.param("id", batchId).query(String.class).list();
	}

	/**
	 * The keys of the envelopes a dispatched batch sent (pulled-out ones not), in key order: 宛名番号, or the keys a
	 * module gave ({@link MailingKind.Audience#GIVEN_ADDRESSES}). Empty for a batch not dispatched.
	 */
	List<String> dispatchedRecipients(long batchId) {
		store.load(batchId);
		return jdbc.sql("""
				select e.subject_id from mailing_envelope e join mailing_batch b on b.id = e.batch_id
				where e.batch_id = :id and b.status = 'DISPATCHED' and e.pulled_at is null order by e.subject_id""")
				.param("id", batchId).query(String.class).list();
	}

	int reissueCount(String subjectId) {
		String[] reissueKinds = store.kinds().stream().filter(MailingKind::countsReissues).map(MailingKind::code)
				.toArray(String[]::new);
		return jdbc.sql("select count(*) from subject_mailing where subject_id = :s and kind = any(:kinds)")
				.param("s", AddressNumber.normalize(subjectId)).param("kinds", reissueKinds).query(Integer.class).single();
	}
}
