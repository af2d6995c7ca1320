package jp.ikiiki.desk.mailings;

import java.util.List;

/**
 * What the operator gives to create a batch.
 *
 * @param kind       {@link MailingKind#code()}
 * @param title      a name for the batch (e.g. 令和8年8月 初回送付); not blank
 * @param bundleSize envelopes per bundle, or 0 for the configured size
 * @param targets    the city's list of 宛名番号 for {@link MailingKind.Audience#CITY_LIST} kinds; ignored otherwise
 * @param cancelled  宛名番号 whose request was withdrawn before selection (第4章3, 4); may be empty
 */
public record NewBatch(String kind, String title, int bundleSize, List<String> targets, List<String> cancelled) {

	public NewBatch {
		targets = targets == null ? List.of() : List.copyOf(targets);
		cancelled = cancelled == null ? List.of() : List.copyOf(cancelled);
	}
}
