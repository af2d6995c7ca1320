package jp.ikiiki.desk.tally.internal;

import java.time.LocalDate;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.tally.BusinessYear;

/**
 * Whether a booklet may be received: the receipt date against its year (第7章1(2): a year's booklets are received
 * from its first day to its deadline) and the subject's eligibility from the city's files. Each refusal is an
 * {@link InvalidInputException} (422) whose message is the reason the receipt screen shows.
 */
final class ReceiptRules {

	private ReceiptRules() {
	}

	/** A receipt date must not lie in the future: it is the day the city received the bundle. */
	static void checkNotFuture(LocalDate receivedOn, LocalDate today) {
		if (receivedOn.isAfter(today)) {
			throw new InvalidInputException("受付日", "市の受付日 " + JapaneseDates.toWestern(receivedOn)
					+ " が今日より後です");
		}
	}

	/**
	 * The receipt date against the booklet's year.
	 *
	 * @throws InvalidInputException before the year began, or past the year's deadline
	 */
	static void checkYear(BusinessYear year, LocalDate receivedOn) {
		if (receivedOn.isBefore(year.start())) {
			throw new InvalidInputException("年度", year.label() + "は " + JapaneseDates.toWestern(year.start())
					+ " からの事業年度です。市の受付日 " + JapaneseDates.toWestern(receivedOn) + " の手帳は受け付けられません");
		}
		if (receivedOn.isAfter(year.bookletDeadline())) {
			throw new InvalidInputException("受付日", "提出期限切れです（" + year.label() + "の提出期限は "
					+ JapaneseDates.toWestern(year.bookletDeadline()) + "、市の受付日は " + JapaneseDates.toWestern(receivedOn)
					+ "）");
		}
	}

	/**
	 * The subject's eligibility, from the latest city files (別紙2 and 別紙3).
	 *
	 * @throws InvalidInputException the subject's records ended (moved out, left the city's files), no current 別紙3
	 *                               record (not a subject of the points programme), ポイント助成対象外, a 死亡日 or
	 *                               緊急停止 in the record (the city decides: 第7章1(1) 疑義がある場合は発注者に確認)
	 */
	static void checkSubject(SubjectDetail subject) {
		if (subject.ended()) {
			throw new InvalidInputException("対象者", "対象者の記録が終了しています（市のデータにありません）");
		}
		var records = subject.records();
		if (!records.inProgress() || records.progressEndedAt() != null) {
			throw new InvalidInputException("対象者",
					"ポイント事業の対象者ではありません（対象者別進捗状況一覧に現在の記録がありません）");
		}
		var booklet = subject.booklet();
		if (Boolean.TRUE.equals(booklet.pointsExcluded())) {
			throw new InvalidInputException("対象者", "ポイント助成対象外の対象者です");
		}
		if (booklet.deathDate() != null) {
			throw new InvalidInputException("対象者", "死亡日が登録されている対象者です。市に確認してください");
		}
		if (Boolean.TRUE.equals(booklet.emergencyStop())) {
			throw new InvalidInputException("対象者", "緊急停止中の対象者です。市に確認してください");
		}
	}
}
