package jp.ikiiki.desk.groups;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stamp issued to a group (第5章2).
 *
 * @param number   the stamp number, from a sequence, never reused
 * @param label    the number as printed and read from the envelope's barcode (GS + 7 digits)
 * @param postedBy CENTRE (the centre packs and mails it) or CITY (第5章3: medical institutions, pharmacies and groups
 *                 with several stamps: the city posts itself)
 * @param packedAt when its label was scanned at packing; null before
 * @param mailingBatchId the mailing batch (第5章1–2, kind GROUP_STAMPS) that holds or sent it; null while in none
 * @param mailedOn the 発送日 of that batch; null until it is dispatched (always null for CITY)
 */
public record Stamp(long number, String label, long groupId, LocalDate issuedOn, String postedBy, Instant packedAt,
		String packedBy, Long mailingBatchId, LocalDate mailedOn) {

	/** The printed and scanned form of a stamp number. */
	public static String label(long number) {
		return String.format("GS%07d", number);
	}
}
