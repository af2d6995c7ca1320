package jp.ikiiki.desk.mailings.internal;

import java.util.Optional;
import java.util.Set;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.shared.JapaneseDates;
import jp.ikiiki.desk.subjects.MailingSubject;

/**
 * The checks every kind shares, around the kind's own (第4章1–9): deceased, moved out, withdrawn request, then the
 * kind's checks, then an address to send to and a 申請書管理番号 to print.
 */
final class Selection {

	private Selection() {
	}

	/**
	 * @param cancelled the 宛名番号 whose request was withdrawn (normalised)
	 * @return why the subject is left out, or empty to mail it
	 */
	static Optional<Exclusion> check(MailingKind kind, MailingSubject s, MailingHistory history, Set<String> cancelled) {
		Optional<Exclusion> out;
		if (s.deathDate() != null) {
			out = Optional.of(Exclusion.of(ExclusionReason.DECEASED, "死亡日 " + JapaneseDates.toEraKanji(s.deathDate())));
		} else if (s.ended()) {
			out = Optional.of(Exclusion.of(ExclusionReason.MOVED_OUT, "市の最新データにない"));
		} else if (cancelled.contains(s.addressNumber())) {
			out = Optional.of(Exclusion.of(ExclusionReason.CANCELLED, null));
		} else {
			out = kind.check(s, history);
			if (out.isEmpty() && (s.postalCode() == null || s.address() == null)) {
				out = Optional.of(Exclusion.of(ExclusionReason.NO_ADDRESS,
						s.postalCode() == null ? "郵便番号なし" : "住所なし"));
			}
			if (out.isEmpty() && s.managementNumber() == null) {
				// Every form of every kind prints the 申請書管理番号 and its barcode; printing refuses an item without.
				out = Optional.of(Exclusion.of(ExclusionReason.NOT_ELIGIBLE, "申請書管理番号なし"));
			}
		}
		return out.map(e -> e.forSubject(s.addressNumber()));
	}
}
