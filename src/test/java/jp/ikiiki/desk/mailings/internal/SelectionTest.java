package jp.ikiiki.desk.mailings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.ikiiki.desk.mailings.Exclusion;
import jp.ikiiki.desk.mailings.ExclusionReason;
import jp.ikiiki.desk.mailings.MailingHistory;
import jp.ikiiki.desk.mailings.MailingKind;
import jp.ikiiki.desk.mailings.MailingsProperties;
import jp.ikiiki.desk.mailings.kinds.KindsForTests;
import jp.ikiiki.desk.printing.PrintFields;
import jp.ikiiki.desk.subjects.MailingSubject;
import org.junit.jupiter.api.Test;

class SelectionTest {

	/** The business year of the batches selected below unless said: 令和8年度分 (2026-09-01..2027-08-31). */
	static final int YEAR = 2026;

	static final MailingHistory NONE = history(Set.of(), 0);

	/** A batch of {@link #YEAR} whose subject was sent {@code dispatchedKinds} in that year. */
	static MailingHistory history(Set<String> dispatchedKinds, long openBatch) {
		return history(YEAR, Map.of(YEAR, dispatchedKinds), openBatch, YEAR);
	}

	/**
	 * A batch of {@code batchYear}; the subject was sent the kinds of {@code dispatched} in each year and is held by
	 * open batch {@code openBatch} (0: none) of {@code openYear}.
	 */
	static MailingHistory history(int batchYear, Map<Integer, Set<String>> dispatched, long openBatch, int openYear) {
		return new MailingHistory() {
			@Override
			public int businessYear() {
				return batchYear;
			}

			@Override
			public boolean dispatched(String subjectId, Collection<String> kinds, int year) {
				return kinds.stream().anyMatch(dispatched.getOrDefault(year, Set.of())::contains);
			}

			@Override
			public int dispatchedCount(String subjectId, String kind) {
				return (int) dispatched.values().stream().filter(k -> k.contains(kind)).count();
			}

			@Override
			public long openBatch(String subjectId, Collection<String> kinds, int year) {
				return year == openYear ? openBatch : 0;
			}
		};
	}

	static MailingSubject subject() {
		return new MailingSubject("9900000001", "A0000001", "田中　太郎", "タナカ　タロウ", "7300013", "広島市中区八丁堀1-2-3",
				"八丁堀ハイツ101", true, true, false, null, false, false, false, null, null, "タクシー券", "新規");
	}

	static MailingSubject with(String field, Object value) {
		var s = subject();
		return new MailingSubject(s.addressNumber(),
				field.equals("managementNumber") ? (String) value : s.managementNumber(), s.nameKanji(), s.nameKana(),
				field.equals("postalCode") ? (String) value : s.postalCode(), s.address(), s.addressExtra(),
				field.equals("inIndex") ? (Boolean) value : s.inIndex(),
				field.equals("inProgress") ? (Boolean) value : s.inProgress(),
				field.equals("ended") ? (Boolean) value : s.ended(),
				field.equals("deathDate") ? (LocalDate) value : s.deathDate(),
				field.equals("pointsExcluded") ? (Boolean) value : s.pointsExcluded(),
				field.equals("notIssued") ? (Boolean) value : s.notIssued(),
				field.equals("stopped") ? (Boolean) value : s.stopped(),
				field.equals("bookletCreatedOn") ? (LocalDate) value : s.bookletCreatedOn(),
				field.equals("movedInKind") ? (String) value : s.movedInKind(),
				field.equals("ticketType") ? (String) value : s.ticketType(),
				field.equals("decisionReason") ? (String) value : s.decisionReason());
	}

	final KindsForTests kinds = new KindsForTests(new MailingsProperties(java.nio.file.Path.of("target"), 500,
			Map.of("タクシー券", 10000), Map.of()));

	private Optional<ExclusionReason> reason(String kind, MailingSubject s, MailingHistory h) {
		return Selection.check(kinds.kind(kind), s, h, Set.of("9900000099")).map(Exclusion::reason);
	}

	@Test
	void a_deceased_subject_is_left_out_for_every_kind() {
		for (MailingKind k : kinds.all()) {
			assertThat(reason(k.code(), with("deathDate", LocalDate.of(2026, 5, 1)), NONE)).contains(ExclusionReason.DECEASED);
		}
	}

	@Test
	void a_subject_no_longer_in_the_citys_files_is_left_out_as_moved_out() {
		assertThat(reason("BOOKLET_INITIAL", with("ended", true), NONE)).contains(ExclusionReason.MOVED_OUT);
		assertThat(reason("GRANT_NOTICE", with("ended", true), NONE)).contains(ExclusionReason.MOVED_OUT);
	}

	@Test
	void a_withdrawn_request_is_left_out_as_cancelled() {
		var s = new MailingSubject("9900000099", null, "取消　者", "トリケシ", "7300013", "広島市", null, true, true, false, null,
				false, false, false, null, null, null, null);
		assertThat(Selection.check(kinds.kind("BOOKLET_REQUEST"), s, NONE, Set.of("9900000099")))
				.map(Exclusion::reason).contains(ExclusionReason.CANCELLED);
	}

	@Test
	void a_booklet_already_issued_for_the_batchs_year_is_not_sent_again() {
		// The rule is year-aware on purpose: 手帳作成日 and the mailing history count for the year they belong to.
		assertThat(reason("BOOKLET_REQUEST", with("bookletCreatedOn", LocalDate.of(2026, 10, 20)), NONE))
				.contains(ExclusionReason.ALREADY_ISSUED);
		assertThat(reason("BOOKLET_INITIAL", subject(), history(Set.of("BOOKLET_REQUEST"), 0)))
				.contains(ExclusionReason.ALREADY_ISSUED);
		assertThat(reason("BOOKLET_MOVERS_IN", subject(), history(Set.of("BOOKLET_INITIAL"), 0)))
				.contains(ExclusionReason.ALREADY_ISSUED);
		// a booklet of the year before is no booklet of this year
		assertThat(reason("BOOKLET_REQUEST", with("bookletCreatedOn", LocalDate.of(2026, 8, 20)), NONE)).isEmpty();
		assertThat(reason("BOOKLET_INITIAL", subject(), history(YEAR, Map.of(YEAR - 1, Set.of("BOOKLET_INITIAL")), 0,
				YEAR))).isEmpty();
	}

	@Test
	void a_booklet_requested_in_june_does_not_keep_the_person_from_augusts_initial_mailing_of_the_next_year() {
		// June 2026: a request batch belongs to the year running, 令和7年度分 (2025); it is dispatched, and the city
		// records the 手帳作成日 of that booklet.
		var requestedInJune = with("bookletCreatedOn", LocalDate.of(2026, 6, 12));
		var history = history(2026, Map.of(2025, Set.of("BOOKLET_REQUEST")), 0, 2026);
		// August 2026: the initial mailing is for 令和8年度分 (2026), which begins on 1 September.
		assertThat(reason("BOOKLET_INITIAL", requestedInJune, history)).isEmpty();
		// while a second request in the same year is still refused as already issued
		assertThat(reason("BOOKLET_REQUEST", requestedInJune, history(2025, Map.of(2025, Set.of("BOOKLET_REQUEST")), 0,
				2025))).contains(ExclusionReason.ALREADY_ISSUED);
		// and a June request still waiting in an open batch of 2025 does not hold the person for 2026 either
		assertThat(reason("BOOKLET_INITIAL", subject(), history(2026, Map.of(), 42, 2025))).isEmpty();
		assertThat(reason("BOOKLET_INITIAL", subject(), history(2026, Map.of(), 42, 2026)))
				.contains(ExclusionReason.IN_OTHER_BATCH);
	}

	@Test
	void each_kind_says_which_business_year_its_batches_belong_to() {
		assertThat(kinds.all()).allSatisfy(k -> assertThat(k.yearOfBatch()).as(k.code()).isNotNull());
		for (String code : List.of("BOOKLET_INITIAL", "BOOKLET_MOVERS_IN", "SUBSIDY_APPLICATION", "GRANT_NOTICE",
				"NON_GRANT_NOTICE")) {
			assertThat(kinds.kind(code).yearOfBatch()).as(code).isEqualTo(MailingKind.YearOfBatch.COMING_FROM_JUNE);
		}
		for (String code : List.of("BOOKLET_REQUEST", "BOOKLET_REISSUE", "BOOKLET_ADDITIONAL")) {
			assertThat(kinds.kind(code).yearOfBatch()).as(code).isEqualTo(MailingKind.YearOfBatch.CURRENT);
		}
		for (String code : List.of(MailingKind.POINTS_NOTICE, MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM)) {
			assertThat(kinds.kind(code).yearOfBatch()).as(code).isEqualTo(MailingKind.YearOfBatch.GIVEN);
			assertThat(kinds.kind(code).audience()).as(code).isEqualTo(MailingKind.Audience.GIVEN);
		}
		assertThat(kinds.kind(MailingKind.POINTS_NOTICE).forms()).containsExactly("points-notice");
		assertThat(kinds.kind(MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM).forms()).containsExactly("points-notice",
				"account-form");
	}

	@Test
	void a_points_notice_goes_to_a_points_subject_and_not_to_one_no_longer_in_the_programme() {
		assertThat(reason(MailingKind.POINTS_NOTICE, subject(), NONE)).isEmpty();
		assertThat(reason(MailingKind.POINTS_NOTICE_WITH_ACCOUNT_FORM, with("inProgress", false), NONE))
				.contains(ExclusionReason.NOT_ELIGIBLE);
		assertThat(reason(MailingKind.POINTS_NOTICE, with("deathDate", LocalDate.of(2026, 5, 1)), NONE))
				.contains(ExclusionReason.DECEASED);
	}

	@Test
	void asking_again_before_delivery_is_caught_by_the_open_batch() {
		assertThat(reason("BOOKLET_REQUEST", subject(), history(Set.of(), 42))).contains(ExclusionReason.ASKED_AGAIN);
		assertThat(reason("BOOKLET_REISSUE", subject(), history(Set.of(), 42))).contains(ExclusionReason.ASKED_AGAIN);
	}

	@Test
	void points_excluded_or_stopped_subjects_are_not_eligible_for_booklets() {
		assertThat(reason("BOOKLET_REISSUE", with("pointsExcluded", true), NONE)).contains(ExclusionReason.NOT_ELIGIBLE);
		assertThat(reason("BOOKLET_ADDITIONAL", with("stopped", true), NONE)).contains(ExclusionReason.NOT_ELIGIBLE);
		assertThat(reason("BOOKLET_INITIAL", with("notIssued", true), NONE)).contains(ExclusionReason.NOT_ELIGIBLE);
	}

	@Test
	void a_request_after_withdrawing_a_non_issue_request_is_sent() {
		// 第4章3 ※: those who withdrew their 不交付申出 are included
		assertThat(reason("BOOKLET_REQUEST", with("notIssued", true), NONE)).isEmpty();
	}

	@Test
	void grant_notices_need_a_ticket_type_with_an_amount() {
		assertThat(reason("GRANT_NOTICE", with("ticketType", null), NONE)).contains(ExclusionReason.NOT_ELIGIBLE);
		assertThat(reason("GRANT_NOTICE", with("ticketType", "バス・電車券"), NONE)).contains(ExclusionReason.NOT_ELIGIBLE);
		assertThat(reason("GRANT_NOTICE", subject(), NONE)).isEmpty();
		assertThat(reason("GRANT_NOTICE", with("inIndex", false), NONE)).contains(ExclusionReason.NOT_ELIGIBLE);
	}

	@Test
	void non_grant_notices_need_a_refusal_reason() {
		assertThat(reason("NON_GRANT_NOTICE", with("decisionReason", null), NONE)).contains(ExclusionReason.NOT_ELIGIBLE);
		assertThat(reason("NON_GRANT_NOTICE", subject(), NONE)).isEmpty();
	}

	@Test
	void an_application_already_sent_for_the_year_is_not_sent_again_but_next_years_is() {
		assertThat(reason("SUBSIDY_APPLICATION", subject(), history(Set.of("SUBSIDY_APPLICATION"), 0)))
				.contains(ExclusionReason.ALREADY_ISSUED);
		assertThat(reason("SUBSIDY_APPLICATION", subject(), history(YEAR + 1, Map.of(YEAR, Set.of("SUBSIDY_APPLICATION")),
				0, YEAR))).isEmpty();
	}

	@Test
	void an_eligible_subject_without_a_postcode_is_left_out_for_its_address() {
		assertThat(reason("SUBSIDY_APPLICATION", with("postalCode", null), NONE)).contains(ExclusionReason.NO_ADDRESS);
	}

	@Test
	void movers_in_mailing_considers_only_movers_in() {
		assertThat(kinds.kind("BOOKLET_MOVERS_IN").candidate(subject())).isFalse();
		assertThat(kinds.kind("BOOKLET_MOVERS_IN").candidate(with("movedInKind", "転入"))).isTrue();
	}

	@Test
	void a_subject_without_an_application_number_is_left_out_since_every_form_prints_it() {
		for (MailingKind k : kinds.all()) {
			assertThat(reason(k.code(), subject(), NONE)).as(k.code()).isEmpty();
			assertThat(reason(k.code(), with("managementNumber", null), NONE)).as(k.code())
					.contains(ExclusionReason.NOT_ELIGIBLE);
		}
	}

	@Test
	void reissue_and_additional_booklets_carry_the_mark_printing_knows_and_first_issues_none() {
		assertThat(kinds.kind("BOOKLET_REISSUE").fields(subject(), 2)).containsEntry(PrintFields.MARK,
				PrintFields.MARK_REISSUE);
		assertThat(kinds.kind("BOOKLET_ADDITIONAL").fields(subject(), 0)).containsEntry(PrintFields.MARK,
				PrintFields.MARK_ADDITIONAL);
		assertThat(kinds.kind("BOOKLET_INITIAL").fields(subject(), 0)).containsEntry(PrintFields.MARK, "");
	}

	@Test
	void print_fields_use_printings_names_and_carry_display_values() {
		assertThat(kinds.kind("BOOKLET_INITIAL").fields(subject(), 0))
				.containsEntry(PrintFields.NAME, "田中　太郎").containsEntry(PrintFields.NAME_KANA, "タナカ　タロウ")
				.containsEntry(PrintFields.APPLICATION_NUMBER, "A0000001").containsEntry(PrintFields.POSTCODE, "730-0013")
				.containsEntry(PrintFields.ADDRESS, "広島市中区八丁堀1-2-3")
				.containsEntry(PrintFields.ADDRESS_EXTRA, "八丁堀ハイツ101");
		assertThat(kinds.kind("GRANT_NOTICE").fields(subject(), 0)).containsEntry(PrintFields.TICKET_TYPE, "タクシー券")
				.containsEntry(PrintFields.AMOUNT, "10,000");
		assertThat(kinds.kind("NON_GRANT_NOTICE").fields(subject(), 0)).containsEntry(PrintFields.REFUSAL_REASON, "新規");
		for (MailingKind k : kinds.all()) {
			assertThat(PrintFields.ALL).as(k.code()).containsAll(k.fields(subject(), 0).keySet());
		}
	}
}
