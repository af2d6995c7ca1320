package jp.ikiiki.desk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionsTest {

	@Test
	void a_version_is_named_dai_n_han() {
		assertThat(Versions.label(1)).isEqualTo("第1版");
		assertThat(Versions.label(12)).isEqualTo("第12版");
		assertThat(Versions.suffix(3)).isEqualTo("（第3版）");
	}

	@Test
	void there_is_no_version_zero() {
		assertThatThrownBy(() -> Versions.label(0)).isInstanceOf(IllegalArgumentException.class);
	}
}
