package jp.ikiiki.desk.notices.internal;

import java.util.List;
import jp.ikiiki.desk.mailings.BatchDispatched;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.Mailings;
import jp.ikiiki.desk.progress.ProgressUpdates;
import jp.ikiiki.desk.subjects.AddressNumber;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A dispatched points-notice batch (第8章) is the notice's sending: every person the batch went to (pulled-out
 * envelopes not) gets the 発送日 as the notice date of the batch's business year in the progress record (別紙3, shown
 * on the points statement). Runs in the dispatch's transaction, so the 発送日 and the record change together or not at
 * all. The notices are postcards and letters sent by 後納郵便, not registered mail: they carry no 郵便引受番号, and col
 * 82 is left as it is.
 */
@Component
class NoticeDispatches {

	private final Mailings mailings;
	private final ProgressUpdates progress;

	NoticeDispatches(Mailings mailings, ProgressUpdates progress) {
		this.mailings = mailings;
		this.progress = progress;
	}

	@EventListener
	void on(BatchDispatched dispatched) {
		if (!MailingKind.POINTS_NOTICE.equals(dispatched.kind())
				&& !MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM.equals(dispatched.kind())) {
			return;
		}
		List<String> sent = mailings.dispatchedSubjects(dispatched.batchId());
		for (String subject : sent) {
			progress.noticeSent(AddressNumber.parse(subject), dispatched.businessYear(), dispatched.dispatchedOn(), "");
		}
	}
}
