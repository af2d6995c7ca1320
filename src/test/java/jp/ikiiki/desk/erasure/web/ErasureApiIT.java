package jp.ikiiki.desk.erasure.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The erasure's API: roles, the dry run's shape, and refusals that change nothing (no real erasure here). */
@SpringBootTest
@AutoConfigureMockMvc
class ErasureApiIT {

	@Autowired MockMvc mvc;

	@Test
	void a_security_administrator_gets_the_dry_run_with_every_kind_and_what_is_kept() throws Exception {
		mvc.perform(post("/api/erasure").param("dryRun", "true").with(user("api-sec").roles("SECURITY_ADMIN")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.dryRun").value(true))
				.andExpect(jsonPath("$.state").value("DRY_RUN"))
				.andExpect(jsonPath("$.kinds[?(@.key == 'subjects.subject')]").exists())
				.andExpect(jsonPath("$.kinds[?(@.key == 'audit.sealed_values')]").exists())
				.andExpect(jsonPath("$.kept").isNotEmpty());
	}

	@Test
	void nobody_else_may_erase_or_see_erasures() throws Exception {
		mvc.perform(post("/api/erasure").param("dryRun", "true").with(user("api-fm").roles("FLOOR_MANAGER")))
				.andExpect(status().isForbidden());
		mvc.perform(get("/api/erasure").with(user("api-agent").roles("AGENT"))).andExpect(status().isForbidden());
	}

	@Test
	void a_real_erasure_without_a_request_number_is_refused_naming_the_parameter() throws Exception {
		mvc.perform(post("/api/erasure").param("dryRun", "false").with(user("api-sec").roles("SECURITY_ADMIN")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("request"));
	}

	@Test
	void an_unknown_erasure_has_no_certificate_and_a_blank_reason_is_refused() throws Exception {
		mvc.perform(get("/api/erasure/999999/certificate.pdf").with(user("api-sec").roles("SECURITY_ADMIN")))
				.andExpect(status().isNotFound());
		mvc.perform(post("/api/erasure/requests").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"  \"}")
				.with(user("api-sec").roles("SECURITY_ADMIN")))
				.andExpect(status().isUnprocessableEntity());
	}
}
