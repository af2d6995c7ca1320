package jp.ikiiki.desk.tally.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import jp.ikiiki.desk.tally.ScanFixtures;
import jp.ikiiki.desk.tally.TallyITSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

class TallyApiIT extends TallyITSupport {

	static final String SUBJECT = "7740000001";
	static final String CARE = "7740000002";
	static final RequestPostProcessor OPERATOR = user("operator1").roles("OPERATOR");
	static final RequestPostProcessor VERIFIER = user("verifier").roles("OPERATOR");
	static final RequestPostProcessor AGENT = user("agent1").roles("AGENT");

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void subjects() {
		clearTally();
		importSubjects(List.of(progress(SUBJECT), progress(CARE, "交通助成", "1", "要介護認定状態", "要介護2")));
	}

	private long receive(String subject, boolean additional) throws Exception {
		String body = mvc.perform(post("/api/booklets").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content("{\"managementNumber\":\"K" + subject + "\",\"receivedOn\":\"2026-06-10\",\"businessYear\":2025,"
						+ "\"additional\":" + additional + "}"))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.businessYear").value(2025))
				.andExpect(jsonPath("$.additional").value(additional))
				.andExpect(jsonPath("$.state").value("RECEIVED"))
				.andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	static String counts(int s4, int s2, int c1, int s1, int v) {
		return "{\"stamps4p\":" + s4 + ",\"stamps2p\":" + s2 + ",\"checkups\":[" + c1 + ",0,0,0,0,0,0,0,0,0,0,0,0,0],"
				+ "\"stamps1p\":" + s1 + ",\"voidStamps\":" + v + "}";
	}

	@Test
	void receipt_answers_201_404_409_and_422_with_a_reason() throws Exception {
		long id = receive(SUBJECT, false);
		receive(SUBJECT, true);
		mvc.perform(post("/api/booklets").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content("{\"managementNumber\":\"K" + SUBJECT + "\",\"receivedOn\":\"2026-06-11\",\"businessYear\":2025}"))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.reason", containsString("受付済み")))
				.andExpect(jsonPath("$.bookletId").value(id));
		mvc.perform(post("/api/booklets").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content("{\"managementNumber\":\"K0000000\",\"receivedOn\":\"2026-06-11\",\"businessYear\":2025}"))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/booklets").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content("{\"managementNumber\":\"K" + CARE + "\",\"receivedOn\":\"2026-04-01\",\"businessYear\":2024}"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.reason", containsString("提出期限切れ")));
		mvc.perform(post("/api/booklets").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content("{\"managementNumber\":\"K" + CARE + "\",\"businessYear\":2025}"))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("receivedOn"));
		mvc.perform(post("/api/booklets").with(AGENT).contentType(MediaType.APPLICATION_JSON)
				.content("{\"managementNumber\":\"K" + CARE + "\",\"receivedOn\":\"2026-06-11\",\"businessYear\":2025}"))
				.andExpect(status().isForbidden());
	}

	@Test
	void entry_and_verify_by_two_operators_verify_the_booklet_and_the_points_follow() throws Exception {
		long id = receive(CARE, false);
		mvc.perform(put("/api/booklets/" + id + "/entry").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content(counts(20, 5, 1, 3, 0))).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("ENTERED"));
		// the same operator may not verify
		mvc.perform(put("/api/booklets/" + id + "/verify").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content(counts(20, 5, 1, 3, 0))).andExpect(status().isConflict());
		// a difference: 409 with the fields, to key again
		mvc.perform(put("/api/booklets/" + id + "/verify").with(VERIFIER).contentType(MediaType.APPLICATION_JSON)
				.content(counts(20, 6, 1, 3, 0)))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.mismatches", hasSize(1)))
				.andExpect(jsonPath("$.mismatches[0]").value("stamps2p"))
				.andExpect(jsonPath("$.state").value("VERIFYING"));
		mvc.perform(put("/api/booklets/" + id + "/verify").with(VERIFIER).contentType(MediaType.APPLICATION_JSON)
				.content(counts(20, 5, 1, 3, 0)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("VERIFIED"));

		// 4×20 + 2×5 + 2×1 + 3 = 95, capped at 50 (交通費助成・要介護)
		mvc.perform(get("/api/points/" + CARE).param("businessYear", "2025").with(AGENT))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.businessYear").value(2025))
				.andExpect(jsonPath("$.stamps4p").value(20))
				.andExpect(jsonPath("$.stamps2p").value(5))
				.andExpect(jsonPath("$.checkups", hasSize(14)))
				.andExpect(jsonPath("$.stamps1p").value(3))
				.andExpect(jsonPath("$.total").value(95))
				.andExpect(jsonPath("$.cap").value(50))
				.andExpect(jsonPath("$.credited").value(50))
				.andExpect(jsonPath("$.amountYen").value(5000))
				.andExpect(jsonPath("$.state").value("VERIFIED"));
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_event where channel = :c"
				+ " and :s = any(subject_ids)").param("c", PointsApi.CHANNEL).param("s", CARE).query(Long.class).single())
				.isEqualTo(1);
	}

	@Test
	void bad_counts_and_unknown_years_are_refused_naming_the_field() throws Exception {
		long id = receive(SUBJECT, false);
		mvc.perform(put("/api/booklets/" + id + "/entry").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content("{\"stamps4p\":1,\"stamps2p\":1,\"checkups\":[1,2],\"stamps1p\":1,\"voidStamps\":0}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("checkups"));
		mvc.perform(put("/api/booklets/" + id + "/entry").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content("{\"stamps4p\":1,\"checkups\":[0,0,0,0,0,0,0,0,0,0,0,0,0,0],\"stamps1p\":1,\"voidStamps\":0}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("stamps2p"));
		mvc.perform(put("/api/booklets/999999/entry").with(OPERATOR).contentType(MediaType.APPLICATION_JSON)
				.content(counts(0, 0, 0, 0, 0))).andExpect(status().isNotFound());
		mvc.perform(get("/api/points/" + SUBJECT).param("businessYear", "2019").with(AGENT))
				.andExpect(status().isUnprocessableEntity());
		mvc.perform(get("/api/points/" + SUBJECT).param("businessYear", "x").with(AGENT)).andExpect(status().isBadRequest());
		mvc.perform(get("/api/points/" + SUBJECT).param("businessYear", "2025").with(user("city").roles("CITY_STAFF")))
				.andExpect(status().isForbidden());
	}

	@Test
	void scans_upload_answers_linked_and_unreadable_files() throws Exception {
		receive(SUBJECT, false);
		mvc.perform(multipart("/api/booklets/scans").file(new MockMultipartFile("file", "a.pdf", "application/pdf",
				ScanFixtures.scannedBooklet("K" + SUBJECT, 1)))
				.file(new MockMultipartFile("file", "b.pdf", "application/pdf", ScanFixtures.unreadableBooklet(1)))
				.file(new MockMultipartFile("file", "c.pdf", "application/pdf", "nope".getBytes()))
				.with(OPERATOR))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.linked", hasSize(1)))
				.andExpect(jsonPath("$.linked[0].file").value("a.pdf"))
				.andExpect(jsonPath("$.linked[0].managementNumber").value("K" + SUBJECT))
				.andExpect(jsonPath("$.unreadable", hasSize(2)))
				.andExpect(jsonPath("$.unreadable[0].file").value("b.pdf"))
				.andExpect(jsonPath("$.unreadable[0].queued").value(true))
				.andExpect(jsonPath("$.unreadable[1].reason").value("PDFファイルではありません"))
				.andExpect(jsonPath("$.unreadable[1].queued").value(false));
	}
}
