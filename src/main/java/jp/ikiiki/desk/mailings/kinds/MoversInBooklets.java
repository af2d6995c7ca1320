package jp.ikiiki.desk.mailings.kinds;

import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第4章2: the October mailing to movers-in (転入区分 set) who have no booklet yet for the year. Its year follows the
 * initial mailing's rule ({@link YearOfBatch#COMING_FROM_JUNE}): in October, the year that began on 1 September.
 */
@Component
@Order(20)
class MoversInBooklets extends InitialBooklets {

	@Override
	public String code() {
		return "BOOKLET_MOVERS_IN";
	}

	@Override
	public String label() {
		return "ポイント手帳（転入者送付）";
	}

	@Override
	public boolean candidate(MailingSubject subject) {
		return subject.movedInKind() != null;
	}
}
