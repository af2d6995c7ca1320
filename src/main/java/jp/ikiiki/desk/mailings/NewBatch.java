package jp.ikiiki.desk.mailings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator (or the module that makes the batch) gives to create a batch.
 *
 * @param kind         {@link MailingKind#code()}
 * @param title        a name for the batch (e.g. 令和8年8月 初回送付); not blank
 * @param bundleSize   envelopes per bundle, or 0 for the configured size
 * @param targets      the city's list of 宛名番号 for {@link MailingKind.Audience#CITY_LIST} kinds; ignored otherwise
 * @param cancelled    宛名番号 whose request was withdrawn before selection (第4章3, 4); may be empty
 * @param businessYear the business year the batch belongs to; required for {@link MailingKind.YearOfBatch#GIVEN}
 *                     kinds, otherwise null for the kind's rule (a value given overrides it)
 * @param given        for {@link MailingKind.Audience#GIVEN} kinds: the subjects (宛名番号) with the print values of
 *                     each, by the field names of {@code printing.PrintFields}; empty otherwise
 * @param recipients   for {@link MailingKind.Audience#GIVEN_ADDRESSES} kinds: the recipients in the giver's order (a key
 *                     given twice is mailed once and the repeat left out as リスト内重複); empty otherwise
 */
public record NewBatch(String kind, String title, int bundleSize, List<String> targets, List<String> cancelled,
		Integer businessYear, Map<String, Map<String, String>> given, List<MailingRecipient> recipients) {

	public NewBatch {
		targets = targets == null ? List.of() : List.copyOf(targets);
		cancelled = cancelled == null ? List.of() : List.copyOf(cancelled);
		given = given == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(given));
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
	}

	/** A batch of subjects, with the print values given per subject for {@link MailingKind.Audience#GIVEN} kinds. */
	public NewBatch(String kind, String title, int bundleSize, List<String> targets, List<String> cancelled,
			Integer businessYear, Map<String, Map<String, String>> given) {
		this(kind, title, bundleSize, targets, cancelled, businessYear, given, List.of());
	}

	/** A batch of recipients that are not subjects ({@link MailingKind.Audience#GIVEN_ADDRESSES}). */
	public static NewBatch ofRecipients(String kind, String title, List<MailingRecipient> recipients) {
		return new NewBatch(kind, title, 0, List.of(), List.of(), null, Map.of(), recipients);
	}

	/** A batch of a kind whose year follows the kind's rule, with no given values. */
	public NewBatch(String kind, String title, int bundleSize, List<String> targets, List<String> cancelled) {
		this(kind, title, bundleSize, targets, cancelled, null, Map.of(), List.of());
	}
}
