package jp.ikiiki.desk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

/**
 * Every endpoint of the HTTP API — found from Spring MVC's own mappings, so that an endpoint added later is covered
 * without touching this test — fed what a careless or hostile client sends: negative, zero and huge numbers, NUL,
 * impossible and extreme dates (0001-01-01, 2026-13-40, +999999999-12-31), unknown enum values, blank, very long and
 * SQL-looking texts, missing and malformed bodies. None may answer 500, and every refusal must be the API's one
 * error shape: {@code application/problem+json} with a Japanese {@code reason}. The caller holds every role, so
 * that each request reaches its controller.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileApiInputIT {

	static final List<String> HOSTILE = List.of("-1", "0", "2147483648", "-99999999999999999999", "1e9", "0x10",
			"\u0000", "a\u0000b", "\u001b[31m", "0001-01-01", "2026-13-40", "2026-02-30", "+999999999-12-31",
			"9999-12", "2026-00", "NOT_AN_ENUM", "", " ", "　", "' or 1=1 --", "../../../etc/passwd",
			"<script>alert(1)</script>", "x".repeat(3000), "\uD842\uDFB7野家", "%", "%zz");

	static final List<String> BODIES = List.of("", "{}", "null", "[]", "\"x\"", "not json", "{\"x\":", "{\"limit\":-1}",
			"{\"limit\":99999999999}", "{\"limit\":\"many\"}", "{\"instruction\":\"\\u0000\"}",
			"{\"instruction\":\"" + "あ".repeat(100_000) + "\"}", "{\"days\":[{\"day\":\"2026-13-40\"}]}",
			"[{\"day\":\"0001-01-01\",\"am\":-1,\"pm\":99999999999}]");

	@Autowired MockMvc mvc;
	@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
	final ObjectMapper json = new ObjectMapper();

	record Endpoint(HttpMethod method, String pattern, List<String> pathVariables, List<String> parameters,
			boolean body, List<String> parts) {
		@Override
		public String toString() {
			return method + " " + pattern;
		}
	}

	List<Endpoint> endpoints;
	final Set<String> failures = new TreeSet<>();

	@BeforeAll
	void findEndpoints() {
		endpoints = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : e.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				var methods = e.getKey().getMethodsCondition().getMethods();
				for (var m : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
					List<String> vars = new ArrayList<>();
					List<String> params = new ArrayList<>();
					List<String> parts = new ArrayList<>();
					boolean body = false;
					for (MethodParameter p : e.getValue().getMethodParameters()) {
						p.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
						if (p.hasParameterAnnotation(PathVariable.class)) {
							vars.add(name(p.getParameterAnnotation(PathVariable.class).value(), p));
						} else if (p.hasParameterAnnotation(RequestParam.class)) {
							params.add(name(p.getParameterAnnotation(RequestParam.class).value(), p));
						} else if (p.hasParameterAnnotation(RequestPart.class)) {
							parts.add(name(p.getParameterAnnotation(RequestPart.class).value(), p));
						} else if (p.hasParameterAnnotation(RequestBody.class)) {
							body = true;
						}
					}
					endpoints.add(new Endpoint(m.asHttpMethod(), pattern, vars, params, body, parts));
				}
			}
		}
	}

	private static String name(String declared, MethodParameter p) {
		return declared == null || declared.isEmpty() ? p.getParameterName() : declared;
	}

	@Test
	void every_module_with_an_api_is_covered() {
		assertThat(endpoints).extracting(Endpoint::pattern)
				.anyMatch(p -> p.startsWith("/api/audit"))
				.anyMatch(p -> p.startsWith("/api/subjects"))
				.anyMatch(p -> p.startsWith("/api/lines"))
				.anyMatch(p -> p.startsWith("/api/reports"))
				.anyMatch(p -> p.startsWith("/api/escalations"));
	}

	@TestFactory
	Stream<DynamicTest> no_endpoint_answers_500_or_another_shape_to_hostile_input() {
		return endpoints.stream().sorted(java.util.Comparator.comparing(Endpoint::toString))
				.map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
					var problems = new LinkedHashSet<String>();
					for (String value : HOSTILE) {
						// every parameter and path variable hostile at once
						send(endpoint, value, true, null, problems);
						// the path hostile, the parameters left out (defaults, required ones missing)
						send(endpoint, value, false, null, problems);
					}
					if (endpoint.body()) {
						for (String body : BODIES) {
							send(endpoint, "1", false, body, problems);
						}
					}
					failures.addAll(problems);
					assertThat(problems).as("answers that are 500 or not a problem with a reason").isEmpty();
				}));
	}

	private void send(Endpoint endpoint, String value, boolean withParameters, String body, Set<String> problems)
			throws Exception {
		String path = endpoint.pattern();
		for (String var : endpoint.pathVariables()) {
			path = path.replace("{" + var + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
		}
		path = path.replaceAll("\\{[^}]*}", "1");
		var query = new StringBuilder();
		boolean raw = value.startsWith("%");
		if (withParameters) {
			for (String p : endpoint.parameters()) {
				query.append(query.isEmpty() ? "" : "&").append(p).append('=')
						.append(raw ? value : UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
			}
		}
		// A malformed escape (a lone %) cannot pass through java.net.URI: it is put on the request as it would arrive.
		URI uri = URI.create(raw || query.isEmpty() ? path : path + "?" + query);
		String rawQuery = raw && !query.isEmpty() ? query.toString() : null;
		MockHttpServletRequestBuilder request;
		if (!endpoint.parts().isEmpty()) {
			var multipart = MockMvcRequestBuilders.multipart(endpoint.method(), uri);
			if (withParameters) {
				for (String part : endpoint.parts()) {
					multipart.file(new MockMultipartFile(part, "hostile.csv", "text/csv", value.getBytes(StandardCharsets.UTF_8)));
				}
			}
			request = multipart;
		} else {
			request = MockMvcRequestBuilders.request(endpoint.method(), uri);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		if (rawQuery != null) {
			request.with(r -> {
				r.setQueryString(rawQuery);
				return r;
			});
		}
		request.with(user("hostile").roles("AGENT", "FLOOR_MANAGER", "OPERATOR", "CITY_STAFF", "SECURITY_ADMIN"));
		MockHttpServletResponse response;
		try {
			response = mvc.perform(request).andReturn().getResponse();
		} catch (Exception e) {
			problems.add(describe(endpoint, uri, body) + " → exception " + e.getClass().getSimpleName()
					+ (e.getCause() == null ? "" : " / " + e.getCause().getClass().getSimpleName()));
			return;
		}
		int status = response.getStatus();
		if (status >= 500) {
			problems.add(describe(endpoint, uri, body) + " → " + status);
		} else if (status >= 400) {
			String type = response.getContentType();
			if (type == null || !MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
				String text = response.getContentAsString(StandardCharsets.UTF_8);
				problems.add(describe(endpoint, uri, body) + " → " + status + " as " + type + " "
						+ (text.length() > 80 ? text.substring(0, 80) + "…" : text));
				return;
			}
			JsonNode problem = json.readTree(response.getContentAsByteArray());
			String reason = problem.path("reason").asText("");
			if (reason.isBlank() || !reason.codePoints().anyMatch(c -> c > 0x3000)) {
				String detail = problem.path("detail").asText("");
				problems.add(describe(endpoint, uri, body) + " → " + status + " without a Japanese reason (detail: "
						+ (detail.length() > 80 ? detail.substring(0, 80) + "…" : detail) + ")");
			}
		}
	}

	private static String describe(Endpoint endpoint, URI uri, String body) {
		String shown = uri.toString().replace("\u0000", "\\0");
		if (shown.length() > 160) {
			shown = shown.substring(0, 160) + "…";
		}
		return endpoint.method() + " " + shown + (body == null ? "" : " body " + (body.length() > 60 ? body.substring(0, 60) + "…" : body));
	}

	@org.junit.jupiter.api.AfterAll
	void printAll() {
		if (!failures.isEmpty()) {
			System.out.println("HOSTILE-INPUT FAILURES (" + failures.size() + "):");
			failures.forEach(f -> System.out.println("  " + f));
		}
	}
}
