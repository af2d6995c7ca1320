package jp.ikiiki.desk.payments.internal;

import java.util.List;
import jp.ikiiki.desk.mailings.BatchCancelled;
import jp.ikiiki.desk.mailings.BatchDispatched;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the reminders learn from the mailings, in the dispatch's transaction (so the dates and the progress record
 * change with the dispatch or not at all):
 * <ul>
 * <li>a dispatched points-notice batch (第8章1, 4): who was told of their points in its business year (the reminders
 * ask only those);</li>
 * <li>a dispatched reminder batch (第8章6): the reminder's 発送日 per person, and 不備状送付日 (別紙3 col 52) of the
 * year in the progress record — for every reminder, faulty form, returned transfer or no form alike: 第8章6 sends one
 * notice to all of them and 別紙3 has one column for it;</li>
 * <li>a withdrawn reminder batch: the reminder is cancelled, and its people are due again.</li>
 * </ul>
 */
@Component
class ReminderDispatches {

	private final JdbcClient jdbc;
	private final Mailings mailings;
	private final ProgressEntries progress;

	ReminderDispatches(JdbcClient jdbc, Mailings mailings, ProgressEntries progress) {
		this.jdbc = jdbc;
		this.mailings = mailings;
		this.progress = progress;
	}

	@EventListener
	void on(BatchDispatched dispatched) {
		if (MailingKind.POINTS_NOTICE.equals(dispatched.kind())
				|| MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM.equals(dispatched.kind())) {
			String[] sent = mailings.dispatchedSubjects(dispatched.batchId()).toArray(String[]::new);
			jdbc.sql("""
					insert into payment_notice_sent (address_number, business_year, sent_on)
					select a, :y, :on from unnest(cast(:sent as varchar[])) as a on conflict do nothing""")
					.param("y", dispatched.businessYear()).param("on", dispatched.dispatchedOn()).param("sent", sent)
					.update();
		} else if (MailingKind.ACCOUNT_REMINDER.equals(dispatched.kind())) {
			Long id = jdbc.sql("update account_reminder set state = 'DISPATCHED', dispatched_on = :on"
					+ " where batch_id = :b and state = 'SELECTED' returning id").param("on", dispatched.dispatchedOn())
					.param("b", dispatched.batchId()).query(Long.class).optional().orElse(null);
			if (id == null) {
				return;
			}
			List<String> sent = mailings.dispatchedSubjects(dispatched.batchId());
			jdbc.sql("""
					update account_reminder_subject set sent_on = :on
					where reminder_id = :id and outcome = 'MAILED' and address_number = any(cast(:sent as varchar[]))""")
					.param("on", dispatched.dispatchedOn()).param("id", id).param("sent", sent.toArray(String[]::new))
					.update();
			// pulled-out envelopes were not sent: those people are due again
			jdbc.sql("""
					update account_reminder_subject set outcome = 'EXCLUDED', excluded_reason = '引抜'
					where reminder_id = :id and outcome = 'MAILED' and sent_on is null""").param("id", id).update();
			for (String subject : sent) {
				progress.reminderSent(subject, dispatched.businessYear(), dispatched.dispatchedOn());
			}
		}
	}

	@EventListener
	void on(BatchCancelled cancelled) {
		if (MailingKind.ACCOUNT_REMINDER.equals(cancelled.kind())) {
			jdbc.sql("update account_reminder set state = 'CANCELLED', cancelled_at = now()"
					+ " where batch_id = :b and state = 'SELECTED'").param("b", cancelled.batchId()).update();
		}
	}
}
