package jp.ikiiki.desk.mailings.kinds;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 第8章1–3: the points notice (獲得ポイント通知書, 第2章3(4)) as a V-fold sealed postcard on its own, for those whose
 * notice needs no account form (an account registered, or no points: every stamp void). Made only by the tally's
 * notice run ({@link Audience#GIVEN}), which gives each person's figures and the business year of the booklets
 * ({@link YearOfBatch#GIVEN}): the year the points were earned in, whenever the notice goes out.
 */
@Component
@Order(100)
class PointsNotices implements MailingKind {

	@Override
	public String code() {
		return POINTS_NOTICE;
	}

	@Override
	public String label() {
		return "獲得ポイント通知（圧着はがき）";
	}

	@Override
	public String clause() {
		return "第8章1";
	}

	@Override
	public Audience audience() {
		return Audience.GIVEN;
	}

	@Override
	public YearOfBatch yearOfBatch() {
		return YearOfBatch.GIVEN;
	}

	@Override
	public List<String> forms() {
		return List.of("points-notice");
	}

	@Override
	public List<String> enclosures() {
		return List.of("獲得ポイント通知書 V折圧着はがき（第2章3(4)）：封筒なし、はがきのまま差し出す");
	}

	/** A person no longer in the points programme's files gets no notice (the run lists the figures to the city). */
	@Override
	public Optional<Exclusion> check(MailingSubject s, MailingHistory h) {
		if (!s.inProgress()) {
			return Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "ポイント事業の対象者データなし"));
		}
		return Optional.empty();
	}

	@Override
	public Map<String, String> fields(MailingSubject subject, int reissueNo) {
		return Fields.address(subject);
	}
}
