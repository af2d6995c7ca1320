package jp.ikiiki.desk.groups;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import jp.ikiiki.desk.keying.Outcome;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The groups' registration, change and deletion forms (第5章2, 第10章2): received with the scanned image, keyed by two
 * operators (entry and verify, the keying module's rules, as the tally's booklets), a doubtful form marked for a
 * question to the city and waiting, the verified forms on the city's check list, and the city's approval or refusal,
 * applied to the group once. A verified registration form makes the group APPLIED (its {@code applied_on} the day of
 * verification); the approval makes it REGISTERED or REJECTED; an approved change form updates the group (CHANGED), an
 * approved deletion form sets it DELETED; each writes the group's history. Refusals are domain exceptions with the
 * reason in Japanese; every call acts as the signed-in person.
 */
public interface GroupForms {

	/**
	 * Receives a form (today, Japan time).
	 *
	 * @param groupId the group a change or deletion form is about; must be null for a registration form
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  a group given with a registration form or missing for another
	 * @throws jp.ikiiki.desk.shared.NotFoundException      unknown group
	 * @throws jp.ikiiki.desk.shared.StateConflictException a deleted or rejected group, or another form of the group in
	 *                                                      work
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	GroupForm receive(GroupFormKind form, Long groupId);

	/** The form. @throws jp.ikiiki.desk.shared.NotFoundException unknown form */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	GroupForm form(long id);

	/** Forms in a state, oldest first (at most {@code limit}). */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	List<GroupForm> inState(GroupFormState state, int limit);

	/**
	 * The entry of the form, completed at once (the API).
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  a field refused, naming it (API name) and why
	 * @throws jp.ikiiki.desk.shared.StateConflictException the entry complete, held by another, or the form queried
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	GroupForm entry(long id, GroupEntry entry);

	/**
	 * The verify of the form by another operator, compared field by field with the entry (the API).
	 *
	 * @return the form afterwards and the fields that differ (API names)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	VerifyResult verify(long id, GroupEntry entry);

	/**
	 * Opens a pass for the console and returns what is keyed so far (claimed as in the tally).
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException the pass is not open for this operator
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Sheet open(long id, boolean verify);

	/**
	 * Keys one field as the console does: in the entry it is saved; in the verify compared with the entry at once.
	 *
	 * @param text the field as keyed (activity codes separated by commas or spaces)
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	Outcome keyField(long id, boolean verify, GroupField field, String text);

	/**
	 * Completes the pass once every field is keyed (entry) or matched or disputed (verify).
	 *
	 * @throws jp.ikiiki.desk.shared.StateConflictException fields still to key (property {@code missing})
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	GroupForm complete(long id, boolean verify);

	/** Forms waiting for a floor manager's decision, oldest first, with both keyings of each disputed field. */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	List<Dispute> disputes();

	/** A floor manager decides every disputed field (both keyings kept); the form is then VERIFIED. */
	@PreAuthorize("hasRole('FLOOR_MANAGER')")
	GroupForm decide(long id, Map<GroupField, String> values, String note);

	/**
	 * Marks a form whose handwriting leaves a doubt for a question to the city: it waits (QUERIED) until the answer.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  no reason, or longer than 500 characters
	 * @throws jp.ikiiki.desk.shared.StateConflictException already queried or decided
	 */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER')")
	GroupForm query(long id, String reason);

	/** Records the city's answer to the doubt; the form returns to where it was. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	GroupForm answer(long id, String answer);

	/**
	 * The city's check list (第5章2): every verified form waiting for the city, with its values (the representative's
	 * too: the city checks the form as a whole). Audited as a VIEW.
	 */
	@PreAuthorize("hasAnyRole('CITY_STAFF', 'FLOOR_MANAGER')")
	List<CheckItem> checkList(String channel);

	/** The check list as an XLSX workbook (audited as EXPORT). */
	@PreAuthorize("hasAnyRole('CITY_STAFF', 'FLOOR_MANAGER')")
	byte[] checkListWorkbook(String channel);

	/**
	 * The city's approval of a verified form, applied to the group once.
	 *
	 * @param approve true to approve, false to reject
	 * @param reason  why (required to reject, ≤ 500 characters)
	 * @throws jp.ikiiki.desk.shared.StateConflictException the form is not verified (or already decided: 409)
	 */
	@PreAuthorize("hasRole('CITY_STAFF')")
	GroupForm approve(long id, boolean approve, String reason);

	/**
	 * Keeps the form's scanned image (a PDF), replacing none: a form has one image.
	 *
	 * @throws jp.ikiiki.desk.shared.InvalidInputException  not an acceptable PDF, with the reason
	 * @throws jp.ikiiki.desk.shared.StateConflictException the form has an image already
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	GroupForm attachImage(long id, String originalName, InputStream content);

	/** A page of the form's image as PNG (the keying screen shows it beside the fields). Audited as VIEW. */
	@PreAuthorize("hasAnyRole('OPERATOR', 'FLOOR_MANAGER', 'CITY_STAFF')")
	byte[] imagePage(long id, int page, String channel);

	/**
	 * What one operator keyed in a pass.
	 *
	 * @param values by field, as stored
	 * @param status per keyed field
	 */
	record Sheet(GroupForm form, Map<GroupField, String> values, Map<GroupField, Outcome> status) {
	}

	/** The verify's outcome: the form afterwards and the fields that differ, by API name. */
	record VerifyResult(GroupForm form, List<String> mismatches) {
	}

	/** A disputed form. */
	record Dispute(GroupForm form, List<DisputedField> fields, String enteredBy, String verifiedBy) {
	}

	/** One disputed field: the entry's value, the verifier's first and last. */
	record DisputedField(GroupField field, String entryValue, String firstVerifyValue, String verifyValue) {
	}

	/**
	 * A verified form on the city's check list.
	 *
	 * @param current the group as it stands (change and deletion forms); null for a registration before it
	 * @param values  the verified values by field
	 */
	record CheckItem(GroupForm form, Map<GroupField, String> values, GroupProfile current) {
	}
}
