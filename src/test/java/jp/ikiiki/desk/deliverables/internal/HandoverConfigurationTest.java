package jp.ikiiki.desk.deliverables.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class HandoverConfigurationTest {

	@Test
	void names_that_say_secret_are_masked_and_keying_settings_are_not() {
		assertThat(HandoverConfiguration.secretName("ikiiki.ami.password")).isTrue();
		assertThat(HandoverConfiguration.secretName("ikiiki.audit.pseudonym-key")).isTrue();
		assertThat(HandoverConfiguration.secretName("ikiiki.mail.apiToken")).isTrue();
		assertThat(HandoverConfiguration.secretName("IKIIKI_AMI_PASSWORD")).isTrue();
		assertThat(HandoverConfiguration.secretName("ikiiki.x.client_secret")).isTrue();
		assertThat(HandoverConfiguration.secretName("ikiiki.tally.keying-takeover-after")).isFalse();
		assertThat(HandoverConfiguration.secretName("ikiiki.lines.monthly-plan")).isFalse();
	}

	@Test
	void a_password_inside_a_url_is_masked_and_the_rest_kept() {
		assertThat(HandoverConfiguration.maskUrlPasswords("jdbc:postgresql://app:Hunter2@db.local:5432/ikiiki"))
				.isEqualTo("jdbc:postgresql://app:********@db.local:5432/ikiiki");
		assertThat(HandoverConfiguration.maskUrlPasswords("https://example.invalid/path")).isEqualTo(
				"https://example.invalid/path");
	}

	@Test
	void only_ikiiki_properties_are_listed_with_the_value_in_force_and_secrets_masked() {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("override", Map.of("ikiiki.ami.host", "pbx.local")));
		env.getPropertySources().addLast(new MapPropertySource("yml", Map.of("ikiiki.ami.host", "localhost",
				"ikiiki.ami.password", "Known-Secret-1", "spring.datasource.password", "Other-Secret",
				"ikiiki.reports.url", "smtp://u:Known-Secret-2@mail")));
		var listed = HandoverConfiguration.inForce(env);
		assertThat(listed).extracting(HandoverConfiguration.Property::name)
				.contains("ikiiki.ami.host", "ikiiki.ami.password", "ikiiki.reports.url")
				.doesNotContain("spring.datasource.password");
		assertThat(listed).filteredOn(p -> p.name().equals("ikiiki.ami.host")).singleElement()
				.satisfies(p -> assertThat(p.value()).isEqualTo("pbx.local"));
		assertThat(listed).extracting(HandoverConfiguration.Property::value)
				.noneMatch(v -> v.contains("Known-Secret")).contains("********", "smtp://u:********@mail");
	}
}
