package jp.ikiiki.desk.mailings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the mailings module.
 *
 * @param outputDir     where print files are written, one directory per batch
 * @param bundleSize    envelopes per bundle unless the batch says otherwise (1–10,000)
 * @param ticketAmounts 助成金額 in yen per 利用券種, printed on grant notices (第3章); a grant notice for a ticket type
 *                      not listed leaves the subject out as not eligible
 * @param postage       the 後納郵便差出票 class of each kind's envelope, by {@link MailingKind#code()}; a kind not
 *                      listed is counted under {@code DEFAULT}
 */
@Validated
@ConfigurationProperties("ikiiki.mailings")
public record MailingsProperties(@NotNull Path outputDir, @Min(1) @Max(10_000) int bundleSize,
		Map<String, Integer> ticketAmounts, Map<String, @Valid PostageClass> postage) {

	public MailingsProperties {
		ticketAmounts = ticketAmounts == null ? Map.of() : Map.copyOf(ticketAmounts);
		postage = postage == null ? Map.of() : Map.copyOf(postage);
	}

	/** The postage class of a kind, or of {@code DEFAULT}, or an unclassified one. */
	public PostageClass postageOf(String kind) {
		PostageClass c = postage.get(kind);
		if (c == null) {
			c = postage.get("DEFAULT");
		}
		return c != null ? c : new PostageClass("未設定", "未設定", "未設定", "", Map.of());
	}

	/**
	 * How the post office counts one envelope on the 後納郵便差出票.
	 *
	 * @param envelope          the envelope (角6, 長3 …), for the operator's reference
	 * @param sizeClass         定形 / 定形外（規格内） / 定形外（規格外）
	 * @param weightClass       重量区分 (e.g. 25g以内, 50g以内, 100g以内)
	 * @param handling          special handling (簡易書留), or empty
	 * @param weightByTicketType weight classes that differ by 利用券種 (tickets vary in size and weight, 第4章8)
	 */
	public record PostageClass(@NotBlank String envelope, @NotBlank String sizeClass, @NotBlank String weightClass,
			String handling, Map<String, String> weightByTicketType) {

		public PostageClass {
			handling = handling == null ? "" : handling;
			weightByTicketType = weightByTicketType == null ? Map.of() : Map.copyOf(weightByTicketType);
		}

		/** The weight class of an envelope holding this ticket type (null: none). */
		public String weightFor(String ticketType) {
			return ticketType == null ? weightClass : weightByTicketType.getOrDefault(ticketType, weightClass);
		}
	}
}
