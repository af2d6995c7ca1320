package jp.ikiiki.desk.subjects;

import jp.ikiiki.desk.shared.JapanTime;
import static jp.ikiiki.desk.subjects.SubjectFixtures.NAKATA_ICHIRO;
import static jp.ikiiki.desk.subjects.SubjectFixtures.SATO_KYOKO;
import static jp.ikiiki.desk.subjects.SubjectFixtures.TAKAHASHI_HAJIME;
import static jp.ikiiki.desk.subjects.SubjectFixtures.TANAKA_HANAKO;
import static jp.ikiiki.desk.subjects.SubjectFixtures.TANAKA_TARO;
import static jp.ikiiki.desk.subjects.SubjectFixtures.YAMAMOTO_ENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Every criterion of the look-up, their combination, least privilege and the audit trail. */
@SpringBootTest
@AutoConfigureMockMvc // same context as the API tests: one embedded database, one security context strategy
@WithMockUser(username = "agent", roles = "AGENT")
class SubjectLookupIT {

	@Autowired
	SubjectLookup lookup;
	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void subjects() {
		SubjectFixtures.insertAll(jdbc);
	}

	private List<String> ids(SubjectQuery query) {
		return lookup.search(query, 200, "test").stream().map(SubjectSummary::addressNumber)
				.filter(SubjectFixtures.ALL::contains).toList();
	}

	private List<String> box(String text) {
		return ids(SubjectQuery.parse(text));
	}

	private static SubjectQuery fields(String management, String address, String kana, String kanji, String birth,
			String addressFragment) {
		return SubjectQuery.ofFields(management, address, kana, kanji, birth, addressFragment);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A0000001", "*A0000001*", "*A0000001*\r\n", "ａ００００００１", "]A0A0000001" })
	void finds_by_management_number_typed_or_scanned(String text) {
		assertThat(ids(fields(text, null, null, null, null, null))).containsExactly(TANAKA_TARO);
		assertThat(box(text)).containsExactly(TANAKA_TARO);
	}

	@Test
	void finds_by_exact_address_number_only() {
		assertThat(ids(fields(null, TANAKA_HANAKO, null, null, null, null))).containsExactly(TANAKA_HANAKO);
		assertThat(box(TANAKA_HANAKO)).containsExactly(TANAKA_HANAKO);
		assertThat(ids(fields(null, "990000000", null, null, null, null))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "S15.3.2", "昭和15年3月2日", "1940/3/2", "19400302", "ｓ１５．３．２" })
	void finds_by_birth_date_in_western_or_era_form(String text) {
		assertThat(ids(fields(null, null, null, null, text, null))).containsExactly(TANAKA_TARO, NAKATA_ICHIRO);
		assertThat(box(text)).containsExactly(TANAKA_TARO, NAKATA_ICHIRO);
	}

	@Test
	void finds_by_kanji_fragment_ignoring_spaces_and_not_by_reordered_characters() {
		assertThat(ids(fields(null, null, null, "田中", null, null))).containsExactly(TANAKA_TARO, TANAKA_HANAKO);
		assertThat(ids(fields(null, null, null, "中田", null, null))).containsExactly(NAKATA_ICHIRO);
		assertThat(ids(fields(null, null, null, "田中　太郎", null, null))).containsExactly(TANAKA_TARO);
		assertThat(ids(fields(null, null, null, "中太", null, null))).containsExactly(TANAKA_TARO);
		assertThat(ids(fields(null, null, null, "橋一", null, null))).containsExactly(TAKAHASHI_HAJIME);
		assertThat(ids(fields(null, null, null, "太田", null, null))).isEmpty();
	}

	@Test
	void a_single_kanji_works_as_a_fragment() {
		assertThat(ids(fields(null, null, null, "郎", null, null))).containsExactly(TANAKA_TARO, NAKATA_ICHIRO);
		assertThat(ids(fields(null, null, null, "郎", "S15.3.2", null))).containsExactly(TANAKA_TARO, NAKATA_ICHIRO);
		assertThat(ids(fields(null, null, null, "子", null, null))).containsExactly(SATO_KYOKO, TANAKA_HANAKO);
	}

	@Test
	void finds_by_address_fragment_in_residence_extra_and_mailing_address() {
		assertThat(ids(fields(null, null, null, null, null, "八丁堀"))).containsExactly(TANAKA_TARO, NAKATA_ICHIRO);
		assertThat(ids(fields(null, null, null, null, null, "ハイツ"))).containsExactly(TANAKA_TARO);
		assertThat(ids(fields(null, null, null, null, null, "長男方"))).containsExactly(NAKATA_ICHIRO);
		assertThat(ids(fields(null, null, null, null, null, "己斐上２－５"))).containsExactly(TANAKA_HANAKO);
		assertThat(ids(fields(null, null, null, null, null, "祇園"))).containsExactly(SATO_KYOKO);
		assertThat(ids(fields(null, null, null, null, null, "牛田東"))).isEmpty();
	}

	@Test
	void criteria_combine_with_and() {
		assertThat(ids(fields(null, null, "タナカ", null, "S15.3.2", null))).containsExactly(TANAKA_TARO);
		assertThat(ids(fields(null, null, null, "田中", null, "己斐"))).containsExactly(TANAKA_HANAKO);
		assertThat(ids(fields(null, null, "ナカタ", null, null, "八丁堀"))).containsExactly(NAKATA_ICHIRO);
		assertThat(ids(fields("A0000002", null, "タナカ", null, "S15.3.2", null))).isEmpty();
		assertThat(box("たなか S15.3.2")).containsExactly(TANAKA_TARO);
		assertThat(box("田中 八丁堀")).containsExactly(TANAKA_TARO);
		assertThat(box("中田 宇品")).containsExactly(NAKATA_ICHIRO);
		assertThat(box("八丁堀")).containsExactly(TANAKA_TARO, NAKATA_ICHIRO);
		assertThat(ids(SubjectQuery.parse("たなか").and(fields(null, null, null, null, "1942/5/10", null))))
				.containsExactly(TANAKA_HANAKO);
	}

	@Test
	void ended_subjects_are_found_and_marked() {
		var found = lookup.search(fields(null, null, "ヤマモト", null, null, null), 10, "test").stream()
				.filter(s -> s.addressNumber().equals(YAMAMOTO_ENDED)).findFirst().orElseThrow();
		assertThat(found.ended()).isTrue();
		assertThat(lookup.search(fields(null, TANAKA_TARO, null, null, null, null), 10, "test").get(0).ended()).isFalse();
		var detail = lookup.find(YAMAMOTO_ENDED, "test").orElseThrow();
		assertThat(detail.ended()).isTrue();
		assertThat(detail.records().indexEndedAt()).isNotNull();
		assertThat(detail.gaiji()).singleElement().satisfies(g -> assertThat(g.chars()).isEqualTo("茂"));
	}

	@Test
	void summary_carries_ward_and_address_for_the_grid() {
		var s = lookup.search(fields(null, TANAKA_TARO, null, null, null, null), 10, "test").get(0);
		assertThat(s.nameKanji()).isEqualTo("田中　太郎");
		assertThat(s.birthDate()).isEqualTo(LocalDate.of(1940, 3, 2));
		assertThat(s.wardName()).isEqualTo("中区");
		assertThat(s.address()).isEqualTo("広島市中区八丁堀1-2-3　八丁堀ハイツ101");
	}

	@Test
	void pages_through_results_in_kana_order() {
		var all = ids(fields(null, null, null, null, null, "広島市"));
		assertThat(all).containsExactly(SATO_KYOKO, TAKAHASHI_HAJIME, TANAKA_TARO, TANAKA_HANAKO, NAKATA_ICHIRO, YAMAMOTO_ENDED);
		var second = lookup.search(fields(null, null, null, null, null, "広島市"), 1, 1, "test").stream()
				.map(SubjectSummary::addressNumber).toList();
		var first = lookup.search(fields(null, null, null, null, null, "広島市"), 0, 1, "test").stream()
				.map(SubjectSummary::addressNumber).toList();
		assertThat(first).hasSize(1);
		assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
	}

	@Test
	void refuses_a_query_without_criteria() {
		assertThatThrownBy(() -> lookup.search(SubjectQuery.EMPTY, 10, "test")).isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class);
	}

	@Test
	void detail_reads_typed_columns_and_city_records() {
		var d = lookup.find(TANAKA_TARO, "test").orElseThrow();
		assertThat(d.managementNumber()).isEqualTo("A0000001");
		assertThat(d.sex()).isEqualTo("男");
		assertThat(d.age()).isEqualTo(java.time.Period.between(LocalDate.of(1940, 3, 2), LocalDate.now(JapanTime.ZONE)).getYears());
		assertThat(d.wardName()).isEqualTo("中区");
		assertThat(d.residence().postalCodeDisplay()).isEqualTo("730-0013");
		assertThat(d.mailing()).isNull();
		assertThat(d.care().level()).isEqualTo("要介護2");
		assertThat(d.care().validTo()).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(d.subsidy().ticketType()).isEqualTo("タクシー券");
		assertThat(d.subsidy().transportSubsidy()).isTrue();
		assertThat(d.subsidy().receiptStatus()).isEqualTo("受給中");
		assertThat(d.booklet().status()).isEqualTo("交付済");
		assertThat(d.booklet().receivedOn()).isEqualTo(LocalDate.of(2026, 10, 5));
		assertThat(d.booklet().emergencyStop()).isFalse();
		assertThat(d.booklet().deathDate()).isNull();
		assertThat(d.points().total()).isEqualTo(24);
		assertThat(d.points().checkups()).hasSize(14).first().isEqualTo(2);
		assertThat(d.points().paymentAmount()).isEqualTo(2400);
		var n = lookup.find(NAKATA_ICHIRO, "test").orElseThrow();
		assertThat(n.mailing().address()).isEqualTo("広島市中区八丁堀5-7");
		assertThat(n.mailing().extra()).isEqualTo("長男方");
		var t = lookup.find(TAKAHASHI_HAJIME, "test").orElseThrow();
		assertThat(t.records().inProgress()).isFalse();
		assertThat(t.booklet().status()).isNull();
	}

	@Test
	void unknown_address_number_is_empty() {
		assertThat(lookup.find("9999999999", "test")).isEmpty();
	}

	@Test
	void agent_gets_no_bank_details() {
		assertThat(lookup.find(TANAKA_TARO, "test").orElseThrow().bankAccount()).isNull();
	}

	@Test
	@WithMockUser(username = "manager", roles = "FLOOR_MANAGER")
	void floor_manager_gets_no_bank_details() {
		assertThat(lookup.find(TANAKA_TARO, "test").orElseThrow().bankAccount()).isNull();
	}

	@Test
	@WithMockUser(username = "city", roles = "CITY_STAFF")
	void city_staff_gets_no_bank_details() {
		assertThat(lookup.find(TANAKA_TARO, "test").orElseThrow().bankAccount()).isNull();
	}

	@Test
	@WithMockUser(username = "operator", roles = "OPERATOR")
	void operator_gets_bank_details() {
		var bank = lookup.find(TANAKA_TARO, "test").orElseThrow().bankAccount();
		assertThat(bank).isNotNull();
		assertThat(bank.bankCode()).isEqualTo("0169");
		assertThat(bank.bankName()).isEqualTo("広島銀行");
		assertThat(bank.branchCode()).isEqualTo("001");
		assertThat(bank.holder()).isEqualTo("タナカ　タロウ");
	}

	@Test
	@WithMockUser(username = "security", roles = "SECURITY_ADMIN")
	void security_admin_is_refused() {
		assertThatThrownBy(() -> lookup.search(SubjectQuery.parse("タナカ"), 10, "test")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> lookup.search(SubjectQuery.parse("タナカ"), 0, 10, "test")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> lookup.find(TANAKA_TARO, "test")).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void search_and_view_are_audited_with_subjects_criteria_and_channel() {
		String channel = "test:" + UUID.randomUUID();
		lookup.search(fields(null, null, "タナカ", null, "S15.3.2", null), 10, channel);
		lookup.find(NAKATA_ICHIRO, channel);
		var rows = jdbc.sql("select username, action, subject_ids, detail from audit_event where channel = :c order by id")
				.param("c", channel)
				.query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
						List.of((String[]) rs.getArray(3).getArray()), String.valueOf(rs.getString(4))))
				.list();
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0)).containsExactly("agent", "SEARCH", List.of(TANAKA_TARO),
				"kana=タナカ; birthDate=1940-03-02; results=1");
		assertThat(rows.get(1).subList(0, 3)).containsExactly("agent", "VIEW", List.of(NAKATA_ICHIRO));
	}
}
