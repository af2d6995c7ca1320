package jp.ikiiki.desk.deliverables;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The calendar of deliverables to the city and the work on each period. Refusals are domain exceptions with the
 * reason in Japanese: an unknown kind, period or file is a {@link jp.ikiiki.desk.shared.NotFoundException}, a step
 * out of order or a check by the person who generated the file a {@link jp.ikiiki.desk.shared.StateConflictException}.
 */
public interface Deliverables {

	/**
	 * Every period due in the month (by its due date), every line of the contract's table included whether or not a
	 * module generates it yet, ordered by due date and kind. The security administrator reads it for the handover
	 * package's checklist of open deliverables (第9章1(4)).
	 */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR','CITY_STAFF','SECURITY_ADMIN')")
	List<DeliverablePeriod> month(YearMonth month);

	/** Periods due on or before {@code today} and not delivered, oldest first (provided kinds only). */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR','CITY_STAFF','SYSTEM')")
	List<DeliverablePeriod> overdue(LocalDate today);

	/** Generates the period's file from one snapshot; the earlier file, if any, is kept. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR')")
	DeliverablePeriod generate(String kind, String period);

	/** Records the check of the current file by someone other than who generated it. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR')")
	DeliverablePeriod check(String kind, String period, UUID fileId);

	/** Sends the current file back with the checker's reason (required, at most 500 characters). */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR')")
	DeliverablePeriod reject(String kind, String period, UUID fileId, String reason);

	/** Marks a checked period delivered: the city may download it now. */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR')")
	DeliverablePeriod deliver(String kind, String period);

	/**
	 * A file as generated, audited as a download. City staff get only delivered files; their first download of the
	 * current file marks the period downloaded.
	 *
	 * @param channel the screen or API call, for the audit trail
	 */
	@PreAuthorize("hasAnyRole('FLOOR_MANAGER','OPERATOR','CITY_STAFF')")
	StoredDeliverableFile download(UUID fileId, String channel);

	/**
	 * A stored file and what identifies it.
	 *
	 * @param sha256 SHA-256 of the bytes (hex), checked against the bytes when read
	 */
	record StoredDeliverableFile(UUID id, String fileName, String contentType, String sha256, byte[] content) {
	}
}
