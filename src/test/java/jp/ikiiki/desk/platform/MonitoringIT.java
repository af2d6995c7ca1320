package jp.ikiiki.desk.platform;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.ikiiki.desk.audit.AuditAction;
import jp.ikiiki.desk.audit.AuditTrail;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
class MonitoringIT {

	@Autowired MockMvc mvc;
	@Autowired AuditTrail audit;

	@Test
	void prometheus_endpoint_is_open_and_counts_audit_events_without_personal_data() throws Exception {
		audit.recordFor("monitor-test", AuditAction.LOGIN_FAILED, "ログイン", null);
		mvc.perform(get("/actuator/prometheus"))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("ikiiki_audit_events_total{action=\"LOGIN_FAILED\"")))
				.andExpect(content().string(Matchers.not(Matchers.containsString("monitor-test"))));
	}

	@Test
	void health_is_open() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void openapi_description_lists_the_api() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/audit']").exists());
	}
}
