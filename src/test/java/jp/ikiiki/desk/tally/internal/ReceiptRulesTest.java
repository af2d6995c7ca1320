package jp.ikiiki.desk.tally.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.ikiiki.desk.shared.InvalidInputException;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.tally.BusinessYear;
import jp.ikiiki.desk.tally.TallyProperties.YearSettings;
import jp.ikiiki.desk.tally.YearStanding;
import org.junit.jupiter.api.Test;

class ReceiptRulesTest {

	private final BusinessYear oldest = BusinessYearsService.of(2024, YearStanding.OLDEST, new YearSettings(null, null, null));
	private final BusinessYear fresh = BusinessYearsService.of(2026, YearStanding.NEW, new YearSettings(null, null, null));

	@Test
	void a_booklet_received_by_the_deadline_is_accepted_and_the_day_after_is_refused() {
		assertThatCode(() -> ReceiptRules.checkYear(oldest, LocalDate.of(2026, 3, 31))).doesNotThrowAnyException();
		assertThatThrownBy(() -> ReceiptRules.checkYear(oldest, LocalDate.of(2026, 4, 1)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("提出期限切れ")
				.hasMessageContaining("2026/3/31").hasMessageContaining("令和6年度分");
	}

	@Test
	void a_booklet_of_a_year_that_has_not_begun_is_refused() {
		assertThatThrownBy(() -> ReceiptRules.checkYear(fresh, LocalDate.of(2026, 8, 31)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("2026/9/1");
		assertThatCode(() -> ReceiptRules.checkYear(fresh, LocalDate.of(2026, 9, 1))).doesNotThrowAnyException();
	}

	@Test
	void a_receipt_date_after_today_is_refused() {
		assertThatThrownBy(() -> ReceiptRules.checkNotFuture(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 1)))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("今日より後");
		assertThatCode(() -> ReceiptRules.checkNotFuture(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1)))
				.doesNotThrowAnyException();
	}

	@Test
	void a_current_points_subject_is_eligible() {
		assertThatCode(() -> ReceiptRules.checkSubject(subject().build())).doesNotThrowAnyException();
	}

	@Test
	void a_subject_whose_records_ended_is_refused_as_ended() {
		assertThatThrownBy(() -> ReceiptRules.checkSubject(subject().ended().build()))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("終了");
	}

	@Test
	void a_subject_without_a_current_progress_record_is_not_eligible() {
		assertThatThrownBy(() -> ReceiptRules.checkSubject(subject().indexOnly().build()))
				.isInstanceOf(InvalidInputException.class).hasMessageContaining("対象者ではありません");
	}

	@Test
	void excluded_deceased_and_stopped_subjects_are_refused_for_the_city_to_decide() {
		assertThatThrownBy(() -> ReceiptRules.checkSubject(subject().excluded().build()))
				.hasMessageContaining("ポイント助成対象外");
		assertThatThrownBy(() -> ReceiptRules.checkSubject(subject().died().build())).hasMessageContaining("死亡日");
		assertThatThrownBy(() -> ReceiptRules.checkSubject(subject().stopped().build())).hasMessageContaining("緊急停止");
	}

	static SubjectBuilder subject() {
		return new SubjectBuilder();
	}

	/** A subject as the look-up returns it, with the flags the receipt reads. */
	static final class SubjectBuilder {
		private boolean inIndex = true;
		private boolean inProgress = true;
		private OffsetDateTime indexEnded;
		private OffsetDateTime progressEnded;
		private Boolean excluded;
		private LocalDate death;
		private Boolean emergency;

		SubjectBuilder ended() {
			indexEnded = OffsetDateTime.parse("2026-04-01T00:00:00+09:00");
			progressEnded = indexEnded;
			return this;
		}

		SubjectBuilder indexOnly() {
			inProgress = false;
			return this;
		}

		SubjectBuilder excluded() {
			excluded = true;
			return this;
		}

		SubjectBuilder died() {
			death = LocalDate.of(2026, 1, 5);
			return this;
		}

		SubjectBuilder stopped() {
			emergency = true;
			return this;
		}

		SubjectDetail build() {
			var booklet = new SubjectDetail.Booklet(null, null, null, excluded, null, null, null, null, null, null, null,
					null, null, null, null, null, null, emergency, death, null, null, null, null, null, null, null, null, null,
					null, null, null);
			var care = new SubjectDetail.Care(null, "要支援1", null, null, null, null, null, null);
			var subsidy = new SubjectDetail.Subsidy(true, null, null, null, null, null, null, null, null, null, null, null,
					false, null, null, null);
			var points = new SubjectDetail.Points(null, null, java.util.Collections.nCopies(14, null), null, null, null,
					null, null);
			var records = new SubjectDetail.Records(inIndex, indexEnded, inProgress, progressEnded, null);
			return new SubjectDetail("1000000001", "K1000000001", "ヤマダ　タロウ", "山田　太郎", null, "男",
					LocalDate.of(1940, 3, 2), 86, 101, "中区", new SubjectDetail.Address("7300011", "広島市中区基町1-1", null),
					null, care, subsidy, booklet, points, null, List.of(), records);
		}
	}
}
