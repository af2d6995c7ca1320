package jp.ikiiki.desk.mailings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A recipient that is not a subject, given with the batch by the module that makes it
 * ({@link MailingKind.Audience#GIVEN_ADDRESSES}: an activity group's representative, 第5章1–2). The batch checks what it
 * checks for every recipient (a postcode and an address to send to, the key once in the list) and none of the checks
 * that belong to subjects (moved out, deceased, mailing history of a business year).
 *
 * @param key        the giving module's key of the recipient (e.g. {@code G123} for group 123): 1–20 characters,
 *                   letters, digits and hyphens, starting with a letter so that it can never be taken for a 宛名番号;
 *                   found by the pull-out (引抜) like a 宛名番号
 * @param name       the name shown in the batch's lists (the group's name); not blank
 * @param postalCode 郵便番号 as written (7 digits, with or without hyphen or 〒); null or not a postcode: left out as
 *                   宛先不備
 * @param address    the address as printed; null or blank: left out as 宛先不備
 * @param fields     the print values of the recipient's envelope by the names of {@code printing.PrintFields}; the batch
 *                   adds {@code name}, {@code postcode}, {@code address} and {@code issueDate}
 * @param refusal    why the giving module already knows the recipient cannot be mailed (e.g. 代表者名なし): left out as
 *                   対象外 with this detail; null to mail
 */
public record MailingRecipient(String key, String name, String postalCode, String address, Map<String, String> fields,
		String refusal) {

	public MailingRecipient {
		fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** A recipient to mail. */
	public MailingRecipient(String key, String name, String postalCode, String address, Map<String, String> fields) {
		this(key, name, postalCode, address, fields, null);
	}
}
