package jp.ikiiki.desk.groups;

import java.time.YearMonth;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Stamps for the groups (第5章2, 3): numbers issued by the system (a sequence, never reused, several for a group that
 * asks), a barcode label per stamp envelope, the label scanned when packed, the stamp-number data for the city, and
 * the group's registration notice (活動団体登録通知書, 第3章6) printed with its numbers. Medical institutions, pharmacies
 * and groups with several stamps are posted by the city itself (第5章3): their data is prepared, they are not packed
 * here.
 */
public interface GroupStamps {

	/**
	 * Issues {@code count} stamps to a registered group (today, Japan time).
	 *
	 * @param count 1–20
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  count out of range
	 * @throws jp.ikiiki.desk.shared.NotFoundException      unknown group
	 * @throws jp.ikiiki.desk.shared.StateConflictException a group not registered (APPLIED, REJECTED, DELETED)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	List<Stamp> issue(long groupId, int count);

	/** The group's stamps, by number. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	List<Stamp> of(long groupId);

	/**
	 * A label scanned at packing: the stamp is packed.
	 *
	 * @param scanned the text the scanner read (GS + 7 digits)
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  not a stamp label
	 * @throws jp.ikiiki.desk.shared.NotFoundException      no such stamp
	 * @throws jp.ikiiki.desk.shared.StateConflictException packed already (when and by whom), posted by the city, or
	 *                                                      the group deleted
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Stamp pack(String scanned);

	/** Stamps issued and not packed, posted by the centre, oldest first (the packing list). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	List<Stamp> toPack();

	/**
	 * Makes the mailing of the stamps the centre posts (第5章1, 2; mid and late month, when the operator chooses): a
	 * selected batch of the mailings module, kind GROUP_STAMPS, one envelope per group to its representative (postcode
	 * read from the start of the representative's address) with its registration notice printed with the stamp numbers,
	 * of every stamp posted by the centre, issued and in no batch yet. Stamps the city posts (第5章3) are never in it.
	 * A group left out (no postcode or address, no representative) is in the batch's left-out list with the reason and
	 * its stamps stay free; a withdrawn batch or a pulled-out envelope frees them; a dispatched batch records their
	 * 発送日 ({@link Stamp#mailedOn()}).
	 *
	 * @return the batch's id
	 * @throws jp.ikiiki.desk.shared.StateConflictException no stamp to mail
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	long startMailing(String channel);

	/** How many stamps the centre posts are issued and in no mailing batch yet. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	int toMail();

	/**
	 * The stamp-number data for the city (CSV, UTF-8 with BOM): every stamp issued in {@code month} with its group,
	 * who posts it and when it was packed. Audited as EXPORT.
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	byte[] dataFile(YearMonth month, String channel);

	/** The barcode labels of the given stamps (PDF, one label each, A4 sheets of 3×8). Audited as PRINT. */
	@PreAuthorize("hasRole('OPERATOR')")
	byte[] labels(List<Long> numbers, String channel);

	/**
	 * The group's registration notice (活動団体登録通知書, 第3章6) printed with its address, name, representative and
	 * stamp numbers (PDF). Audited as PRINT.
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException no stamps issued yet
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	byte[] registrationNotice(long groupId, String channel);
}
