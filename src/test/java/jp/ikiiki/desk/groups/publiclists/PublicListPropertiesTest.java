package jp.ikiiki.desk.groups.publiclists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class PublicListPropertiesTest {

	@Configuration
	@EnableConfigurationProperties(PublicListProperties.class)
	static class Config {
	}

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Config.class);

	@Test
	void without_configuration_the_default_public_columns_are_used() {
		runner.run(ctx -> assertThat(ctx.getBean(PublicListProperties.class).fields()).containsExactly(PublicField.WARD,
				PublicField.NAME, PublicField.NAME_KANA, PublicField.ACTIVITY_CODES, PublicField.MEETING_PLACE,
				PublicField.PUBLIC_CONTACT));
	}

	@Test
	void the_city_chooses_the_columns_their_headings_and_order() {
		runner.withPropertyValues("ikiiki.groups.public-list.columns[0].field=name",
				"ikiiki.groups.public-list.columns[0].heading=名称", "ikiiki.groups.public-list.columns[1].field=WARD",
				"ikiiki.groups.public-list.columns[1].heading=区", "ikiiki.groups.public-list.columns[1].width=2")
				.run(ctx -> {
					var p = ctx.getBean(PublicListProperties.class);
					assertThat(p.fields()).containsExactly(PublicField.NAME, PublicField.WARD);
					assertThat(p.columns().get(0).heading()).isEqualTo("名称");
					assertThat(p.columns().get(0).width()).isEqualTo(3);
				});
	}

	@Test
	void a_private_field_configured_in_stops_the_start_up() {
		for (String field : List.of("REPRESENTATIVE_PHONE", "representative_address", "REPRESENTATIVE-NAME",
				"REPRESENTATIVE")) {
			runner.withPropertyValues("ikiiki.groups.public-list.columns[0].field=" + field,
					"ikiiki.groups.public-list.columns[0].heading=電話").run(ctx -> {
						assertThat(ctx).hasFailed();
						assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("private field");
					});
		}
	}

	@Test
	void an_unknown_or_doubled_field_or_a_blank_heading_is_refused() {
		assertThatThrownBy(() -> new PublicListProperties(List.of(new PublicListProperties.Column("HOME", "自宅", 3))))
				.hasMessageContaining("unknown field");
		assertThatThrownBy(() -> new PublicListProperties(List.of(new PublicListProperties.Column("NAME", "名", 3),
				new PublicListProperties.Column("NAME", "名2", 3)))).hasMessageContaining("twice");
		assertThatThrownBy(() -> new PublicListProperties(List.of(new PublicListProperties.Column("NAME", " ", 3))))
				.hasMessageContaining("heading");
	}
}
