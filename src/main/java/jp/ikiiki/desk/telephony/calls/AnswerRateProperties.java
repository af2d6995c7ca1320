package jp.ikiiki.desk.telephony.calls;

import jp.ikiiki.desk.shared.InvalidInputException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Named answer-rate definitions ({@code ikiiki.telephony.answer-rate.definitions}, 第6章2 ※1). The first is the
 * default; every figure names the definition that produced it.
 *
 * @param definitions at least one, names unique
 */
@Validated
@ConfigurationProperties("ikiiki.telephony.answer-rate")
record AnswerRateProperties(@NotEmpty List<@Valid Definition> definitions) {

	AnswerRateProperties {
		if (new HashSet<>(definitions.stream().map(Definition::name).toList()).size() != definitions.size()) {
			throw new IllegalArgumentException("answer-rate definition names must be unique");
		}
	}

	/**
	 * One way of counting.
	 *
	 * @param name                 how figures name it, e.g. {@code contract}
	 * @param excludeAbandonsUnder abandons that waited less than this are left out of received (0: none)
	 * @param serviceLevel         a call answered within this wait counts as answered promptly (default 20 s)
	 */
	record Definition(@NotBlank String name, @NotNull @DefaultValue("0s") Duration excludeAbandonsUnder,
			@NotNull @DefaultValue("20s") Duration serviceLevel) {
	}

	Definition find(String name) {
		if (name == null || name.isBlank()) {
			return definitions.get(0);
		}
		return definitions.stream().filter(d -> d.name().equals(name)).findFirst()
				.orElseThrow(() -> new InvalidInputException("definition", "応答率の定義 '" + name + "' はありません（設定済み: "
						+ String.join(", ", definitions.stream().map(Definition::name).toList()) + "）"));
	}
}
