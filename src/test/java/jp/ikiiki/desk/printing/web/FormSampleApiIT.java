package jp.ikiiki.desk.printing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import jp.ikiiki.desk.printing.CharacterDecision;
import jp.ikiiki.desk.printing.CharacterDecisions;
import jp.ikiiki.desk.subjects.SubjectDetail;
import jp.ikiiki.desk.subjects.SubjectLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/forms/{form}/sample.pdf} with the subjects look-up replaced: roles, 404 for an
 * unknown form or subject, 400 for a value the form needs and nobody gave, 409 with the list while characters await a
 * decision, and the decision recorded through the public service taking effect.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormSampleApiIT {

	@Autowired
	MockMvc mvc;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	CharacterDecisions decisions;
	@MockitoBean
	SubjectLookup subjects;

	@BeforeEach
	void subjectsKnown() {
		when(subjects.find(any(), any())).thenReturn(Optional.empty());
		when(subjects.find(eq("9900000001"), any())).thenReturn(Optional.of(subject("9900000001", "広島　花子")));
		when(subjects.find(eq("9900000002"), any())).thenReturn(Optional.of(subject("9900000002", "山■　太郎")));
		when(subjects.find(eq("9900000003"), any())).thenReturn(Optional.of(subject("9900000003", "田■　次郎")));
	}

	static SubjectDetail subject(String addressNumber, String name) {
		return new SubjectDetail(addressNumber, "2024000123", "ヒロシマ　ハナコ", name, null, "女",
				LocalDate.of(1945, 4, 1), 81, 101, "中区",
				new SubjectDetail.Address("7300011", "広島市中区基町10-52", "いきいき荘201号"), null, null, null, null,
				null, null, List.of(), null);
	}

	@Test
	void an_operator_gets_one_booklet_cover_with_the_subjects_name_and_number_and_it_is_audited() throws Exception {
		long before = prints("9900000001");
		byte[] pdf = mvc.perform(get("/api/forms/booklet-cover/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000001").param("mark", "再発行"))
				.andExpect(status().isOk())
				.andExpect(content().contentType(MediaType.APPLICATION_PDF))
				.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("広島　花子", "2024000123", "再発行");
		}
		assertThat(prints("9900000001")).isEqualTo(before + 1);
	}

	@Test
	void a_grant_notice_takes_what_the_data_lacks_from_the_parameters_and_says_what_is_missing() throws Exception {
		mvc.perform(get("/api/forms/grant-notice/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000001").param("registeredMailNumber", "123-45-67890-5"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.detail").value(containsString("ticketType")))
				.andExpect(jsonPath("$.field").value("ticketType"))
				.andExpect(jsonPath("$.title").value("内容を受け付けられません"));
		byte[] pdf = mvc.perform(get("/api/forms/grant-notice/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000001").param("registeredMailNumber", "123-45-67890-5")
				.param("ticketType", "タクシー券").param("amount", "12000"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("123-45-67890-5", "タクシー券", "12,000円",
					"〒730-0011", "広島市中区基町10-52");
		}
		mvc.perform(get("/api/forms/grant-notice/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000001").param("amount", "たくさん"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("amount"));
	}

	@Test
	void an_unknown_form_or_subject_is_not_found() throws Exception {
		mvc.perform(get("/api/forms/no-such-form/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000001"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(containsString("booklet-cover")));
		mvc.perform(get("/api/forms/booklet-cover/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "1234567890"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(containsString("1234567890")));
	}

	@Test
	void undecided_characters_are_a_conflict_with_the_list_until_the_city_decides() throws Exception {
		mvc.perform(get("/api/forms/cover-letter/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000002"))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.reason").value(containsString("外字判断")))
				.andExpect(jsonPath("$.undecided[0].subjectId").value("9900000002"))
				.andExpect(jsonPath("$.undecided[0].field").value("name"))
				.andExpect(jsonPath("$.undecided[0].characters[0]").value("■"));

		SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken("op", null, "ROLE_OPERATOR"));
		try {
			decisions.record(CharacterDecision.replace("9900000002", "name", "■", "﨑", "市の指示 2026-11-23"), "テスト");
		}
		finally {
			SecurityContextHolder.clearContext();
		}

		byte[] pdf = mvc.perform(get("/api/forms/cover-letter/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000002"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("山﨑　太郎");
		}
		// the decision is the person's own: another person with the same character still waits
		mvc.perform(get("/api/forms/cover-letter/sample.pdf").with(user("op").roles("OPERATOR"))
				.param("subject", "9900000003"))
				.andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'UPDATE' and '9900000002' = any(subject_ids)")
				.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void decisions_are_read_for_a_run_of_any_size_with_the_rules_for_everyone_and_only_operators_record_them() {
		SecurityContextHolder.getContext()
				.setAuthentication(new TestingAuthenticationToken("op", null, "ROLE_OPERATOR"));
		try {
			decisions.record(CharacterDecision.replace(null, "*", "髙", "高", "全員に適用"), "テスト");
			decisions.record(CharacterDecision.kana("9900000009", "name", null), "テスト");
			List<String> run = new java.util.ArrayList<>(IntStream.range(0, 70_000)
					.mapToObj(i -> String.valueOf(5_000_000_000L + i)).toList());
			run.add("9900000009");
			List<CharacterDecision> applying = decisions.applying(run);
			assertThat(applying).extracting(CharacterDecision::subjectId).contains(null, "9900000009")
					.doesNotContain("9900000002");
			assertThat(applying).filteredOn(d -> "9900000009".equals(d.subjectId())).singleElement()
					.satisfies(d -> {
						assertThat(d.kind()).isEqualTo(CharacterDecision.Kind.KANA);
						assertThat(d.decidedBy()).isEqualTo("op");
					});
			assertThatThrownBy(() -> decisions.record(CharacterDecision.replace("1", "nmae", "■", "x", null), "テスト"))
					.isInstanceOf(jp.ikiiki.desk.shared.InvalidInputException.class);
			assertThatThrownBy(() -> decisions.record(CharacterDecision.replace("1", "name", "■", "■", null), "テスト"))
					.hasMessageContaining("置換後の文字も印字できません");
			SecurityContextHolder.getContext()
					.setAuthentication(new TestingAuthenticationToken("agent", null, "ROLE_AGENT"));
			assertThatThrownBy(() -> decisions.record(CharacterDecision.kana("1", "name", null), "テスト"))
					.isInstanceOf(AccessDeniedException.class);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Test
	void other_roles_are_forbidden_and_anonymous_callers_unauthorised() throws Exception {
		mvc.perform(get("/api/forms/booklet-cover/sample.pdf").with(user("agent").roles("AGENT"))
				.param("subject", "9900000001"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/forms/booklet-cover/sample.pdf").with(user("city").roles("CITY_STAFF"))
				.param("subject", "9900000001"))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/forms/booklet-cover/sample.pdf").param("subject", "9900000001"))
				.andExpect(status().isUnauthorized());
	}

	private long prints(String subject) {
		return jdbc.sql("select count(*) from audit_event where action = 'PRINT' and :s = any(subject_ids)")
				.param("s", subject).query(Long.class).single();
	}
}
