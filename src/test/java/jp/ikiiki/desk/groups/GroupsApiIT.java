package jp.ikiiki.desk.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The groups over HTTP: forms received, keyed and approved; an agent finding where a caller can collect points near
 * their address (public fields only); and hostile input refused with the field named, never a 500.
 */
class GroupsApiIT extends GroupsITSupport {

	static final String BODY = """
			{"name":"基町ふれあいサロン","nameKana":"モトマチフレアイサロン","category":"GENERAL","ward":101,
			 "activityCodes":["D"],"meetingPlace":"中区基町 基町集会所",
			 "representative":{"name":"広島 太郎","address":"広島市中区基町1-1","phone":"082-245-1234"},
			 "publicContact":"基町集会所 082-000-0000"}""";

	@Autowired
	MockMvc mvc;
	@Autowired
	ObjectMapper json;

	long created(String body) throws Exception {
		String r = mvc.perform(post("/api/groups/forms").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
				.andReturn().getResponse().getContentAsString();
		return json.readTree(r).get("id").asLong();
	}

	@Test
	void a_form_keyed_and_verified_over_http_is_approved_once_and_an_agent_finds_it_near_a_callers_address()
			throws Exception {
		long searchesBefore = agentSearches();
		long id = created("{\"form\":\"REGISTER\",\"groupId\":null}");
		mvc.perform(put("/api/groups/forms/" + id + "/entry").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY)).andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("ENTERED"));
		mvc.perform(put("/api/groups/forms/" + id + "/verify").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY)).andExpect(status().isConflict());
		mvc.perform(put("/api/groups/forms/" + id + "/verify").with(user("op2").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY.replace("\"ward\":101", "\"ward\":102")))
				.andExpect(status().isConflict()).andExpect(jsonPath("$.mismatches[0]").value("ward"));
		mvc.perform(put("/api/groups/forms/" + id + "/verify").with(user("op2").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY.replace("基町ふれあいサロン", "基町ふれあいサロン ")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.state").value("VERIFIED"));
		mvc.perform(get("/api/groups/forms/check-list").with(user("city1").roles("CITY_STAFF")))
				.andExpect(status().isOk()).andExpect(jsonPath("$[0].values['representative.name']").value("広島　太郎"));
		mvc.perform(post("/api/groups/forms/" + id + "/approval").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/groups/forms/" + id + "/approval").with(user("city1").roles("CITY_STAFF"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}")).andExpect(status().isOk())
				.andExpect(jsonPath("$.state").value("APPROVED"));
		mvc.perform(post("/api/groups/forms/" + id + "/approval").with(user("city1").roles("CITY_STAFF"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false,\"reason\":\"取消\"}"))
				.andExpect(status().isConflict());
		registered(general("光町いきいき体操の会", "ヒカリマチイキイキタイソウノカイ", 102, "東区光町 光町公民館"));
		registered(general("白島みまもり隊", "ハクシマミマモリタイ", 101, "中区白島北町 白島集会所"));

		// A caller in 中区基町: the ward's groups, those meeting in 基町 first; public fields only.
		mvc.perform(get("/api/groups").param("q", "広島市中区基町10-1").with(user("agent1").roles("AGENT")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].name").value("基町ふれあいサロン"))
				.andExpect(jsonPath("$[0].activities[0]").value("D 地域団体の運営活動（2P）"))
				.andExpect(jsonPath("$[0].publicContact").value("基町集会所　082-000-0000"))
				.andExpect(jsonPath("$[0].representative").doesNotExist())
				.andExpect(content("広島　太郎", false)).andExpect(content("082-245-1234", false));
		mvc.perform(get("/api/groups").param("q", "ﾋｶﾘﾏﾁ").with(user("agent1").roles("AGENT")))
				.andExpect(jsonPath("$[*].name").value(hasItem("光町いきいき体操の会")));
		mvc.perform(get("/api/groups").param("q", "体操 東区").with(user("agent1").roles("AGENT")))
				.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/groups/" + id + "/history").with(user("agent1").roles("AGENT")))
				.andExpect(status().isForbidden());
		assertThat(agentSearches()).isEqualTo(searchesBefore + 3);
	}

	@Test
	void hostile_input_is_refused_naming_the_field_and_nothing_is_kept() throws Exception {
		long id = created("{\"form\":\"REGISTER\"}");
		mvc.perform(post("/api/groups/forms").with(user("op1").roles("OPERATOR")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"form\":\"MERGE\"}")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("form"));
		mvc.perform(post("/api/groups/forms").with(user("op1").roles("OPERATOR")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"form\":\"CHANGE\",\"groupId\":987654}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/groups/forms").with(user("op1").roles("OPERATOR")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"form\":\"REGISTER\",\"groupId\":5}")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.field").value("groupId"));
		List<String[]> bad = List.of(
				new String[] { "\"ward\":101", "\"ward\":0", "ward" },
				new String[] { "\"ward\":101", "\"ward\":\"中央区\"", "ward" },
				new String[] { "\"category\":\"GENERAL\"", "\"category\":\"BANK\"", "category" },
				new String[] { "\"activityCodes\":[\"D\"]", "\"activityCodes\":[\"Z\"]", "activityCodes" },
				new String[] { "\"activityCodes\":[\"D\"]", "\"activityCodes\":\"D\"", "activityCodes" },
				new String[] { "\"nameKana\":\"モトマチフレアイサロン\"", "\"nameKana\":\"基町\"", "nameKana" },
				new String[] { "\"phone\":\"082-245-1234\"", "\"phone\":\"12345\"", "representative.phone" },
				new String[] { "\"name\":\"基町ふれあいサロン\"", "\"name\":\"基町\\u0000サロン\"", "name" },
				new String[] { "\"name\":\"基町ふれあいサロン\"", "\"name\":\"基町\\u001b[31mサロン\"", "name" },
				new String[] { "\"name\":\"基町ふれあいサロン\"", "\"name\":\"" + "あ".repeat(50_000) + "\"", "name" },
				new String[] { "\"name\":\"基町ふれあいサロン\"", "\"name\":{\"x\":1}", "name" },
				new String[] { "\"name\":\"基町ふれあいサロン\"", "\"name\":\"\"", "name" },
				new String[] { "\"address\":\"広島市中区基町1-1\"", "\"address\":\"" + "x".repeat(201) + "\"",
						"representative.address" });
		for (String[] b : bad) {
			mvc.perform(put("/api/groups/forms/" + id + "/entry").with(user("op1").roles("OPERATOR"))
					.contentType(MediaType.APPLICATION_JSON).content(BODY.replace(b[0], b[1])))
					.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value(b[2]));
		}
		mvc.perform(put("/api/groups/forms/" + id + "/entry").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("[1,2]")).andExpect(status().isUnprocessableEntity());
		mvc.perform(put("/api/groups/forms/999999/entry").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY)).andExpect(status().isNotFound());
		mvc.perform(get("/api/groups").param("q", "基町\u0007").with(user("agent1").roles("AGENT")))
				.andExpect(status().is4xxClientError());
		mvc.perform(get("/api/groups").param("q", "x".repeat(101)).with(user("agent1").roles("AGENT")))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("q"));
		mvc.perform(get("/api/groups").param("q", "%_\\").with(user("agent1").roles("AGENT")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/groups/stamps/data").param("month", "2026-13").with(user("op1").roles("OPERATOR")))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("month"));
		mvc.perform(post("/api/groups/stamps/packed").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"label\":\"=cmd\"}"))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("label"));
		assertThat(jdbc.sql("select count(*) from group_form_key").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select state from group_form where id = :id").param("id", id).query(String.class)
				.single()).isEqualTo("RECEIVED");
	}

	@Test
	void the_same_verify_sent_twice_at_once_verifies_the_form_once() throws Exception {
		long id = created("{\"form\":\"REGISTER\"}");
		mvc.perform(put("/api/groups/forms/" + id + "/entry").with(user("op1").roles("OPERATOR"))
				.contentType(MediaType.APPLICATION_JSON).content(BODY)).andExpect(status().isOk());
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var calls = new ArrayList<Future<Integer>>();
			for (int i = 0; i < 2; i++) {
				Callable<Integer> call = () -> {
					start.await();
					return mvc.perform(put("/api/groups/forms/" + id + "/verify").with(user("op2").roles("OPERATOR"))
							.contentType(MediaType.APPLICATION_JSON).content(BODY)).andReturn().getResponse().getStatus();
				};
				calls.add(pool.submit(call));
			}
			start.countDown();
			var statuses = new ArrayList<Integer>();
			for (var c : calls) {
				statuses.add(c.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		} finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from activity_group").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from activity_group_history").query(Long.class).single()).isEqualTo(1);
	}

	private long agentSearches() {
		return jdbc.sql("select count(*) from audit_event where channel = 'GET /api/groups' and username = 'agent1'")
				.query(Long.class).single();
	}

	private static org.springframework.test.web.servlet.ResultMatcher content(String text, boolean present) {
		return org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(present ? containsString(text) : not(containsString(text)));
	}
}
